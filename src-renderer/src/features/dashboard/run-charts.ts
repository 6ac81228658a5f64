/**
 * The charts of one recorded run — time per agent, cache hits and misses, quality by category,
 * and the timeline of units on the pool's lanes — each with the table of the same numbers.
 */
import type { ChartColour, ChartSpec, ChartTable } from '@renderer/lib/charts/chart';
import type { RunHistoryRecord, UnitSource } from '@shared/api';
import { CATEGORIES } from '@shared/api/review-constants';

export interface FigureData {
  spec: ChartSpec;
  table: ChartTable;
  /** Said above the chart when it has nothing to draw, and why. */
  note?: string;
}

const s = (ms: number) => Math.round(ms) / 1000;

export const SOURCE_COLOURS: Record<UnitSource, ChartColour> = {
  template: 'grey',
  llm: 'blue',
  cache: 'green',
  fallback: 'orange',
  failed: 'red',
};

/**
 * Busy time per agent in milliseconds to the microsecond: a template agent's units take a fraction
 * of a millisecond, which seconds would show as 0.
 */
export function agentTimeFigure(run: RunHistoryRecord): FigureData {
  return {
    spec: {
      kind: 'bar',
      labels: run.agents.map((a) => a.agent),
      datasets: [{ label: 'Busy time (ms)', values: run.agents.map((a) => a.busyMs), colour: 'blue' }],
      yTitle: 'Busy time (ms)',
    },
    table: {
      columns: ['Agent', 'Units', 'Busy time (ms)'],
      rows: run.agents.map((a) => [a.agent, a.units, a.busyMs]),
    },
    ...(run.agents.length === 0 ? { note: 'No unit ran in this run (it ended before generating).' } : {}),
  };
}

export function cacheFigure(run: RunHistoryRecord): FigureData {
  const { hits, misses } = run.cache;
  return {
    spec: {
      kind: 'doughnut',
      labels: ['Hits', 'Misses'],
      datasets: [{ label: 'Units', values: [hits, misses], colour: 'green' }],
      sliceColours: ['green', 'orange'],
    },
    table: {
      columns: ['Hits', 'Misses', 'Hit rate (%)', 'Time saved (s)', 'Tokens saved'],
      rows: [
        [
          hits,
          misses,
          hits + misses === 0 ? '-' : Math.round((hits / (hits + misses)) * 1000) / 10,
          s(run.cache.timeSavedMs),
          run.cache.tokensSaved,
        ],
      ],
    },
    ...(hits + misses === 0
      ? { note: 'No cache lookup in this run: only model answers are cached (the LLM engine, without --no-cache).' }
      : {}),
  };
}

export function qualityFigure(run: RunHistoryRecord): FigureData {
  const counts = CATEGORIES.map((c) => run.files.filter((f) => f.category === c).length);
  return {
    spec: {
      kind: 'bar',
      labels: [...CATEGORIES],
      datasets: [{ label: 'Files', values: counts, colour: 'purple' }],
      yTitle: 'Files',
    },
    table: {
      columns: ['File', 'Category', 'Score', 'Source'],
      rows: run.files.map((f) => [f.path, f.category, Math.round(f.score * 100) / 100, f.source]),
    },
  };
}

/** One lane per slot of the run's concurrency, so idle lanes show as empty rows. */
export function timelineFigure(run: RunHistoryRecord): FigureData {
  const lanes = Array.from({ length: Math.max(1, run.concurrency) }, (_, i) => `Slot ${i + 1}`);
  const present = (Object.keys(SOURCE_COLOURS) as UnitSource[]).filter((src) =>
    run.units.some((u) => u.source === src),
  );
  return {
    spec: {
      kind: 'timeline',
      lanes,
      groups: present.map((src) => ({ label: src, colour: SOURCE_COLOURS[src] })),
      spans: run.units.map((u) => ({ lane: u.slot, start: u.startMs, end: u.endMs, group: u.source })),
      xTitle: 'ms since the pipeline started',
    },
    table: {
      columns: ['Unit', 'Agent', 'Slot', 'Start (ms)', 'End (ms)', 'Source'],
      rows: [...run.units]
        .sort((a, b) => a.slot - b.slot || a.startMs - b.startMs)
        .map((u) => [u.unitId, u.agent, u.slot + 1, u.startMs, u.endMs, u.source]),
    },
  };
}
