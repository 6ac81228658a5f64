/**
 * The text the model streams while a file is regenerated with feedback, in a store of its own so
 * a token re-renders only the editor showing it, never the file list or the workspace.
 */
import { create } from 'zustand';
import type { EventPayload } from '@shared/api';

export interface RegenerationText {
  runId: string | null;
  path: string | null;
  /** Per unit of the file, in the order they started: a file is regenerated unit by unit. */
  byUnit: Record<string, string>;
}

export const useRegenerationText = create<RegenerationText>()(() => ({ runId: null, path: null, byUnit: {} }));

/** Starts showing the regeneration of `path` (forgetting any earlier one). */
export function watchRegeneration(runId: string, path: string): void {
  useRegenerationText.setState({ runId, path, byUnit: {} });
}

export function stopWatchingRegeneration(): void {
  useRegenerationText.setState({ runId: null, path: null, byUnit: {} });
}

/** Adds one streamed piece; pieces of another run or file are ignored. */
export function appendRegenerationText(e: EventPayload<'regenerationText'>): void {
  useRegenerationText.setState((s) => {
    if (s.runId !== e.runId || s.path !== e.path) return s;
    return { byUnit: { ...s.byUnit, [e.unitId]: (s.byUnit[e.unitId] ?? '') + e.delta } };
  });
}

/** The streamed text of `path` so far (every unit's, joined), or null when it is not being regenerated. */
export function useStreamedText(path: string): string | null {
  return useRegenerationText((s) => (s.path === path ? Object.values(s.byUnit).join('\n') : null));
}
