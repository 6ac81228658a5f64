/**
 * The dashboard feature's state: the recorded runs as the table lists them (newest first), the
 * dashboard of the runs matching the filter (records oldest first, ratings, recommendations),
 * the filter, and the run whose charts are shown (null: the latest).
 */
import type { StateCreator } from 'zustand';
import type { Engine, HistoryDashboard, RunRecord } from '@shared/api';

export interface HistoryViewFilter {
  erd?: string;
  engine?: Engine;
}

export interface DashboardSlice {
  history: RunRecord[];
  dashboard: HistoryDashboard | null;
  historyFilter: HistoryViewFilter;
  selectedRunId: string | null;
  setHistory(history: RunRecord[]): void;
  setDashboard(dashboard: HistoryDashboard): void;
  setHistoryFilter(filter: HistoryViewFilter): void;
  selectRun(runId: string | null): void;
}

export const createDashboardSlice: StateCreator<DashboardSlice, [], [], DashboardSlice> = (set) => ({
  history: [],
  dashboard: null,
  historyFilter: {},
  selectedRunId: null,
  setHistory: (history) => set({ history }),
  setDashboard: (dashboard) => set({ dashboard }),
  setHistoryFilter: (historyFilter) => set({ historyFilter, selectedRunId: null }),
  selectRun: (selectedRunId) => set({ selectedRunId }),
});
