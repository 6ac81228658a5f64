/**
 * Records made by real runs, never by hand: template runs whose units are timed with the
 * high-resolution clock, and LLM runs against the local model server (which adds two fields the
 * ERD does not have to each model, so every models.py is judged medium) reviewed as a person does
 * in the app — the run's line when it ends, the review's line when the project is written — read
 * back through the history log and given to the recommendation rules.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRICES } from '../../../src-shared/api/settings';
import { draftResponder } from '../../../test-support/draft-responder';
import { EXAMPLES_DIR } from '../../../test-support/examples';
import { startOpenAiServer, type ChatRequest, type OpenAiServer } from '../../../test-support/openai-server';
import { importErdText } from '../erd';
import { GenerationRun, prepareLlmEngine } from '../run';
import { buildHistoryRecord } from './build-record';
import { historyLog } from './history-log';
import { recommend } from './recommendations';
import { reviewHistoryRecord, reviewOutcome } from './review-record';

const DRIFT =
  '    featured = models.BooleanField(default=False)\n    views_count = models.PositiveIntegerField(default=0)\n';

/** The cooperative test model, except that every model class gains two fields the ERD lacks. */
function driftResponder(request: ChatRequest): string {
  return draftResponder(request).replace(/^(class \w+\((?:models\.Model|AbstractUser)\):\n)/m, `$1${DRIFT}`);
}

let dir: string;
let server: OpenAiServer;
let runCount = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-recorded-'));
  server = await startOpenAiServer({ responder: driftResponder });
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function erdOf(name: string) {
  const imported = importErdText(await fs.readFile(path.join(EXAMPLES_DIR, name), 'utf8'), name);
  if (!imported.erd) throw new Error(`${name} does not import`);
  return imported.erd;
}

/** A judged run of `engine`, recorded in the history as the app records it when a run ends. */
async function judgedRun(engine: 'template' | 'llm') {
  const erd = await erdOf('seed-legacy-jobboard.json');
  const llm = engine === 'llm' ? await prepareLlmEngine({ baseURL: server.baseURL, model: 'fake-coder' }) : null;
  const run = new GenerationRun({
    erd,
    pipeline: llm ? { engine, llm: llm.engine, concurrency: 2 } : { engine, concurrency: 2 },
    review: { threshold: 0.8, runtime: false, autoApprove: true, judgeOnJoin: true },
    env: {},
    migrations: false,
  });
  const startedAt = Date.now();
  try {
    await run.generate();
    await run.judge();
  } finally {
    await llm?.close();
  }
  runCount += 1;
  const runId = `recorded-${runCount}`;
  const record = buildHistoryRecord({
    runId,
    host: 'app',
    status: 'completed',
    run,
    startedAt,
    pipelineMs: Date.now() - startedAt,
    concurrency: 2,
    models: llm ? ['fake-coder'] : [],
    baseURL: llm ? server.baseURL : null,
    prices: DEFAULT_PRICES,
  });
  await historyLog(dir).append(record);
  return { run, runId, record };
}

/** The person's review is over and the project written: the app appends the review record. */
async function written(run: GenerationRun, runId: string): Promise<void> {
  await historyLog(dir).appendReview(
    reviewHistoryRecord(runId, 'app', reviewOutcome(run.review, 'person', Date.now())),
  );
}

describe('a recorded template run', () => {
  it('has non-zero unit durations, and each agent’s total is the sum of its units’', async () => {
    const { record } = await judgedRun('template');
    expect(record.units.length).toBeGreaterThan(10);
    for (const unit of record.units) expect(unit.endMs - unit.startMs, unit.unitId).toBeGreaterThan(0);
    for (const agent of record.agents) {
      const mine = record.units.filter((u) => u.agent === agent.agent);
      const sum = mine.reduce((n, u) => n + (u.endMs - u.startMs), 0);
      expect(agent.units).toBe(mine.length);
      expect(agent.busyMs).toBeGreaterThan(0);
      expect(agent.busyMs).toBe(Math.round(sum * 1000) / 1000);
    }
    // A run's line carries no review until the project is written.
    expect(record.review).toBeUndefined();
  });
});

describe('the review record of the app', () => {
  it('records each file’s judged category, decision and changes, and the reader merges it into the run', async () => {
    const { run, runId, record } = await judgedRun('llm');
    const medium = run.review.list().filter((e) => e.current.category === 'medium');
    expect(medium.map((e) => e.path).sort()).toEqual(['core/models.py', 'users/models.py']);
    // The person edits users/models.py back to the ERD's fields, then approves high + medium.
    const users = run.review.get('users/models.py');
    await run.review.edit('users/models.py', users.current.content.replace(DRIFT, ''));
    run.review.approveHighAndMedium();
    await written(run, runId);

    const read = await historyLog(dir).read();
    expect(read.warnings).toEqual([]);
    const merged = read.records.find((r) => r.runId === runId);
    expect(merged).toEqual({ ...record, review: expect.objectContaining({ reviewer: 'person', threshold: 0.8 }) });
    const files = new Map(merged?.review?.files.map((f) => [f.path, f]));
    expect(files.get('core/models.py')).toEqual({
      path: 'core/models.py',
      category: 'medium',
      score: 0.5,
      decision: 'approved',
      decidedBy: 'user',
      edits: 0,
      regenerations: 0,
      outcome: 'approved',
      approvedUnchanged: true,
    });
    expect(files.get('users/models.py')).toMatchObject({
      category: 'medium',
      score: 0.5,
      decision: 'approved',
      edits: 1,
      outcome: 'edited',
      approvedUnchanged: false,
    });
    const auto = merged?.review?.files.filter((f) => f.category === 'auto-approved') ?? [];
    expect(auto.length).toBe(run.review.list().length - 2);
    expect(auto.every((f) => f.decidedBy === 'auto' && f.approvedUnchanged)).toBe(true);
  }, 60_000);

  it('lowerThreshold fires only once a person approved enough medium files unchanged', async () => {
    // So far: one reviewed run, 1 of 2 medium files approved unchanged (the other edited).
    const thresholdRules = async () =>
      recommend((await historyLog(dir).read()).records).filter((r) => r.rule.endsWith('Threshold'));
    expect(await thresholdRules()).toEqual([]);

    // A run recorded but never written has no review: it counts for nothing.
    await judgedRun('llm');
    expect(await thresholdRules()).toEqual([]);

    // Two more runs whose medium files the person approves as they are: 5 of 6 unchanged.
    for (let i = 0; i < 2; i++) {
      const { run, runId } = await judgedRun('llm');
      run.review.approveHighAndMedium();
      await written(run, runId);
    }
    const { records } = await historyLog(dir).read();
    expect(await thresholdRules()).toEqual([
      {
        rule: 'lowerThreshold',
        message: expect.stringContaining('lower the auto-approval threshold from 0.8 to 0.5'),
        evidence: { mediumDecided: 6, approvedUnchanged: 5, sharePct: 83.3, lowestScore: 0.5, threshold: 0.8 },
        runIds: records.filter((r) => r.review).map((r) => r.runId),
      },
    ]);
  }, 120_000);
});
