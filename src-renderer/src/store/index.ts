/**
 * The renderer's one store, composed of the app slice and one slice per feature. Components read
 * it with narrow selectors; each feature's `actions.ts` holds plain functions that change it, so
 * components need no hooks to trigger anything. Streamed model text is kept apart, in
 * `streams.ts`, so a token re-renders one pane and not the workspaces.
 */
import { create } from 'zustand';
import { devtools } from 'zustand/middleware';
import { createDashboardSlice, type DashboardSlice } from '@renderer/features/dashboard/dashboard-slice';
import { createErdSlice, type ErdSlice } from '@renderer/features/erd/erd-slice';
import { createReviewSlice, type ReviewSlice } from '@renderer/features/review/review-slice';
import { createRunSlice, type RunSlice } from '@renderer/features/run/run-slice';
import { createSettingsSlice, type SettingsSlice } from '@renderer/features/settings/settings-slice';
import { createAppSlice, type AppSlice } from './app-slice';

export type StudioState = AppSlice & ErdSlice & RunSlice & ReviewSlice & DashboardSlice & SettingsSlice;

export const useStudio = create<StudioState>()(
  devtools(
    (...a) => ({
      ...createAppSlice(...a),
      ...createErdSlice(...a),
      ...createRunSlice(...a),
      ...createReviewSlice(...a),
      ...createDashboardSlice(...a),
      ...createSettingsSlice(...a),
    }),
    { name: 'DjForge Studio', enabled: import.meta.env.DEV },
  ),
);

/** The store's current state, for actions (outside React). */
export const studioState = (): StudioState => useStudio.getState();

export function showError(text: string): void {
  studioState().pushToast('error', text);
}

export function showInfo(text: string): void {
  studioState().pushToast('info', text);
}
