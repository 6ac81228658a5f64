import { describe, expect, it } from 'vitest';
import { LlmRequestError } from '../llm/errors';
import { ModelCooldowns } from './cooldowns';
import { classifyFailure, type Failure } from './failure';
import { RecoveryPolicy, type RecoveryState } from './policy';
import { parseRetryAfter } from './retry-after';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const http = (status: number, details: Record<string, string> = {}, message = 'error') =>
  new LlmRequestError('http', message, { status, ...details });

describe('parseRetryAfter', () => {
  it('reads retry-after-ms first, then seconds, then an HTTP date, never negative', () => {
    expect(parseRetryAfter({ retryAfterMs: '1500.2', retryAfter: '9' }, NOW)).toBe(1501);
    expect(parseRetryAfter({ retryAfter: '2' }, NOW)).toBe(2000);
    expect(parseRetryAfter({ retryAfter: '0.5' }, NOW)).toBe(500);
    expect(parseRetryAfter({ retryAfter: 'Wed, 25 Nov 2026 12:00:30 GMT' }, NOW)).toBe(30_000);
    expect(parseRetryAfter({ retryAfter: 'Wed, 25 Nov 2026 11:00:00 GMT' }, NOW)).toBe(0);
    expect(parseRetryAfter({ retryAfterMs: 'soon', retryAfter: 'later' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({ retryAfterMs: '-5' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({}, NOW)).toBeUndefined();
  });
});

describe('classifyFailure', () => {
  const now = () => NOW;
  it.each<[LlmRequestError, Partial<Failure>]>([
    [http(429, { retryAfter: '3' }), { class: 'rateLimit', retryAfterMs: 3000, status: 429 }],
    [http(429, { code: 'insufficient_quota' }), { class: 'payment' }],
    [http(401), { class: 'auth' }],
    [http(403), { class: 'auth' }],
    [http(402), { class: 'payment' }],
    [http(404), { class: 'modelNotFound' }],
    [http(400, { code: 'model_not_found' }), { class: 'modelNotFound' }],
    [http(400, {}, 'The model `x` does not exist'), { class: 'modelNotFound' }],
    [http(400, { code: 'context_length_exceeded' }), { class: 'contextTooLong' }],
    [http(413), { class: 'contextTooLong' }],
    [http(408), { class: 'timeout' }],
    [http(500), { class: 'server' }],
    [http(503, { retryAfterMs: '250' }), { class: 'server', retryAfterMs: 250 }],
    [http(422), { class: 'badRequest' }],
    [new LlmRequestError('stream', 'Upstream provider error mid-stream.'), { class: 'streamError' }],
    [new LlmRequestError('stream', 'maximum context length exceeded'), { class: 'contextTooLong' }],
    [new LlmRequestError('timeout', 'Request timed out.'), { class: 'timeout' }],
    [new LlmRequestError('connection', 'socket hang up'), { class: 'connection' }],
    [new LlmRequestError('aborted', 'Request cancelled.'), { class: 'aborted' }],
    [new LlmRequestError('unknown', 'weird'), { class: 'server' }],
  ])('classifies %s', (error, expected) => {
    expect(classifyFailure(error, { now })).toMatchObject(expected);
  });

  it('classifies raw errors through the SDK normalizer', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(classifyFailure(new TypeError('fetch failed', { cause: reset }))).toMatchObject({ class: 'connection' });
  });

  it('judges answers: usable, truncated, empty, prose only, invalid', () => {
    const answer = { kind: 'answer' as const, text: 'x', finishReason: 'stop', code: 'x = 1\n' };
    expect(classifyFailure(answer)).toBeNull();
    expect(classifyFailure({ ...answer, finishReason: 'length' })).toMatchObject({ class: 'truncated' });
    expect(classifyFailure({ ...answer, text: '  \n', code: null })).toMatchObject({ class: 'empty' });
    expect(classifyFailure({ ...answer, code: null })).toMatchObject({ class: 'proseOnly' });
    expect(classifyFailure({ ...answer, validationError: 'SyntaxError: bad' })).toMatchObject({
      class: 'invalidCode',
      validationError: 'SyntaxError: bad',
    });
  });
});

describe('RecoveryPolicy', () => {
  const state = (over: Partial<RecoveryState> = {}): RecoveryState => ({
    sameClassFailures: 1,
    totalAttempts: 1,
    continuations: 0,
    repairs: 0,
    shrinks: 0,
    canShrink: true,
    canSplit: false,
    hasNextModel: true,
    ...over,
  });
  const policy = new RecoveryPolicy({
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    retryAfterCapMs: 5_000,
    cooldownMs: 60_000,
    random: () => 1,
  });
  const f = (cls: Failure['class'], extra: Partial<Failure> = {}): Failure => ({ class: cls, message: cls, ...extra });

  it('backs off exponentially with equal jitter, capped', () => {
    const low = new RecoveryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0 });
    expect([1, 2, 3, 4, 5, 6].map((n) => low.backoffMs(n))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 5].map((n) => policy.backoffMs(n))).toEqual([100, 200, 1_000]);
  });

  it('honours Retry-After up to the cap, then cools the model down', () => {
    expect(policy.decide(f('rateLimit', { retryAfterMs: 4_000 }), state())).toEqual({ kind: 'retry', waitMs: 4_000 });
    expect(policy.decide(f('rateLimit', { retryAfterMs: 9_000 }), state())).toEqual({
      kind: 'switchModel',
      cooldownMs: 9_000,
      stop: false,
    });
    expect(policy.decide(f('rateLimit'), state({ sameClassFailures: 5 }))).toEqual({
      kind: 'switchModel',
      cooldownMs: 60_000,
      stop: false,
    });
  });

  it('retries transient failures within their budget, then switches', () => {
    expect(policy.decide(f('server'), state({ sameClassFailures: 2 }))).toEqual({ kind: 'retry', waitMs: 200 });
    expect(policy.decide(f('server'), state({ sameClassFailures: 3 }))).toEqual({
      kind: 'switchModel',
      cooldownMs: 60_000,
      stop: false,
    });
    expect(policy.decide(f('timeout'), state({ sameClassFailures: 2 }))).toMatchObject({ kind: 'switchModel' });
    expect(policy.decide(f('empty'), state({ sameClassFailures: 2, hasNextModel: false }))).toEqual({
      kind: 'giveUp',
      reason: 'no model left (last failure: empty)',
    });
  });

  it('stops the model at once for what retrying cannot fix', () => {
    for (const cls of ['auth', 'payment', 'modelNotFound'] as const) {
      expect(policy.decide(f(cls), state({ hasNextModel: false }))).toEqual({
        kind: 'giveUp',
        reason: `no model left (last failure: ${cls})`,
        stop: true,
      });
    }
  });

  it('continues, splits, repairs, shrinks and nudges within their limits', () => {
    expect(policy.decide(f('truncated'), state())).toEqual({ kind: 'continue' });
    expect(policy.decide(f('truncated'), state({ continuations: 2, canSplit: true }))).toEqual({ kind: 'split' });
    expect(policy.decide(f('truncated'), state({ continuations: 2 }))).toEqual({
      kind: 'switchModel',
      cooldownMs: 0,
      stop: false,
    });
    expect(policy.decide(f('invalidCode'), state({ repairs: 1 }))).toEqual({ kind: 'repair' });
    expect(policy.decide(f('invalidCode'), state({ repairs: 2, hasNextModel: false }))).toMatchObject({
      kind: 'giveUp',
    });
    expect(policy.decide(f('contextTooLong'), state())).toEqual({ kind: 'shrink' });
    expect(policy.decide(f('contextTooLong'), state({ canShrink: false }))).toMatchObject({ kind: 'switchModel' });
    expect(policy.decide(f('proseOnly'), state())).toEqual({ kind: 'nudge' });
    expect(policy.decide(f('proseOnly'), state({ sameClassFailures: 2 }))).toMatchObject({ kind: 'switchModel' });
  });

  it('gives up on cancel and after the attempt budget', () => {
    expect(policy.decide(f('aborted'), state())).toEqual({ kind: 'giveUp', reason: 'cancelled' });
    expect(policy.decide(f('server'), state({ totalAttempts: 12 }))).toEqual({
      kind: 'giveUp',
      reason: 'gave up after 12 attempts (last: server)',
    });
  });
});

describe('ModelCooldowns', () => {
  it('cools down (never shortening), stops for the run, and reports', () => {
    let now = 1_000;
    const cooldowns = new ModelCooldowns(() => now);
    cooldowns.coolDown('a', 500, 'overloaded');
    cooldowns.coolDown('a', 100, 'shorter');
    expect(cooldowns.isAvailable('a')).toBe(false);
    expect(cooldowns.availableAt('a')).toBe(1_500);
    cooldowns.stop('b', 'bad key');
    expect(cooldowns.snapshot().map((s) => [s.model, s.reason])).toEqual([
      ['a', 'overloaded'],
      ['b', 'bad key'],
    ]);
    now = 1_500;
    expect(cooldowns.isAvailable('a')).toBe(true);
    expect(cooldowns.isStopped('b')).toBe(true);
    expect(cooldowns.isAvailable('c')).toBe(true);
    expect(cooldowns.snapshot().map((s) => s.model)).toEqual(['b']);
  });
});

describe('the circuit breaker', () => {
  it('opens after N consecutive server failures over every unit, not for answer problems, and closes on success', () => {
    let now = 0;
    const cooldowns = new ModelCooldowns(() => now);
    expect(cooldowns.recordFailure('m', 'invalidCode', 'bad code', 3, 1_000)).toBe(false);
    expect(cooldowns.recordFailure('m', 'server', '500', 3, 1_000)).toBe(false);
    expect(cooldowns.recordFailure('m', 'timeout', 'slow', 3, 1_000)).toBe(false);
    cooldowns.recordSuccess('m');
    expect(cooldowns.recordFailure('m', 'connection', 'reset', 3, 1_000)).toBe(false);
    expect(cooldowns.recordFailure('m', 'server', '500', 3, 1_000)).toBe(false);
    expect(cooldowns.recordFailure('m', 'streamError', 'broken', 3, 1_000)).toBe(true);
    expect(cooldowns.isCircuitOpen('m')).toBe(true);
    expect(cooldowns.isAvailable('m')).toBe(false);
    expect(cooldowns.snapshot()[0]?.reason).toBe('circuit open after 3 consecutive server failures (last: broken)');
    now = 1_000;
    expect(cooldowns.isCircuitOpen('m')).toBe(false);
    // Half-open: the one probe that fails opens the circuit again at once.
    expect(cooldowns.recordFailure('m', 'server', '500', 3, 1_000)).toBe(true);
    cooldowns.recordSuccess('m');
    now = 2_000;
    expect(cooldowns.recordFailure('m', 'server', '500', 3, 1_000)).toBe(false);
  });

  it('gives up instead of "switching" to the same model, still cooling it down for the others', () => {
    const policy = new RecoveryPolicy({ cooldownMs: 60_000, random: () => 0 });
    const decided = policy.decide(
      { class: 'server', message: '500' },
      {
        sameClassFailures: 3,
        totalAttempts: 3,
        continuations: 0,
        repairs: 0,
        shrinks: 0,
        canShrink: false,
        canSplit: false,
        hasNextModel: false,
      },
    );
    expect(decided).toEqual({ kind: 'giveUp', reason: 'no model left (last failure: server)', cooldownMs: 60_000 });
  });
});
