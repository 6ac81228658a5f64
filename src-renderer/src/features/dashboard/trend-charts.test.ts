import { describe, expect, it } from 'vitest';
import { historyRecord, usage } from '../../../../test-support/history-records';
import { failuresFigure, modelTotals, movingAverage, TREND_METRICS, trendFigure } from './trend-charts';

const baselines = { pipelineMs: 30000, cacheHitRate: 0.3, autoApprovalRate: 0.8, errorRate: 0.1, averageQuality: 0.8 };

describe('trend series', () => {
  it('averages the last three measured values and skips the gaps of runs that measured nothing', () => {
    expect(movingAverage([3, null, 6, 9, null])).toEqual([3, 3, 4.5, 7.5, 7.5]);
    expect(movingAverage([null, null])).toEqual([null, null]);
  });

  it('leaves a gap, not a zero, for a run without cache lookups, and draws the baseline', () => {
    const metric = TREND_METRICS.find((m) => m.id === 'cache')!;
    const runs = [historyRecord(), historyRecord({ cache: { hits: 3, misses: 1, timeSavedMs: 0, tokensSaved: 0 } })];
    const { spec, table } = trendFigure(metric, runs, baselines);
    expect(spec.kind === 'bar' && spec.datasets.map((d) => d.values)).toEqual([
      [null, 75],
      [null, 75],
      [30, 30],
    ]);
    expect(table.rows.map((r) => r.slice(4))).toEqual([
      ['-', '-', 30],
      [75, 75, 30],
    ]);
  });

  it('sums each model over the runs and rates its failures by class', () => {
    const runs = [
      historyRecord({ modelUsage: [usage('m', 10, { rateLimit: 2 })] }),
      historyRecord({ modelUsage: [usage('m', 10, { server: 1 }), usage('n', 4)] }),
    ];
    const totals = modelTotals(runs);
    expect(totals.map((t) => [t.model, t.calls, t.failures, t.tokensIn])).toEqual([
      ['m', 20, { rateLimit: 2, server: 1 }, 2000],
      ['n', 4, {}, 400],
    ]);
    const failures = failuresFigure(totals);
    expect(failures.spec.kind === 'bar' && failures.spec.datasets.map((d) => [d.label, d.values])).toEqual([
      ['rateLimit', [10, 0]],
      ['server', [5, 0]],
    ]);
  });
});
