/**
 * Each metric of a run against its baseline, as the predecessor's terminal dashboard rated them:
 * `excellent` at least 10 % better than the baseline, `good` within 10 % either side (or better),
 * `needsAttention` more than 10 % worse. The difference is signed so that positive is always
 * better (a pipeline 20 % faster than its baseline is +20 %). A metric the run did not measure
 * (the cache hit rate of a run without cache lookups) is not rated.
 */
import { RATED_METRICS, type MetricRating, type RunHistoryRecord } from '../../../src-shared/api/history';
import { DEFAULT_BASELINES, type Baselines } from '../../../src-shared/api/settings';

export type RatedMetric = (typeof RATED_METRICS)[number];
export type BaselineValues = Record<RatedMetric, number>;

export const RATING_MARGIN_PCT = 10;
const LOWER_IS_BETTER: ReadonlySet<RatedMetric> = new Set(['pipelineMs', 'errorRate']);

/** The settings' baselines with the predecessor's defaults where a setting is empty. */
export function baselineValues(baselines: Partial<Baselines> | undefined): BaselineValues {
  const pick = (key: keyof Baselines): number => baselines?.[key] ?? (DEFAULT_BASELINES[key] as number);
  return {
    pipelineMs: pick('pipelineMs'),
    cacheHitRate: pick('cacheHitRate'),
    autoApprovalRate: pick('autoApprovalRate'),
    errorRate: pick('errorRate'),
    averageQuality: pick('averageQuality'),
  };
}

/** Hits over lookups; null when the run looked nothing up. */
export function cacheHitRate(record: Pick<RunHistoryRecord, 'cache'>): number | null {
  const lookups = record.cache.hits + record.cache.misses;
  return lookups === 0 ? null : record.cache.hits / lookups;
}

/** The measured value of `metric` in `record`; null when the run did not measure it. */
export function metricValue(record: RunHistoryRecord, metric: RatedMetric): number | null {
  switch (metric) {
    case 'pipelineMs':
      return record.pipelineMs;
    case 'cacheHitRate':
      return cacheHitRate(record);
    case 'autoApprovalRate':
      return record.files.length === 0 ? null : record.autoApprovalRate;
    case 'averageQuality':
      return record.files.length === 0 ? null : record.averageQuality;
    case 'errorRate':
      return record.units.length === 0 ? null : record.errorRate;
  }
}

/** Signed difference in percent of the baseline, positive = better. */
export function differencePct(metric: RatedMetric, value: number, baseline: number): number {
  const better = LOWER_IS_BETTER.has(metric) ? baseline - value : value - baseline;
  if (baseline === 0) return better === 0 ? 0 : better > 0 ? 100 : -100;
  return (better / baseline) * 100;
}

/** One metric rated against its baseline. */
export function rateMetric(metric: RatedMetric, value: number, baseline: number): MetricRating {
  const diff = differencePct(metric, value, baseline);
  const rating = diff >= RATING_MARGIN_PCT ? 'excellent' : diff >= -RATING_MARGIN_PCT ? 'good' : 'needsAttention';
  return { metric, value, baseline, differencePct: Math.round(diff * 10) / 10, rating };
}

/** Every metric `record` measured, rated against `baselines`. */
export function rateRun(record: RunHistoryRecord, baselines: BaselineValues): MetricRating[] {
  return RATED_METRICS.flatMap((metric) => {
    const value = metricValue(record, metric);
    return value === null ? [] : [rateMetric(metric, value, baselines[metric])];
  });
}
