/**
 * Generating: start and cancel a run, and follow its events. Events and replies travel
 * separately, so the end of a run is followed by a fresh snapshot from the host (the truth).
 */
import { call } from '@renderer/lib/call';
import { studio } from '@renderer/lib/client';
import type { Engine } from '@shared/api';
import { showError, studioState } from '@renderer/store';
import { appendRunText, watchRunText } from '@renderer/store/streams';
import { viewOfSnapshot } from './run-slice';

async function resync(runId: string): Promise<void> {
  const snapshot = await call('getRun', { runId });
  const current = studioState().run;
  if (snapshot && current?.runId === runId)
    studioState().setRun({ ...viewOfSnapshot(snapshot), endedAt: current.endedAt });
}

/** Generates the open document with `engine` (the settings' default when not given). */
export async function startRun(engine?: Engine): Promise<void> {
  const { document } = studioState();
  if (!document) return;
  const started = await call('startRun', { erd: document.erd, ...(engine ? { engine } : {}) });
  if (!started) return;
  watchRunText(started.runId);
  const snapshot = await call('getRun', { runId: started.runId });
  if (!snapshot) return;
  const current = studioState().run;
  // Events may have arrived before the snapshot; keep whichever saw more.
  if (!current || current.runId !== started.runId || current.finished <= snapshot.units.length)
    studioState().setRun(viewOfSnapshot(snapshot));
}

export async function cancelRun(): Promise<void> {
  const { run } = studioState();
  if (run) await call('cancelRun', { runId: run.runId });
}

/** Follows the host's run events into the store; returns the function that stops following. */
export function followRuns(): () => void {
  const client = studio();
  const stops = [
    client.onRunProgress((e) => studioState().onProgress(e)),
    client.onRunText(appendRunText),
    client.onFileReady((e) => studioState().onFile(e)),
    client.onFindings((e) => studioState().onFindings(e)),
    client.onRunFinished((e) => {
      studioState().onFinished(e, Date.now());
      if (e.status === 'failed' && e.error) showError(e.error);
      void resync(e.runId);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
