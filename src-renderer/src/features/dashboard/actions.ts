/** Keeping the run history current. */
import { call } from '@renderer/lib/call';
import { studio } from '@renderer/lib/client';
import { studioState } from '@renderer/store';

export async function refreshHistory(): Promise<void> {
  const history = await call('listHistory', {});
  if (history) studioState().setHistory(history);
}

/** Reloads the history whenever a run ends; returns the function that stops. */
export function followHistory(): () => void {
  return studio().onRunFinished(() => void refreshHistory());
}
