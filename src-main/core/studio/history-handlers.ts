/**
 * The Dashboard's methods: the recorded runs with ratings and recommendations, and their export.
 * Baselines come from the settings at each call, so a changed baseline re-rates every run at once.
 */
import { historyDashboard } from '../history/dashboard';
import { exportHistory } from '../history/export';
import type { HistoryStore } from '../history/history-store';
import { filterRuns } from '../history/dashboard';
import type { SettingsStore } from '../settings';
import type { StudioHandlers } from './dispatch';

export function historyHandlers(
  history: HistoryStore,
  settings: SettingsStore,
): Pick<StudioHandlers, 'historyDashboard' | 'exportHistory'> {
  return {
    historyDashboard: async (filter) =>
      historyDashboard(await history.readRuns(), filter, (await settings.load()).settings.baselines),
    exportHistory: async ({ format, filter }) =>
      exportHistory(filterRuns((await history.readRuns()).records, filter), format),
  };
}
