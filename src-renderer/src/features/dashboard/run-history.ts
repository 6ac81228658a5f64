/**
 * Figures the dashboard shows, computed from the recorded runs only (never estimated): counts
 * by status, the average time of completed runs, and the time per run as a chart series.
 */
import type { BarSeries } from '@renderer/lib/charts/chart';
import type { RunRecord } from '@shared/api';

export interface HistoryTotals {
  runs: number;
  completed: number;
  cancelled: number;
  failed: number;
  /** Mean pipeline time of the completed runs; null when none completed. */
  averageMs: number | null;
}

export function historyTotals(history: readonly RunRecord[]): HistoryTotals {
  const completed = history.filter((r) => r.status === 'completed');
  return {
    runs: history.length,
    completed: completed.length,
    cancelled: history.filter((r) => r.status === 'cancelled').length,
    failed: history.filter((r) => r.status === 'failed').length,
    averageMs:
      completed.length === 0 ? null : completed.reduce((n, r) => n + r.summary.elapsedMs, 0) / completed.length,
  };
}

/** The time of the last `limit` runs, oldest first (the history is newest first). */
export function runTimeSeries(
  history: readonly RunRecord[],
  limit = 20,
  label: (r: RunRecord) => string = (r) => new Date(r.startedAt).toLocaleTimeString(),
): BarSeries {
  const runs = history.slice(0, limit).reverse();
  return { labels: runs.map(label), values: runs.map((r) => r.summary.elapsedMs / 1000), measure: 'Time (s)' };
}
