/**
 * The circuit breaker and the unit budget against the local OpenAI-compatible server: a server
 * that always answers 500, or never answers in time, must cost a bounded number of calls and
 * seconds, and every unit must still end with its draft.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { draftResponder } from '../../../test-support/draft-responder';
import { startOpenAiServer, type OpenAiServer } from '../../../test-support/openai-server';
import { splitIntoUnits } from '../agents/split-units';
import { executePlan } from '../agents/execute-plan';
import { appFiles } from '../generate/app';
import { appLabels } from '../generate/names';
import { projectFiles } from '../generate/project';
import { createLlmClient } from '../llm/client';
import { abortableSleep, refineUnit } from '../llm/refine-unit';
import { ModelCooldowns } from './cooldowns';
import { RecoveryPolicy } from './policy';

const erd: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'library' },
  entities: [
    { name: 'Author', fields: [{ name: 'name', type: 'string' }] },
    { name: 'Book', fields: [{ name: 'title', type: 'string' }] },
  ],
  relations: [
    { name: 'author', kind: 'manyToOne', from: 'Book', to: 'Author', onDelete: 'CASCADE', relatedName: 'books' },
  ],
};
const template = [...appLabels(erd).flatMap((app) => appFiles(erd, app)), ...projectFiles(erd)];

let server: OpenAiServer;
beforeAll(async () => {
  server = await startOpenAiServer({ responder: draftResponder });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clearFaults();
  server.resetLog();
});

async function run(models: string[], policy: RecoveryPolicy, timeoutMs = 10_000) {
  const plan = splitIntoUnits(erd, template);
  const started = Date.now();
  const result = await executePlan(erd, plan, {
    engine: 'llm',
    concurrency: 4,
    cache: null,
    llm: {
      client: createLlmClient({ baseURL: server.baseURL, timeoutMs }),
      model: models[0] ?? '',
      fallbackModels: models.slice(1),
      checker: null,
      policy,
    },
  });
  const figures = { seconds: (Date.now() - started) / 1000, calls: server.requests.length, units: plan.units.length };
  return { result, plan, ...figures };
}

describe('a server that always fails', () => {
  it('costs a few calls and seconds with the default policy, then every unit keeps its draft', async () => {
    server.inject({ fault: { kind: 'serverError' }, times: 10_000 });
    const { result, plan, seconds, calls } = await run(['fake-coder'], new RecoveryPolicy());
    // Before the breaker: 12 attempts per unit on the same model (204 calls for this size of ERD, 8 minutes).
    expect(plan.units.length).toBeGreaterThan(10);
    expect(calls).toBeLessThanOrEqual(12);
    expect(seconds).toBeLessThan(15);
    expect(result.files.filter((f) => f.source !== 'fallback' && f.source !== 'template')).toEqual([]);
    expect(result.files.some((f) => f.source === 'fallback')).toBe(true);
    expect(result.files.map((f) => f.content)).toEqual(
      result.files.map((f) => template.find((t) => t.path === f.path)?.content),
    );
    const attempts = result.files.flatMap((f) => f.attempts);
    expect(attempts.filter((a) => a.action === 'switchModel')).toEqual([]);
    expect(attempts.filter((a) => a.action === 'retry').every((a) => a.waitMs > 0)).toBe(true);
  });

  it('falls back from an open circuit to the next model, then to the draft, within bounds', async () => {
    server.inject({ fault: { kind: 'serverError' }, times: 10_000, model: 'fake-coder' });
    const { result, calls } = await run(['fake-coder', 'fake-coder-2'], new RecoveryPolicy({ baseDelayMs: 20 }));
    const second = server.requests.filter((r) => r.model === 'fake-coder-2').length;
    expect(calls - second).toBeLessThanOrEqual(12);
    expect(result.files.filter((f) => f.source === 'llm').length).toBeGreaterThan(0);
  });
});

describe('a unit always slower than the timeout', () => {
  it('stops after its attempt and time budget, never retrying on the same model as a fallback', async () => {
    server.inject({ fault: { kind: 'hang' }, times: 10_000 });
    const policy = new RecoveryPolicy({ unitBudgetMs: 2_000, baseDelayMs: 200 });
    const { result, seconds, calls, plan } = await run(['fake-coder'], policy, 600);
    expect(seconds).toBeLessThan(plan.units.length * 2 + 2);
    // One retry per unit for a timeout, at most: before, 12 attempts per unit.
    expect(calls).toBeLessThanOrEqual(plan.units.length * 2);
    const attempts = result.files.flatMap((f) => f.attempts);
    expect(attempts.every((a) => a.outcome === 'timeout')).toBe(true);
    expect(attempts.filter((a) => a.action === 'switchModel')).toEqual([]);
    expect(attempts.filter((a) => a.action === 'retry').every((a) => a.waitMs > 0)).toBe(true);
    expect(result.files.filter((f) => f.source !== 'fallback' && f.source !== 'template')).toEqual([]);
  });
});

describe('one unit always slower than the timeout', () => {
  const unit = {
    unitId: 'models:core:Job',
    agent: 'models' as const,
    file: 'core/models.py',
    entity: 'Job',
    task: 'Improve the model class.',
    wholeFile: false,
    language: 'python' as const,
    draft: 'class Job(models.Model):\n    title = models.CharField(max_length=200)',
    slice: { entity: { name: 'Job' } },
    dependencies: [],
    rules: [],
    instructions: '',
  };
  const refine = (policy: RecoveryPolicy, models = ['fake-coder']) =>
    refineUnit(unit, {
      client: createLlmClient({ baseURL: server.baseURL, timeoutMs: 400 }),
      models,
      policy,
      cooldowns: new ModelCooldowns(),
      checker: null,
      signal: new AbortController().signal,
      onEvent: () => undefined,
      sleep: abortableSleep,
      now: Date.now,
    });

  it('is retried once on its model, with the wait recorded, then keeps its draft (before: 12 attempts)', async () => {
    server.inject({ fault: { kind: 'hang' }, times: 100 });
    const started = Date.now();
    const result = await refine(new RecoveryPolicy({ baseDelayMs: 200, breakerThreshold: 100 }));
    expect(result.status).toBe('fallback');
    expect(result.attempts.map((a) => [a.outcome, a.action])).toEqual([
      ['timeout', 'retry'],
      ['timeout', 'giveUp'],
    ]);
    expect(result.attempts[0]?.waitMs).toBeGreaterThanOrEqual(100);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('stops when its total time budget is spent, even in the middle of an attempt', async () => {
    server.inject({ fault: { kind: 'hang' }, times: 100 });
    const started = Date.now();
    const policy = new RecoveryPolicy({ baseDelayMs: 50, breakerThreshold: 100, unitBudgetMs: 600, maxAttempts: 50 });
    const result = await refine(policy, ['fake-coder', 'fake-coder-2']);
    const elapsed = Date.now() - started;
    expect(result.status).toBe('fallback');
    expect(result.status === 'fallback' && result.reason).toMatch(
      /^the unit's budget of 0.6 s is spent after [12] attempts?/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(1_500);
    expect(result.attempts.length).toBeLessThanOrEqual(3);
  });
});
