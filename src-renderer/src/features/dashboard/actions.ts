/** Keeping the run history current, filtering it, and exporting it. */
import { call } from '@renderer/lib/call';
import { studio } from '@renderer/lib/client';
import { studioState, useStudio } from '@renderer/store';
import type { HistoryViewFilter } from './dashboard-slice';

/** Reloads the table and, once there are runs to chart, the dashboard of the current filter. */
export async function refreshHistory(): Promise<void> {
  const history = await call('listHistory', {});
  if (!history) return;
  studioState().setHistory(history);
  if (history.length === 0) return;
  const dashboard = await call('historyDashboard', studioState().historyFilter);
  if (dashboard) studioState().setDashboard(dashboard);
}

/** Shows only the runs of an ERD and/or an engine. */
export async function filterHistory(filter: HistoryViewFilter): Promise<void> {
  studioState().setHistoryFilter(filter);
  const dashboard = await call('historyDashboard', filter);
  if (dashboard) studioState().setDashboard(dashboard);
}

/** Reads the dashboard of the current filter again (same runs, new ratings and costs). */
export async function reloadDashboard(): Promise<void> {
  const dashboard = await call('historyDashboard', studioState().historyFilter);
  if (dashboard) studioState().setDashboard(dashboard);
}

/** Saves the runs matching the filter as a CSV or JSON file (the browser's download). */
export async function downloadHistory(format: 'csv' | 'json'): Promise<void> {
  const exported = await call('exportHistory', { format, filter: studioState().historyFilter });
  if (!exported) return;
  const url = URL.createObjectURL(new Blob([exported.text], { type: exported.mimeType }));
  const link = Object.assign(globalThis.document.createElement('a'), { href: url, download: exported.fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Reloads the history whenever a run ends, and the dashboard whenever the settings change (its
 * ratings and costs come from the baselines and prices there, so a saved baseline re-rates it
 * without a reload); returns the function that stops both.
 */
export function followHistory(): () => void {
  const stopRuns = studio().onRunFinished(() => void refreshHistory());
  const stopSettings = useStudio.subscribe((state, previous) => {
    if (state.settings !== previous.settings && previous.settings !== null && state.history.length > 0)
      void reloadDashboard();
  });
  return () => {
    stopRuns();
    stopSettings();
  };
}
