import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@shared/api';
import { historyTotals, runTimeSeries } from './run-history';

const record = (runId: string, status: RunRecord['status'], elapsedMs: number, startedAt: number): RunRecord => ({
  runId,
  project: 'shop',
  engine: 'template',
  status,
  startedAt,
  summary: { files: 10, failed: 0, cached: 0, fellBack: 0, retried: 0, bytes: 100, elapsedMs },
});

// Newest first, as the host lists them.
const history = [
  record('r4', 'failed', 500, 4000),
  record('r3', 'completed', 3000, 3000),
  record('r2', 'cancelled', 200, 2000),
  record('r1', 'completed', 1000, 1000),
];

describe('the dashboard figures', () => {
  it('count runs by status and average the completed ones only', () => {
    expect(historyTotals(history)).toEqual({ runs: 4, completed: 2, cancelled: 1, failed: 1, averageMs: 2000 });
    expect(historyTotals([record('r', 'failed', 9, 0)]).averageMs).toBeNull();
  });

  it('chart the time of the latest runs, oldest first, in seconds', () => {
    expect(runTimeSeries(history, 3, (r) => r.runId)).toEqual({
      labels: ['r2', 'r3', 'r4'],
      values: [0.2, 3, 0.5],
      measure: 'Time (s)',
    });
    expect(runTimeSeries([], 3).values).toEqual([]);
  });
});
