import { describe, expect, it } from 'vitest';
import { historyRecord } from '../../../test-support/history-records';
import { baselineValues, differencePct, rateMetric, rateRun } from './ratings';

describe('ratings against baselines', () => {
  it('uses the predecessor defaults where a baseline is not set', () => {
    expect(baselineValues({ pipelineMs: 5000, cacheHitRate: null })).toEqual({
      pipelineMs: 5000,
      cacheHitRate: 0.3,
      autoApprovalRate: 0.8,
      errorRate: 0.1,
      averageQuality: 0.8,
    });
  });

  it('signs the difference so that better is positive, for higher- and lower-is-better metrics', () => {
    expect(differencePct('pipelineMs', 24_000, 30_000)).toBeCloseTo(20);
    expect(differencePct('pipelineMs', 36_000, 30_000)).toBeCloseTo(-20);
    expect(differencePct('averageQuality', 0.88, 0.8)).toBeCloseTo(10);
    expect(differencePct('errorRate', 0.05, 0.1)).toBeCloseTo(50);
    expect(differencePct('errorRate', 0, 0)).toBe(0);
    expect(differencePct('errorRate', 0.2, 0)).toBe(-100);
  });

  it.each([
    ['pipelineMs', 27_000, 30_000, 'excellent', 10],
    ['pipelineMs', 32_999, 30_000, 'good', -10],
    ['pipelineMs', 33_300, 30_000, 'needsAttention', -11],
    ['cacheHitRate', 0.3, 0.3, 'good', 0],
    ['autoApprovalRate', 0.5, 0.8, 'needsAttention', -37.5],
    ['errorRate', 0.1, 0.1, 'good', 0],
  ] as const)('rates %s %d against %d as %s (%d %%)', (metric, value, baseline, rating, diff) => {
    expect(rateMetric(metric, value, baseline)).toEqual({ metric, value, baseline, rating, differencePct: diff });
  });

  it('does not rate what the run did not measure (no cache lookups, no files)', () => {
    const values = baselineValues(undefined);
    const template = rateRun(historyRecord(), values);
    expect(template.map((r) => r.metric)).toEqual(['pipelineMs', 'autoApprovalRate', 'errorRate', 'averageQuality']);
    const cached = rateRun(historyRecord({ cache: { hits: 3, misses: 1, timeSavedMs: 10, tokensSaved: 5 } }), values);
    expect(cached.find((r) => r.metric === 'cacheHitRate')).toMatchObject({ value: 0.75, rating: 'excellent' });
    expect(rateRun(historyRecord({ files: [], units: [] }), values).map((r) => r.metric)).toEqual(['pipelineMs']);
  });
});
