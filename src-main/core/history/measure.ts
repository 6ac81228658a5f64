/**
 * The figures of a run record, computed from what the run measured: unit timings on the pool's
 * lanes, every model attempt (duration, outcome, the provider's token counts) and the review's
 * scores. Pure functions, so each figure is tested on its own.
 */
import type { ModelUsage, RunHistoryRecord, UnitTimingRecord } from '../../../src-shared/api/history';
import type { PriceTable } from '../../../src-shared/api/settings';
import type { AttemptRecord } from '../recovery/attempt';

/** An attempt with the unit it was for. */
export type UnitAttemptRecord = AttemptRecord & { unitId: string };

/** Nearest-rank percentile (`p` in (0, 100]) of measured values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Failed attempts after which recovery tried again (same or next model), by failure class. */
export function retriesByClass(attempts: readonly AttemptRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of attempts)
    if (a.outcome !== 'ok' && a.action !== 'giveUp' && a.action !== 'accept') bump(counts, a.outcome);
  return counts;
}

/**
 * Units that fell back to their template draft, by the class of their last failed attempt;
 * `noModelAvailable` when no attempt was made (every model was cooling down or stopped).
 */
export function fallbacksByClass(
  units: readonly UnitTimingRecord[],
  attempts: readonly UnitAttemptRecord[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const unit of units) {
    if (unit.source !== 'fallback') continue;
    const last = attempts.filter((a) => a.unitId === unit.unitId).at(-1);
    bump(counts, last && last.outcome !== 'ok' ? last.outcome : 'noModelAvailable');
  }
  return counts;
}

/**
 * Busy time per agent: the sum of its units' durations, in the order agents first appear, to the
 * microsecond (template units take a fraction of a millisecond). Pass the units as recorded
 * (`unitTimes`), so each agent's total is exactly the sum of the durations the timeline shows.
 */
export function agentTimes(units: readonly UnitTimingRecord[]): { agent: string; units: number; busyMs: number }[] {
  const byAgent = new Map<string, { agent: string; units: number; busyMs: number }>();
  for (const u of units) {
    const entry = byAgent.get(u.agent) ?? { agent: u.agent, units: 0, busyMs: 0 };
    entry.units += 1;
    entry.busyMs += u.endMs - u.startMs;
    byAgent.set(u.agent, entry);
  }
  return [...byAgent.values()].map((a) => ({ ...a, busyMs: roundMicro(a.busyMs) }));
}

/** Share of units that failed or fell back to their draft; 0 for a run with no units. */
export function errorRate(units: readonly UnitTimingRecord[]): number {
  if (units.length === 0) return 0;
  return units.filter((u) => u.source === 'failed' || u.source === 'fallback').length / units.length;
}

/** The price of `model`: exact id first, then the id without its `vendor/` prefix. */
export function priceOf(prices: PriceTable, model: string) {
  return prices[model] ?? prices[model.slice(model.indexOf('/') + 1)] ?? null;
}

/**
 * The cost of `tokensIn`/`tokensOut` of `model` in US dollars. A price in the table is used
 * wherever the model runs (a local proxy such as LiteLLM in front of a hosted model does cost
 * money); a model with no price costs 0 on a local endpoint (a model served by this machine) and
 * is unknown (null) on a hosted one, never guessed.
 */
export function costOf(
  model: string,
  tokensIn: number,
  tokensOut: number,
  prices: PriceTable,
  localEndpoint: boolean,
): number | null {
  const price = priceOf(prices, model);
  if (price) return (tokensIn * price.inputPerMillion + tokensOut * price.outputPerMillion) / 1_000_000;
  return localEndpoint ? 0 : null;
}

/**
 * Per model: calls, failures by class, the provider's token counts, latency p50/p95 of its calls
 * and the cost of the tokens it reported (see `costOf`).
 */
export function modelUsage(
  attempts: readonly AttemptRecord[],
  prices: PriceTable,
  localEndpoint: boolean,
): ModelUsage[] {
  const byModel = new Map<string, AttemptRecord[]>();
  for (const a of attempts) byModel.set(a.model, [...(byModel.get(a.model) ?? []), a]);
  return [...byModel.entries()].map(([model, calls]) => {
    const failures: Record<string, number> = {};
    for (const c of calls) if (c.outcome !== 'ok') bump(failures, c.outcome);
    const reported = calls.filter((c) => c.tokensIn !== undefined || c.tokensOut !== undefined);
    const tokensIn = reported.reduce((n, c) => n + (c.tokensIn ?? 0), 0);
    const tokensOut = reported.reduce((n, c) => n + (c.tokensOut ?? 0), 0);
    const durations = calls.map((c) => c.durationMs);
    return {
      model,
      calls: calls.length,
      failures,
      tokensIn,
      tokensOut,
      callsWithoutUsage: calls.length - reported.length,
      latencyP50Ms: percentile(durations, 50),
      latencyP95Ms: percentile(durations, 95),
      costUsd: costOf(model, tokensIn, tokensOut, prices, localEndpoint),
    };
  });
}

/** The run's cost: the sum of its models' costs; null when one of them has no price. */
export function totalCost(usage: readonly ModelUsage[]): number | null {
  let total = 0;
  for (const u of usage) {
    if (u.costUsd === null) return null;
    total += u.costUsd;
  }
  return total;
}

/**
 * `record` priced with `prices`: the tokens are what the provider reported, the prices what the
 * settings say now, so correcting a price re-prices every recorded run at once.
 */
export function pricedRecord<R extends Pick<RunHistoryRecord, 'modelUsage' | 'costUsd' | 'localEndpoint'>>(
  record: R,
  prices: PriceTable,
): R {
  const usage = record.modelUsage.map((m) => ({
    ...m,
    costUsd: costOf(m.model, m.tokensIn, m.tokensOut, prices, record.localEndpoint),
  }));
  return { ...record, modelUsage: usage, costUsd: totalCost(usage) };
}

/** Whether a base URL points at this machine (a local model server costs nothing per token). */
export function isLocalEndpoint(baseURL: string | null): boolean {
  if (!baseURL) return false;
  try {
    const host = new URL(baseURL).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host) || host.endsWith('.localhost');
  } catch {
    return false;
  }
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

/** Milliseconds to the microsecond, for unit timings measured with a high-resolution clock. */
export const roundMicro = (ms: number) => Math.round(ms * 1000) / 1000;

/** The units as the history keeps them: start and end to the microsecond. */
export function unitTimes(units: readonly UnitTimingRecord[]): UnitTimingRecord[] {
  return units.map((u) => ({ ...u, startMs: roundMicro(u.startMs), endMs: roundMicro(u.endMs) }));
}
