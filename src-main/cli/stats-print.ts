/**
 * `djforge stats` as text: the latest run rated against the baselines, its agents and models,
 * the trend of the matching runs and the recommendations — the Dashboard's figures, in a terminal.
 */
import type { HistoryDashboard, MetricRating, RunHistoryRecord } from '../../src-shared/api/history';
import { cacheHitRate } from '../core/history/ratings';

const LABELS: Record<MetricRating['metric'], string> = {
  pipelineMs: 'Pipeline time',
  cacheHitRate: 'Cache hit rate',
  autoApprovalRate: 'Auto-approval rate',
  errorRate: 'Error rate',
  averageQuality: 'Average quality',
};
const RATING_TEXT = { excellent: 'excellent', good: 'good', needsAttention: 'needs attention' } as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const usd = (x: number | null) => (x === null ? 'no price' : `$${x.toFixed(4)}`);
const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)} %`;

/** A metric's value as people read it (seconds, percent, a score). */
export function formatMetric(metric: MetricRating['metric'], value: number): string {
  if (metric === 'pipelineMs') return seconds(value);
  if (metric === 'averageQuality') return value.toFixed(2);
  return percent(value);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return (
    rows
      .map(
        (r) =>
          '  ' +
          r
            .map((c, i) => c.padEnd(widths[i] ?? 0))
            .join('  ')
            .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function latestLines(run: RunHistoryRecord): string {
  const when = new Date(run.startedAt).toISOString().replace('T', ' ').slice(0, 16);
  const models = run.models.length > 0 ? ` ${run.models.join(' > ')}${run.localEndpoint ? ' (local)' : ''}` : '';
  return (
    `Latest run ${when} UTC: "${run.erd.name}" (${run.erd.hash}), ${run.engine}${models}, concurrency ` +
    `${run.concurrency}, ${run.status}, from the ${run.host === 'cli' ? 'CLI' : 'app'}\n`
  );
}

function ratingLines(ratings: MetricRating[]): string {
  if (ratings.length === 0) return '';
  return (
    '\nCurrent performance (against the baselines):\n' +
    table(
      ratings.map((r) => [
        LABELS[r.metric],
        formatMetric(r.metric, r.value),
        `baseline ${formatMetric(r.metric, r.baseline)}`,
        signed(r.differencePct),
        RATING_TEXT[r.rating],
      ]),
    )
  );
}

function runDetail(run: RunHistoryRecord): string {
  let text = '';
  if (run.agents.length > 0)
    text +=
      '\nPer agent (busy time, units):\n' +
      table(run.agents.map((a) => [a.agent, seconds(a.busyMs), `${a.units} unit${a.units === 1 ? '' : 's'}`]));
  const rate = cacheHitRate(run);
  if (rate !== null)
    text += `\nCache: ${run.cache.hits} hits, ${run.cache.misses} misses (${percent(rate)}), ${seconds(run.cache.timeSavedMs)} and ${run.cache.tokensSaved} tokens saved\n`;
  if (run.modelUsage.length > 0)
    text +=
      '\nPer model:\n' +
      table([
        ['model', 'calls', 'failures', 'p50', 'p95', 'tokens in', 'tokens out', 'cost'],
        ...run.modelUsage.map((m) => [
          m.model,
          String(m.calls),
          Object.entries(m.failures)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || '0',
          m.latencyP50Ms === null ? '-' : seconds(m.latencyP50Ms),
          m.latencyP95Ms === null ? '-' : seconds(m.latencyP95Ms),
          String(m.tokensIn),
          String(m.tokensOut),
          usd(m.costUsd),
        ]),
      ]);
  const runtime = run.runtime.ran
    ? `${run.runtime.ok ? 'passed' : 'failed'} in ${seconds(run.runtime.ms)}`
    : `not run${run.runtime.skipped ? ` (${run.runtime.skipped})` : ''}`;
  return text + `\nRuntime layer: ${runtime}\n`;
}

function trendLines(records: RunHistoryRecord[]): string {
  const completed = records.filter((r) => r.status === 'completed');
  if (completed.length < 2) return '';
  return (
    `\nTrend over ${completed.length} runs (oldest → newest):\n` +
    table([
      ['started', 'erd', 'engine', 'pipeline', 'cache', 'auto-approved', 'quality', 'errors', 'cost'],
      ...completed.map((r) => {
        const hit = cacheHitRate(r);
        return [
          new Date(r.startedAt).toISOString().replace('T', ' ').slice(0, 16),
          r.erd.name,
          r.engine,
          seconds(r.pipelineMs),
          hit === null ? '-' : percent(hit),
          percent(r.autoApprovalRate),
          r.averageQuality.toFixed(2),
          percent(r.errorRate),
          r.engine === 'llm' ? usd(r.costUsd) : '-',
        ];
      }),
    ])
  );
}

/** The whole `djforge stats` text for `dashboard`; `where` names the history folder. */
export function statsText(dashboard: HistoryDashboard, where: string): string {
  const { records } = dashboard;
  if (records.length === 0)
    return `No recorded runs in ${where} match. Generate a project (djforge generate, or the app's Generate) and run djforge stats again.\n`;
  const latest = records.at(-1) as RunHistoryRecord;
  let text = `${records.length} recorded run${records.length === 1 ? '' : 's'} in ${where}\n` + latestLines(latest);
  text += ratingLines(dashboard.ratings);
  text += runDetail(latest);
  text += trendLines(records);
  text +=
    dashboard.recommendations.length === 0
      ? '\nRecommendations: none; no rule found anything to change in these runs.\n'
      : '\nRecommendations:\n' + dashboard.recommendations.map((r) => `  - ${r.message}\n`).join('');
  return text;
}
