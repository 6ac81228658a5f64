/**
 * The review feature's state: which file is on screen. The files, findings and decisions
 * themselves belong to the run (the host's `ReviewSession` decides; the page mirrors it).
 */
import type { StateCreator } from 'zustand';

export interface ReviewSlice {
  /** The file shown; null shows the first file in the list. */
  selectedPath: string | null;
  selectFile(path: string | null): void;
}

export const createReviewSlice: StateCreator<ReviewSlice, [], [], ReviewSlice> = (set) => ({
  selectedPath: null,
  selectFile: (selectedPath) => set({ selectedPath }),
});
