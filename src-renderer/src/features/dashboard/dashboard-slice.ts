/** The dashboard feature's state: the recorded runs, newest first, as the host keeps them. */
import type { StateCreator } from 'zustand';
import type { RunRecord } from '@shared/api';

export interface DashboardSlice {
  history: RunRecord[];
  setHistory(history: RunRecord[]): void;
}

export const createDashboardSlice: StateCreator<DashboardSlice, [], [], DashboardSlice> = (set) => ({
  history: [],
  setHistory: (history) => set({ history }),
});
