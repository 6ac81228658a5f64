/**
 * The Dashboard's methods: the recorded runs with ratings and recommendations, and their export.
 * Baselines and prices come from the settings at each call, so a changed baseline re-rates every run
 * and a changed price re-prices every run at once.
 */
import { historyDashboard } from '../history/dashboard';
import { exportHistory } from '../history/export';
import type { HistoryStore } from '../history/history-store';
import { filterRuns } from '../history/dashboard';
import { pricedRecord } from '../history/measure';
import type { SettingsStore } from '../settings';
import type { StudioHandlers } from './dispatch';

export function historyHandlers(
  history: HistoryStore,
  settings: SettingsStore,
): Pick<StudioHandlers, 'historyDashboard' | 'exportHistory'> {
  return {
    historyDashboard: async (filter) => {
      const current = (await settings.load()).settings;
      return historyDashboard(await history.readRuns(), filter, current.baselines, current.prices);
    },
    exportHistory: async ({ format, filter }) => {
      const { prices } = (await settings.load()).settings;
      const records = filterRuns((await history.readRuns()).records, filter).map((r) => pricedRecord(r, prices));
      return exportHistory(records, format);
    },
  };
}
