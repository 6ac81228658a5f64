import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { draftResponder, REFINED_MARKER } from '../../../test-support/draft-responder';
import { startOpenAiServer, type Fault, type OpenAiServer } from '../../../test-support/openai-server';
import type { PoolEvent } from '../agents/events';
import { ModelCooldowns } from '../recovery/cooldowns';
import { RecoveryPolicy } from '../recovery/policy';
import { createLlmClient } from './client';
import type { UnitPromptInput } from './prompt';
import { startCpythonChecker, type SyntaxChecker } from './python-syntax';
import { abortableSleep, refineUnit, UnitCancelledError, type RefineContext } from './refine-unit';

const KEY = 'sk-test-SECRET-4242';
const DRAFT = 'class Job(models.Model):\n    title = models.CharField(max_length=200)';
const unit: UnitPromptInput = {
  unitId: 'models:core:Job',
  agent: 'models',
  file: 'core/models.py',
  entity: 'Job',
  task: 'Improve the model class.',
  wholeFile: false,
  language: 'python',
  draft: DRAFT,
  slice: { entity: { name: 'Job' } },
  dependencies: [],
  rules: ['Job title must not be empty'],
  instructions: '',
};

let server: OpenAiServer;
let checker: SyntaxChecker;
beforeAll(async () => {
  server = await startOpenAiServer({ responder: draftResponder, chunkSize: 16 });
  checker = await startCpythonChecker('python3');
});
afterAll(async () => {
  await checker.close();
  await server.close();
});
afterEach(() => {
  server.clearFaults();
  server.resetLog();
});

function context(events: PoolEvent[], overrides: Partial<RefineContext> = {}): RefineContext {
  return {
    client: createLlmClient({ baseURL: server.baseURL, apiKey: KEY, timeoutMs: 10_000 }),
    models: ['fake-coder', 'fake-coder-2'],
    policy: new RecoveryPolicy({
      baseDelayMs: 5,
      maxDelayMs: 40,
      retryAfterCapMs: 1_000,
      cooldownMs: 2_000,
      random: () => 0.5,
    }),
    cooldowns: new ModelCooldowns(),
    checker,
    signal: new AbortController().signal,
    onEvent: (e) => events.push(e),
    sleep: abortableSleep,
    now: Date.now,
    ...overrides,
  };
}

const expectedCode = `${REFINED_MARKER}\n${DRAFT}\n`;

describe('refineUnit', () => {
  it('streams the answer, extracts the code and records one attempt', async () => {
    const events: PoolEvent[] = [];
    const outcome = await refineUnit(unit, context(events));
    expect(outcome).toMatchObject({ status: 'ok', code: expectedCode, model: 'fake-coder' });
    expect(outcome.attempts).toEqual([
      expect.objectContaining({ model: 'fake-coder', outcome: 'ok', action: 'accept', waitMs: 0 }),
    ]);
    expect(outcome.tokens).toBeGreaterThan(0);
    const streamed = events.filter((e) => e.type === 'streaming');
    expect(streamed.length).toBeGreaterThan(3);
    expect(streamed.at(-1)).toMatchObject({ text: expect.stringContaining(DRAFT) });
    const prompt = server.requests[0]?.messages[1]?.content ?? '';
    expect(prompt).toContain('## Deterministic draft');
    expect(prompt).toContain('- Job title must not be empty');
    expect(server.requests[0]?.stream).toBe(true);
  });

  it.each<[string, Fault, string, string]>([
    ['429 with retry-after-ms', { kind: 'rateLimit', retryAfterMs: 60 }, 'rateLimit', 'retry'],
    ['500', { kind: 'serverError', status: 500 }, 'server', 'retry'],
    ['503', { kind: 'serverError', status: 503 }, 'server', 'retry'],
    ['a hang', { kind: 'hang' }, 'timeout', 'retry'],
    ['a stream stalling mid-answer', { kind: 'hang', afterChunks: 2 }, 'timeout', 'retry'],
    ['a reset before headers', { kind: 'reset' }, 'connection', 'retry'],
    ['a reset mid-stream', { kind: 'reset', afterChunks: 2 }, 'connection', 'retry'],
    ['an error event in the stream', { kind: 'streamError', afterChunks: 2 }, 'streamError', 'retry'],
    ['an empty answer', { kind: 'empty' }, 'empty', 'retry'],
    ['a truncated answer', { kind: 'truncated' }, 'truncated', 'continue'],
    ['a prose-only answer', { kind: 'prose' }, 'proseOnly', 'nudge'],
    [
      'invalid code',
      { kind: 'answer', text: '```python\nclass Job(models.Model:\n    pass\n```' },
      'invalidCode',
      'repair',
    ],
    [
      'code that drops the class',
      { kind: 'answer', text: '```python\nclass Other:\n    pass\n```' },
      'invalidCode',
      'repair',
    ],
    ['context too long', { kind: 'contextLength' }, 'contextTooLong', 'shrink'],
  ])('recovers from %s', async (_label, fault, outcome, action) => {
    server.inject(fault);
    const events: PoolEvent[] = [];
    const timeoutMs = fault.kind === 'hang' ? 1_000 : 10_000;
    const client = createLlmClient({ baseURL: server.baseURL, apiKey: KEY, timeoutMs });
    const result = await refineUnit(unit, context(events, { client }));
    expect(result).toMatchObject({ status: 'ok', code: expectedCode, model: 'fake-coder' });
    expect(result.attempts.map((a) => [a.outcome, a.action])).toEqual([
      [outcome, action],
      ['ok', 'accept'],
    ]);
    expect(events.filter((e) => e.type === 'retrying')).toHaveLength(1);
    if (fault.kind === 'rateLimit') expect(result.attempts[0]?.waitMs).toBe(60);
  });

  it('accepts chatter around the code and <think> blocks on the first attempt', async () => {
    server.inject({ kind: 'chatter' }, { kind: 'think' });
    for (let i = 0; i < 2; i++) {
      const result = await refineUnit(unit, context([]));
      expect(result).toMatchObject({ status: 'ok', code: expectedCode });
      expect(result.attempts).toHaveLength(1);
    }
  });

  it('takes another code block of the answer when the largest one is not the unit', async () => {
    const example = ['# How to use it:', 'job = Job.objects.create(title="x")', 'print(job.title)', 'print(job)'].join(
      '\n',
    );
    const twoBlocks = await startOpenAiServer({
      responder: () => ['```python', example, '```', 'The unit:', '```python', DRAFT, '```'].join('\n'),
    });
    try {
      const client = createLlmClient({ baseURL: twoBlocks.baseURL, apiKey: KEY, timeoutMs: 10_000 });
      const result = await refineUnit(unit, context([], { client }));
      expect(result).toMatchObject({ status: 'ok', code: `${DRAFT}\n` });
      expect(result.attempts).toHaveLength(1);
    } finally {
      await twoBlocks.close();
    }
  });

  it('continues a truncated answer with the part already received', async () => {
    server.inject({ kind: 'truncated' });
    await refineUnit(unit, context([]));
    const second = server.requests[1]?.messages ?? [];
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second[3]?.content).toMatch(/cut off/);
  });

  it('shrinks the prompt when the context is too long', async () => {
    server.inject({ kind: 'contextLength' });
    await refineUnit(unit, context([]));
    expect(server.requests[0]?.messages[1]?.content).toContain('## ERD slice');
    expect(server.requests[1]?.messages[1]?.content).not.toContain('## ERD slice');
  });

  it('sends the syntax error back for a repair', async () => {
    server.inject({ kind: 'answer', text: '```python\ndef f(:\n```' });
    await refineUnit(unit, context([]));
    expect(server.requests[1]?.messages.at(-1)?.content).toMatch(
      /^The code you returned is not valid: SyntaxError.*\(line 1, column \d+\)/,
    );
  });

  it.each<[string, Fault, string]>([
    ['401 (and redacts the echoed key)', { kind: 'auth' }, 'auth'],
    ['403', { kind: 'auth', status: 403 }, 'auth'],
    ['402', { kind: 'payment' }, 'payment'],
    ['an unknown model', { kind: 'unknownModel' }, 'modelNotFound'],
  ])('stops the model at once on %s and moves to the next one', async (_label, fault, outcome) => {
    server.inject({ fault, model: 'fake-coder', times: 5 });
    const cooldowns = new ModelCooldowns();
    const result = await refineUnit(unit, context([], { cooldowns }));
    expect(result).toMatchObject({ status: 'ok', model: 'fake-coder-2' });
    expect(result.attempts.map((a) => [a.model, a.outcome, a.action])).toEqual([
      ['fake-coder', outcome, 'switchModel'],
      ['fake-coder-2', 'ok', 'accept'],
    ]);
    expect(cooldowns.isStopped('fake-coder')).toBe(true);
    expect(JSON.stringify(result)).not.toContain(KEY);
    if (fault.kind === 'auth' && fault.status === undefined)
      expect(result.attempts[0]?.message).toContain('[redacted]');
    const again = await refineUnit(unit, context([], { cooldowns }));
    expect(again.attempts.map((a) => a.model)).toEqual(['fake-coder-2']);
  });

  it('holds the model back for every unit while a Retry-After runs', async () => {
    server.inject({ kind: 'rateLimit', retryAfterMs: 150 });
    const cooldowns = new ModelCooldowns();
    const seen: boolean[] = [];
    const events: PoolEvent[] = [];
    const onEvent = (e: PoolEvent) => {
      events.push(e);
      if (e.type === 'retrying') seen.push(cooldowns.isAvailable('fake-coder'));
    };
    const result = await refineUnit(unit, context(events, { cooldowns, onEvent }));
    expect(seen).toEqual([false]);
    expect(result.attempts.map((a) => a.model)).toEqual(['fake-coder', 'fake-coder']);
    expect(cooldowns.isAvailable('fake-coder')).toBe(true);
  });

  it('cools a model down when Retry-After is beyond the cap, and uses the next', async () => {
    server.inject({ fault: { kind: 'rateLimit', retryAfterSeconds: 3600 }, model: 'fake-coder' });
    const cooldowns = new ModelCooldowns();
    const result = await refineUnit(unit, context([], { cooldowns }));
    expect(result.attempts.map((a) => [a.model, a.outcome, a.action])).toEqual([
      ['fake-coder', 'rateLimit', 'switchModel'],
      ['fake-coder-2', 'ok', 'accept'],
    ]);
    expect(cooldowns.isAvailable('fake-coder')).toBe(false);
    expect(cooldowns.isStopped('fake-coder')).toBe(false);
  });

  it('falls back to the draft when every model is unusable, and says why', async () => {
    server.inject({ fault: { kind: 'auth' }, times: 10 });
    const events: PoolEvent[] = [];
    const result = await refineUnit(unit, context(events));
    expect(result.status).toBe('fallback');
    expect(result.attempts.map((a) => a.outcome)).toEqual(['auth', 'auth']);
    expect(result.status === 'fallback' && result.reason).toMatch(/no model left|stopped/);
    expect(events.filter((e) => e.type === 'fellBack')).toHaveLength(1);
  });

  it('gives up after repeated server errors on a single model', async () => {
    server.inject({ fault: { kind: 'serverError' }, times: 50 });
    const policy = new RecoveryPolicy({
      baseDelayMs: 1,
      maxDelayMs: 5,
      cooldownMs: 5,
      maxAttempts: 6,
      random: () => 0,
    });
    const result = await refineUnit(unit, context([], { models: ['fake-coder'], policy }));
    expect(result.status).toBe('fallback');
    // The first attempt and the two server retries; switching to the same model is not a fallback.
    expect(result.attempts.map((a) => a.action)).toEqual(['retry', 'retry', 'giveUp']);
    expect(result.attempts.every((a) => a.outcome === 'server')).toBe(true);
  });

  it('stops an in-flight request at once when cancelled', async () => {
    server.inject({ kind: 'hang' });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const client = createLlmClient({ baseURL: server.baseURL, timeoutMs: 10_000 });
    await expect(refineUnit(unit, context([], { client, signal: controller.signal }))).rejects.toBeInstanceOf(
      UnitCancelledError,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(server.requests[0]?.outcome).toBe('clientClosed');
  });
});
