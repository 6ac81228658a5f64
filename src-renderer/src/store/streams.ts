/**
 * Text the model streams for each unit of the current run, in a store of its own: a token
 * changes only this store, so it re-renders the one pane showing that unit's text and never the
 * run panel or the workspaces (whose store holds the unit list).
 */
import { create } from 'zustand';
import type { EventPayload } from '@shared/api';

/** Keep the tail of each unit's streamed text; the full file arrives with `fileReady`. */
export const STREAM_TAIL = 4000;

export interface RunText {
  runId: string | null;
  byUnit: Record<string, string>;
}

export const useRunText = create<RunText>()(() => ({ runId: null, byUnit: {} }));

/** Adds one streamed piece; text of another run than the one being watched is ignored. */
export function appendRunText(e: EventPayload<'runText'>): void {
  useRunText.setState((s) => {
    if (s.runId !== e.runId) return s;
    const text = ((s.byUnit[e.unitId] ?? '') + e.delta).slice(-STREAM_TAIL);
    return { byUnit: { ...s.byUnit, [e.unitId]: text } };
  });
}

/** Starts watching a run's text (forgetting the previous run's). */
export function watchRunText(runId: string): void {
  if (useRunText.getState().runId !== runId) useRunText.setState({ runId, byUnit: {} });
}

/** The streamed text of one unit; subscribing re-renders only when that unit's text changes. */
export function useUnitText(unitId: string): string | undefined {
  return useRunText((s) => s.byUnit[unitId]);
}
