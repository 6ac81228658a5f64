import { describe, expect, it } from 'vitest';
import type { UnitTimingRecord } from '../../../src-shared/api/history';
import type { AttemptRecord } from '../recovery/attempt';
import {
  agentTimes,
  errorRate,
  fallbacksByClass,
  isLocalEndpoint,
  modelUsage,
  percentile,
  retriesByClass,
  totalCost,
} from './measure';

const attempt = (
  model: string,
  outcome: AttemptRecord['outcome'],
  action: AttemptRecord['action'],
  extra: Partial<AttemptRecord> = {},
) => ({
  model,
  outcome,
  action,
  waitMs: 0,
  durationMs: 100,
  tokens: 0,
  ...extra,
});
const unit = (
  unitId: string,
  source: UnitTimingRecord['source'],
  startMs = 0,
  endMs = 10,
  agent = 'models',
): UnitTimingRecord => ({
  unitId,
  agent,
  slot: 0,
  startMs,
  endMs,
  source,
});

describe('run measures', () => {
  it('takes nearest-rank percentiles and none of nothing', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 95)).toBe(5);
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
  });

  it('counts retries by class, leaving out the accepted and the given-up attempts', () => {
    const attempts = [
      attempt('m', 'rateLimit', 'retry'),
      attempt('m', 'rateLimit', 'retry'),
      attempt('m', 'server', 'switchModel'),
      attempt('n', 'timeout', 'giveUp'),
      attempt('n', 'ok', 'accept'),
    ];
    expect(retriesByClass(attempts)).toEqual({ rateLimit: 2, server: 1 });
  });

  it('counts fallbacks by the class of the unit’s last failure, or noModelAvailable', () => {
    const units = [unit('a', 'fallback'), unit('b', 'fallback'), unit('c', 'llm')];
    const attempts = [
      { ...attempt('m', 'rateLimit', 'retry'), unitId: 'a' },
      { ...attempt('m', 'invalidCode', 'giveUp'), unitId: 'a' },
      { ...attempt('m', 'ok', 'accept'), unitId: 'c' },
    ];
    expect(fallbacksByClass(units, attempts)).toEqual({ invalidCode: 1, noModelAvailable: 1 });
  });

  it('sums busy time per agent and counts failed and fallen-back units as errors', () => {
    const units = [
      unit('a', 'llm', 0, 40),
      unit('b', 'fallback', 10, 30),
      unit('c', 'failed', 5, 6, 'views'),
      unit('d', 'cache'),
    ];
    expect(agentTimes(units)).toEqual([
      { agent: 'models', units: 3, busyMs: 70 },
      { agent: 'views', units: 1, busyMs: 1 },
    ]);
    expect(errorRate(units)).toBe(0.5);
    expect(errorRate([])).toBe(0);
  });

  it('reports tokens, latency and cost per model from the provider’s usage and the price table', () => {
    const prices = { 'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 } };
    const attempts = [
      attempt('openai/gpt-4o-mini', 'ok', 'accept', { tokensIn: 1000, tokensOut: 500, durationMs: 300 }),
      attempt('openai/gpt-4o-mini', 'server', 'retry', { durationMs: 50 }),
      attempt('mystery', 'ok', 'accept', { tokensIn: 10, tokensOut: 10 }),
    ];
    const [gpt, mystery] = modelUsage(attempts, prices, false);
    expect(gpt).toEqual({
      model: 'openai/gpt-4o-mini',
      calls: 2,
      failures: { server: 1 },
      tokensIn: 1000,
      tokensOut: 500,
      callsWithoutUsage: 1,
      latencyP50Ms: 50,
      latencyP95Ms: 300,
      costUsd: (1000 * 0.15 + 500 * 0.6) / 1e6,
    });
    expect(mystery?.costUsd).toBeNull();
    expect(totalCost([gpt!, mystery!])).toBeNull();
    expect(totalCost([gpt!])).toBeCloseTo(0.00045);
    // On a local endpoint a priced model still costs its price (a local proxy to a hosted model); others cost 0.
    expect(modelUsage(attempts, prices, true).map((m) => m.costUsd)).toEqual([gpt!.costUsd, 0]);
  });

  it('knows a local endpoint', () => {
    expect(isLocalEndpoint('http://127.0.0.1:1234/v1')).toBe(true);
    expect(isLocalEndpoint('http://localhost:11434/v1')).toBe(true);
    expect(isLocalEndpoint('http://[::1]:8080/v1')).toBe(true);
    expect(isLocalEndpoint('https://openrouter.ai/api/v1')).toBe(false);
    expect(isLocalEndpoint(null)).toBe(false);
  });
});
