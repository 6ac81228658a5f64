/**
 * The CLI's runs feed the history and `djforge stats` reads it: a template run, an LLM run against
 * the local OpenAI-compatible server, the same run again (every unit from the cache) and one with
 * injected faults — each record checked against what the server logged.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryDashboard, RunHistoryRecord } from '../../src-shared/api/history';
import { cliSandbox, examples } from '../../test-support/cli-harness';
import { draftResponder } from '../../test-support/draft-responder';
import { startOpenAiServer } from '../../test-support/openai-server';
import { historyLog } from '../core/history/history-log';

const sandbox = cliSandbox('djforge-stats-');
const erd = path.join(examples, 'seed-legacy-jobboard.json');
const dataEnv = () => ({ DJFORGE_DATA_DIR: path.join(sandbox.dir, 'data') });
const records = async () => (await historyLog(path.join(sandbox.dir, 'data')).read()).records;

describe('the CLI records its runs', () => {
  it('records a template run with its units on the lanes of its concurrency, and none with --no-history', async () => {
    const env = dataEnv();
    expect((await sandbox.runWithEnv(env, 'generate', erd, '--out', 'a', '--concurrency', '3', '-q')).code).toBe(0);
    const [run] = await records();
    expect(run).toMatchObject({ host: 'cli', engine: 'template', concurrency: 3, status: 'completed', models: [] });
    const report = JSON.parse(
      (await sandbox.runWithEnv(env, 'generate', erd, '--out', 'b', '--json', 'r.json', '--no-history', '-q')).stdout ||
        (await fs.readFile(path.join(sandbox.dir, 'r.json'), 'utf8')),
    ) as { metrics: { units: number; files: number; autoApprovalRate: number; avgQuality: number } };
    expect(await records()).toHaveLength(1);
    expect(run?.units).toHaveLength(report.metrics.units);
    expect(new Set(run?.units.map((u) => u.slot))).toEqual(new Set([0, 1, 2]));
    expect(run?.files).toHaveLength(report.metrics.files);
    expect(run?.autoApprovalRate).toBe(report.metrics.autoApprovalRate);
    expect(run?.averageQuality).toBe(report.metrics.avgQuality);
    expect(run?.agents.reduce((n, a) => n + a.units, 0)).toBe(report.metrics.units);
    expect(run?.errorRate).toBe(0);
  });

  it('measures model calls, tokens, cache and failures of LLM runs as the server saw them', async () => {
    const server = await startOpenAiServer({ responder: draftResponder, latencyMs: 5 });
    try {
      const env = { ...dataEnv(), AGENT_CACHE_DIR: 'cache' };
      const flags = ['--engine', 'llm', '--base-url', server.baseURL, '--model', 'fake-coder', '-q'];
      expect((await sandbox.runWithEnv(env, 'generate', erd, '--out', 'a', ...flags)).code).toBe(0);
      const cold = server.requests.length;
      expect((await sandbox.runWithEnv(env, 'generate', erd, '--out', 'b', ...flags)).code).toBe(0);
      expect(server.requests.length).toBe(cold);
      server.inject({ fault: { kind: 'rateLimit', retryAfterMs: 10 }, times: 3 }, { fault: { kind: 'serverError' } });
      await fs.rm(path.join(sandbox.dir, 'cache'), { recursive: true });
      expect((await sandbox.runWithEnv(env, 'generate', erd, '--out', 'c', ...flags)).code).toBe(0);
      const [first, cached, faulty] = (await records()) as [RunHistoryRecord, RunHistoryRecord, RunHistoryRecord];

      const firstRequests = server.requests.slice(0, cold);
      expect(first.modelCalls).toBe(cold);
      expect(first.localEndpoint).toBe(true);
      expect(first.costUsd).toBe(0);
      expect(first.modelUsage).toEqual([
        expect.objectContaining({
          model: 'fake-coder',
          calls: cold,
          callsWithoutUsage: 0,
          tokensIn: firstRequests.reduce(
            (n, r) => n + Math.ceil(r.messages.map((m) => m.content).join('\n').length / 4),
            0,
          ),
        }),
      ]);
      expect(first.cache).toMatchObject({ hits: 0, misses: cold });

      expect(cached.modelCalls).toBe(0);
      expect(cached.cache.hits).toBe(cold);
      expect(cached.cache.misses).toBe(0);
      expect(cached.cache.timeSavedMs).toBeGreaterThan(0);
      expect(cached.units.filter((u) => u.source === 'cache')).toHaveLength(cold);

      expect(faulty.modelCalls).toBe(server.requests.length - cold);
      expect(faulty.retriesByClass).toEqual({ rateLimit: 3, server: 1 });
      expect(faulty.modelUsage[0]?.failures).toEqual({ rateLimit: 3, server: 1 });
      expect(faulty.modelUsage[0]?.latencyP95Ms).toBeGreaterThanOrEqual(faulty.modelUsage[0]?.latencyP50Ms ?? Infinity);
    } finally {
      await server.close();
    }
  });
});

describe('djforge stats', () => {
  it('explains what to do when nothing is recorded', async () => {
    const result = await sandbox.runWithEnv(dataEnv(), 'stats');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No recorded runs in .* match\. Generate a project/);
  });

  it('prints the ratings, agents and trend, and the same runs as JSON and CSV', async () => {
    const env = dataEnv();
    for (const out of ['a', 'b']) await sandbox.runWithEnv(env, 'generate', erd, '--out', out, '-q');
    const text = (await sandbox.runWithEnv(env, 'stats', '--erd', 'jobboard')).stdout;
    expect(text).toMatch(/^2 recorded runs in /);
    expect(text).toMatch(/Pipeline time +\d+\.\d s +baseline 30\.0 s +[+-]\d+\.\d % +(excellent|good|needs attention)/);
    expect(text).toMatch(/Error rate +0\.0 % +baseline 10\.0 % +\+100\.0 % +excellent/);
    expect(text).toMatch(/Per agent \(busy time, units\):\n {2}models/);
    expect(text).toMatch(/Trend over 2 runs/);
    const json = JSON.parse(
      (await sandbox.runWithEnv(env, 'stats', '--json', '--last', '1')).stdout,
    ) as HistoryDashboard;
    const stored = await records();
    expect(json.records).toEqual(stored.slice(-1));
    expect(json.ratings.map((r) => r.metric)).toEqual([
      'pipelineMs',
      'autoApprovalRate',
      'errorRate',
      'averageQuality',
    ]);
    const csv = (await sandbox.runWithEnv(env, 'stats', '--export', 'csv')).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[1]?.split(',')[0]).toBe(stored[0]?.runId);
    const exported = JSON.parse((await sandbox.runWithEnv(env, 'stats', '--export', 'json')).stdout) as unknown;
    expect(exported).toEqual(stored);
    expect((await sandbox.runWithEnv(env, 'stats', '--erd', 'other')).stdout).toMatch(/No recorded runs/);
  });

  it.each([
    [['--last', '0'], /--last must be a whole number of runs from 1, got "0"/],
    [['--engine', 'gpt'], /--engine must be template or llm, got "gpt"/],
    [['--export', 'xml'], /--export must be csv or json, got "xml"/],
    [['--json', '--export', 'csv'], /--json and --export cannot be combined/],
    [['--colour'], /Unknown option '--colour'/],
  ])('refuses %j with a usage error', async (args, message) => {
    const result = await sandbox.runWithEnv(dataEnv(), 'stats', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
