/**
 * Advice derived from the recorded runs by fixed, documented rules. Each rule looks only at
 * completed runs, fires only when its numbers cross a named bound, and cites those numbers and
 * the runs they came from, so a person can check every recommendation against the history.
 *
 * - `lowerConcurrency`: the latest LLM run met at least RATE_LIMIT_CLUSTER rate limits (429).
 * - `raiseConcurrency`: the latest LLM run kept every lane busy (lane utilisation, the units'
 *   summed time over lanes × generation span, at least SATURATED_UTILISATION), had more units
 *   than lanes, and met no rate limit.
 * - `demoteModel`: over the last WINDOW LLM runs a model answered at least MIN_MODEL_CALLS calls
 *   and more than MODEL_FAILURE_BOUND of them failed.
 * - `warmCache`: an ERD generated again with the LLM engine (same content hash and model chain, so
 *   the same cache keys) had a cache hit rate under LOW_HIT_RATE on its latest run.
 * - `lowerThreshold`: over the last WINDOW runs a person reviewed (review records, see
 *   `review-record.ts`), at least MIN_DECIDED files judged medium were decided by the person and at
 *   least UNCHANGED_APPROVAL_SHARE of them were approved unchanged; the advice names the lowest
 *   score among those files.
 * - `raiseThreshold`: over the same reviews, at least MIN_DECIDED files were auto-approved as
 *   judged and the person edited, regenerated or skipped at least OVERRIDDEN_SHARE of them.
 * Reviews decided by a policy (`djforge generate --approve …`) are not a person's judgement and
 * are not counted.
 */
import type { Recommendation, ReviewedFile, RunHistoryRecord } from '../../../src-shared/api/history';
import { cacheHitRate } from './ratings';

export const WINDOW = 5;
export const RATE_LIMIT_CLUSTER = 3;
export const SATURATED_UTILISATION = 0.85;
export const MIN_MODEL_CALLS = 5;
export const MODEL_FAILURE_BOUND = 0.25;
export const LOW_HIT_RATE = 0.3;
export const MIN_DECIDED = 5;
export const UNCHANGED_APPROVAL_SHARE = 0.8;
export const OVERRIDDEN_SHARE = 0.25;

const pct = (x: number) => Math.round(x * 1000) / 10;
const rateLimits = (r: RunHistoryRecord) => r.modelUsage.reduce((n, m) => n + (m.failures['rateLimit'] ?? 0), 0);

/** Busy share of the lanes between the first unit's start and the last unit's end. */
export function laneUtilisation(record: RunHistoryRecord): number | null {
  if (record.units.length === 0 || record.concurrency === 0) return null;
  const start = Math.min(...record.units.map((u) => u.startMs));
  const end = Math.max(...record.units.map((u) => u.endMs));
  if (end <= start) return null;
  const busy = record.units.reduce((n, u) => n + (u.endMs - u.startMs), 0);
  return busy / ((end - start) * record.concurrency);
}

function concurrencyRules(latest: RunHistoryRecord | undefined): Recommendation[] {
  if (!latest) return [];
  const limits = rateLimits(latest);
  if (limits >= RATE_LIMIT_CLUSTER)
    return [
      {
        rule: 'lowerConcurrency',
        message: `The last run met ${limits} rate limits (429) at concurrency ${latest.concurrency}; lower the concurrency to ${Math.max(1, Math.floor(latest.concurrency / 2))} so the provider stops refusing requests.`,
        evidence: { rateLimits: limits, concurrency: latest.concurrency },
        runIds: [latest.runId],
      },
    ];
  const utilisation = laneUtilisation(latest);
  if (utilisation !== null && utilisation >= SATURATED_UTILISATION && latest.units.length > latest.concurrency)
    return [
      {
        rule: 'raiseConcurrency',
        message: `All ${latest.concurrency} lanes were busy ${pct(utilisation)} % of the generation with no rate limit; raise the concurrency to ${latest.concurrency * 2} to finish sooner.`,
        evidence: {
          concurrency: latest.concurrency,
          laneUtilisationPct: pct(utilisation),
          rateLimits: 0,
          units: latest.units.length,
        },
        runIds: [latest.runId],
      },
    ];
  return [];
}

function modelRules(llmRuns: RunHistoryRecord[]): Recommendation[] {
  const recent = llmRuns.slice(-WINDOW);
  const totals = new Map<string, { calls: number; failures: number; runIds: string[] }>();
  for (const run of recent)
    for (const m of run.modelUsage) {
      const t = totals.get(m.model) ?? { calls: 0, failures: 0, runIds: [] };
      t.calls += m.calls;
      t.failures += Object.values(m.failures).reduce((a, b) => a + b, 0);
      t.runIds.push(run.runId);
      totals.set(m.model, t);
    }
  return [...totals.entries()]
    .filter(([, t]) => t.calls >= MIN_MODEL_CALLS && t.failures / t.calls > MODEL_FAILURE_BOUND)
    .map(([model, t]) => ({
      rule: 'demoteModel',
      message: `${model} failed ${t.failures} of ${t.calls} calls (${pct(t.failures / t.calls)} %) over the last ${t.runIds.length} runs; move it down the fallback chain.`,
      evidence: {
        model,
        calls: t.calls,
        failures: t.failures,
        failureRatePct: pct(t.failures / t.calls),
        runs: t.runIds.length,
      },
      runIds: t.runIds,
    }));
}

function cacheRules(llmRuns: RunHistoryRecord[]): Recommendation[] {
  const byErd = new Map<string, RunHistoryRecord[]>();
  for (const run of llmRuns) {
    const key = `${run.erd.hash} ${run.models.join(' > ')}`;
    byErd.set(key, [...(byErd.get(key) ?? []), run]);
  }
  return [...byErd.values()].flatMap((runs) => {
    const latest = runs.at(-1) as RunHistoryRecord;
    const rate = cacheHitRate(latest);
    if (runs.length < 2 || rate === null || rate >= LOW_HIT_RATE) return [];
    return [
      {
        rule: 'warmCache',
        message: `"${latest.erd.name}" was generated ${runs.length} times unchanged, yet its last run hit the cache for only ${pct(rate)} % of ${latest.cache.hits + latest.cache.misses} units; keep the cache (no --no-cache) or share one folder with AGENT_CACHE_DIR.`,
        evidence: {
          erd: latest.erd.name,
          runs: runs.length,
          hitRatePct: pct(rate),
          hits: latest.cache.hits,
          misses: latest.cache.misses,
        },
        runIds: runs.map((r) => r.runId),
      },
    ];
  });
}

function thresholdRules(runs: RunHistoryRecord[]): Recommendation[] {
  const recent = runs.filter((r) => r.review?.reviewer === 'person').slice(-WINDOW);
  const reviewed = recent.flatMap((r) => r.review?.files ?? []);
  const runIds = recent.map((r) => r.runId);
  const threshold = recent.at(-1)?.review?.threshold ?? 0;
  const advice: Recommendation[] = [];
  const byPerson = (f: ReviewedFile) => f.decidedBy === 'user' || f.edits + f.regenerations > 0;
  const medium = reviewed.filter((f) => f.category === 'medium' && byPerson(f));
  const unchanged = medium.filter((f) => f.approvedUnchanged);
  if (medium.length >= MIN_DECIDED && unchanged.length / medium.length >= UNCHANGED_APPROVAL_SHARE) {
    const lowest = Math.min(...unchanged.map((f) => f.score));
    advice.push({
      rule: 'lowerThreshold',
      message: `You approved ${unchanged.length} of ${medium.length} medium-quality files unchanged over the last ${recent.length} reviewed runs; lower the auto-approval threshold from ${threshold} to ${Math.floor(lowest * 20) / 20} (the lowest score among them) so such files are approved for you.`,
      evidence: {
        mediumDecided: medium.length,
        approvedUnchanged: unchanged.length,
        sharePct: pct(unchanged.length / medium.length),
        lowestScore: lowest,
        threshold,
      },
      runIds,
    });
  }
  const auto = reviewed.filter((f) => f.category === 'auto-approved');
  const overridden = auto.filter(
    (f) => f.outcome === 'edited' || f.outcome === 'regenerated' || f.outcome === 'skipped',
  );
  if (auto.length >= MIN_DECIDED && overridden.length / auto.length >= OVERRIDDEN_SHARE)
    advice.push({
      rule: 'raiseThreshold',
      message: `You edited, regenerated or skipped ${overridden.length} of ${auto.length} auto-approved files over the last ${recent.length} reviewed runs; raise the auto-approval threshold above ${threshold} so such files wait for you.`,
      evidence: {
        autoApproved: auto.length,
        overridden: overridden.length,
        sharePct: pct(overridden.length / auto.length),
        threshold,
      },
      runIds,
    });
  return advice;
}

/** The recommendations for `records` (oldest first). */
export function recommend(records: readonly RunHistoryRecord[]): Recommendation[] {
  const completed = records.filter((r) => r.status === 'completed');
  const llmRuns = completed.filter((r) => r.engine === 'llm');
  return [
    ...concurrencyRules(llmRuns.at(-1)),
    ...modelRules(llmRuns),
    ...cacheRules(llmRuns),
    ...thresholdRules(completed),
  ];
}
