/**
 * The renderer's one store, sliced by domain. Components read it with narrow selectors; actions
 * live in `actions.ts` as plain functions so components need no hooks to trigger them.
 */
import { create } from 'zustand';
import { devtools } from 'zustand/middleware';
import { createAppSlice, type AppSlice } from './app-slice';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createRunSlice, type RunSlice } from './run-slice';

export type StudioState = AppSlice & DocumentSlice & RunSlice;

export const useStudio = create<StudioState>()(
  devtools(
    (...a) => ({
      ...createAppSlice(...a),
      ...createDocumentSlice(...a),
      ...createRunSlice(...a),
    }),
    { name: 'DjForge Studio', enabled: import.meta.env.DEV },
  ),
);
