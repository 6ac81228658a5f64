/**
 * Trends over the recorded runs (oldest first): each metric per run as bars, its moving average
 * and its baseline as lines; and per model, latency, failures by class, tokens and cost. Only
 * completed runs count, and a run that did not measure a metric leaves a gap, never a zero.
 */
import type { ChartColour } from '@renderer/lib/charts/chart';
import type { HistoryDashboard, RunHistoryRecord } from '@shared/api';
import type { FigureData } from './run-charts';

export const MOVING_AVERAGE_WINDOW = 3;

type Value = number | null;

/** Mean of the last `window` measured values up to each point; null until one is measured. */
export function movingAverage(values: readonly Value[], window = MOVING_AVERAGE_WINDOW): Value[] {
  return values.map((_, i) => {
    const seen = values.slice(Math.max(0, i - window + 1), i + 1).filter((v): v is number => v !== null);
    return seen.length === 0 ? null : Math.round((seen.reduce((a, b) => a + b, 0) / seen.length) * 1000) / 1000;
  });
}

const hitRate = (r: RunHistoryRecord): Value => {
  const lookups = r.cache.hits + r.cache.misses;
  return lookups === 0 ? null : r.cache.hits / lookups;
};
const pct = (x: Value) => (x === null ? null : Math.round(x * 1000) / 10);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface TrendMetric {
  id: string;
  title: string;
  unit: string;
  colour: ChartColour;
  value(r: RunHistoryRecord): Value;
  baseline?(b: HistoryDashboard['baselines']): number;
}

export const TREND_METRICS: TrendMetric[] = [
  {
    id: 'pipeline',
    title: 'Pipeline time',
    unit: 's',
    colour: 'blue',
    value: (r) => r.pipelineMs / 1000,
    baseline: (b) => b.pipelineMs / 1000,
  },
  {
    id: 'cache',
    title: 'Cache hit rate',
    unit: '%',
    colour: 'green',
    value: (r) => pct(hitRate(r)),
    baseline: (b) => pct(b.cacheHitRate) ?? 0,
  },
  {
    id: 'approval',
    title: 'Auto-approval rate',
    unit: '%',
    colour: 'teal',
    value: (r) => (r.files.length ? pct(r.autoApprovalRate) : null),
    baseline: (b) => pct(b.autoApprovalRate) ?? 0,
  },
  {
    id: 'errors',
    title: 'Error rate',
    unit: '%',
    colour: 'red',
    value: (r) => (r.units.length ? pct(r.errorRate) : null),
    baseline: (b) => pct(b.errorRate) ?? 0,
  },
  {
    id: 'quality',
    title: 'Average quality',
    unit: 'score',
    colour: 'purple',
    value: (r) => (r.files.length ? Math.round(r.averageQuality * 1000) / 1000 : null),
    baseline: (b) => b.averageQuality,
  },
  {
    id: 'tokens',
    title: 'Tokens',
    unit: 'tokens',
    colour: 'blue',
    value: (r) => (r.engine === 'llm' ? sum(r.modelUsage.map((m) => m.tokensIn + m.tokensOut)) : null),
  },
  { id: 'cost', title: 'Cost', unit: 'USD', colour: 'grey', value: (r) => (r.engine === 'llm' ? r.costUsd : null) },
];

/** A short label per run: its position and start time. */
export function runLabel(r: RunHistoryRecord, index: number): string {
  return `#${index + 1} ${new Date(r.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/** The trend of one metric over `runs` (completed ones, oldest first). */
export function trendFigure(
  metric: TrendMetric,
  runs: readonly RunHistoryRecord[],
  baselines: HistoryDashboard['baselines'],
): FigureData {
  const labels = runs.map(runLabel);
  const values = runs.map((r) => metric.value(r));
  const average = movingAverage(values);
  const baseline = metric.baseline?.(baselines) ?? null;
  const unit = metric.unit === 'score' ? '' : ` (${metric.unit})`;
  return {
    spec: {
      kind: 'bar',
      labels,
      yTitle: `${metric.title}${unit}`,
      datasets: [
        { label: metric.title, values, colour: metric.colour },
        { label: `Moving average (${MOVING_AVERAGE_WINDOW} runs)`, values: average, colour: 'orange', line: true },
        ...(baseline === null
          ? []
          : [
              {
                label: 'Baseline',
                values: runs.map(() => baseline),
                colour: 'grey' as const,
                line: true,
                dashed: true,
              },
            ]),
      ],
    },
    table: {
      columns: [
        'Run',
        'Run id',
        'ERD',
        'Engine',
        `${metric.title}${unit}`,
        'Moving average',
        ...(baseline === null ? [] : ['Baseline']),
      ],
      rows: runs.map((r, i) => [
        labels[i] ?? '',
        r.runId,
        r.erd.name,
        r.engine,
        values[i] ?? '-',
        average[i] ?? '-',
        ...(baseline === null ? [] : [baseline]),
      ]),
    },
  };
}

interface ModelTotals {
  model: string;
  calls: number;
  failures: Record<string, number>;
  tokensIn: number;
  tokensOut: number;
  cost: number | null;
  p50: number | null;
  p95: number | null;
}

/** Per model over `runs`: summed calls, failures, tokens and cost; latency of its latest run. */
export function modelTotals(runs: readonly RunHistoryRecord[]): ModelTotals[] {
  const totals = new Map<string, ModelTotals>();
  for (const run of runs)
    for (const m of run.modelUsage) {
      const t = totals.get(m.model) ?? {
        model: m.model,
        calls: 0,
        failures: {},
        tokensIn: 0,
        tokensOut: 0,
        cost: 0,
        p50: null,
        p95: null,
      };
      t.calls += m.calls;
      for (const [k, v] of Object.entries(m.failures)) t.failures[k] = (t.failures[k] ?? 0) + v;
      t.tokensIn += m.tokensIn;
      t.tokensOut += m.tokensOut;
      t.cost = t.cost === null || m.costUsd === null ? null : t.cost + m.costUsd;
      t.p50 = m.latencyP50Ms;
      t.p95 = m.latencyP95Ms;
      totals.set(m.model, t);
    }
  return [...totals.values()];
}

export function latencyFigure(models: readonly ModelTotals[]): FigureData {
  return {
    spec: {
      kind: 'bar',
      labels: models.map((m) => m.model),
      yTitle: 'Latency (s)',
      datasets: [
        { label: 'p50', values: models.map((m) => (m.p50 === null ? null : m.p50 / 1000)), colour: 'blue' },
        { label: 'p95', values: models.map((m) => (m.p95 === null ? null : m.p95 / 1000)), colour: 'purple' },
      ],
    },
    table: {
      columns: ['Model', 'p50 (s)', 'p95 (s)'],
      rows: models.map((m) => [m.model, m.p50 === null ? '-' : m.p50 / 1000, m.p95 === null ? '-' : m.p95 / 1000]),
    },
  };
}

const CLASS_COLOURS: ChartColour[] = ['red', 'orange', 'purple', 'teal', 'grey', 'blue', 'green'];

export function failuresFigure(models: readonly ModelTotals[]): FigureData {
  const classes = [...new Set(models.flatMap((m) => Object.keys(m.failures)))].sort();
  return {
    spec: {
      kind: 'bar',
      stacked: true,
      labels: models.map((m) => m.model),
      yTitle: 'Failure rate (%)',
      datasets: classes.map((c, i) => ({
        label: c,
        values: models.map((m) => (m.calls === 0 ? 0 : Math.round(((m.failures[c] ?? 0) / m.calls) * 1000) / 10)),
        colour: CLASS_COLOURS[i % CLASS_COLOURS.length] as ChartColour,
      })),
    },
    table: {
      columns: ['Model', 'Calls', ...classes.map((c) => `${c} failures`)],
      rows: models.map((m) => [m.model, m.calls, ...classes.map((c) => m.failures[c] ?? 0)]),
    },
    ...(classes.length === 0 ? { note: 'No call failed in these runs: every model answered every time.' } : {}),
  };
}

export function tokensFigure(models: readonly ModelTotals[]): FigureData {
  return {
    spec: {
      kind: 'bar',
      stacked: true,
      labels: models.map((m) => m.model),
      yTitle: 'Tokens',
      datasets: [
        { label: 'Tokens in', values: models.map((m) => m.tokensIn), colour: 'teal' },
        { label: 'Tokens out', values: models.map((m) => m.tokensOut), colour: 'orange' },
      ],
    },
    table: {
      columns: ['Model', 'Calls', 'Tokens in', 'Tokens out', 'Cost (USD)'],
      rows: models.map((m) => [
        m.model,
        m.calls,
        m.tokensIn,
        m.tokensOut,
        m.cost === null ? 'no price' : Math.round(m.cost * 1e6) / 1e6,
      ]),
    },
  };
}
