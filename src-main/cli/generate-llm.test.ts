/**
 * `djforge generate` engine flags and the LLM engine through the CLI: usage errors, the shared
 * cache, corrupt entries, an unreachable endpoint, and a full run with recovery against the local
 * OpenAI-compatible server.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftResponder, REFINED_MARKER } from '../../test-support/draft-responder';
import { startOpenAiServer } from '../../test-support/openai-server';
import type { GenerationReport } from '../core/run';
import { cliSandbox, examples, listing } from '../../test-support/cli-harness';
const sandbox = cliSandbox();
const { run, runWithEnv } = sandbox;

describe('djforge generate engine flags', () => {
  const erd = path.join(examples, 'seed-legacy-jobboard.json');

  it.each([
    [['--engine', 'gpt'], /--engine must be template or llm, got "gpt"/],
    [['--model', 'x'], /--model applies to --engine llm only/],
    [['--no-cache'], /--no-cache applies to --engine llm only/],
    [['--engine', 'llm', '--model', 'x'], /--engine llm needs --provider or --base-url/],
    [['--engine', 'llm', '--provider', 'ollama'], /--engine llm needs --model/],
    [
      ['--engine', 'llm', '--provider', 'bard', '--model', 'x'],
      /--provider must be one of openrouter, openai, ollama, lmstudio, custom, got "bard"/,
    ],
    [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 64, got "0"/],
    [['--concurrency', '2.5'], /--concurrency must be a whole number/],
    [
      ['--engine', 'llm', '--provider', 'ollama', '--model', 'x', '--request-timeout', 'abc'],
      /--request-timeout must be seconds/,
    ],
    [
      ['--engine', 'llm', '--provider', 'ollama', '--model', 'x', '--no-cache', '--cache-dir', 'c'],
      /--no-cache and --cache-dir contradict/,
    ],
    [['--approve', 'most'], /--approve must be one of high, high\+medium, all, none; got "most"/],
    [['--threshold', '0'], /--threshold must be a number greater than 0 and at most 1, got "0"/],
    [['--threshold', '1.5'], /--threshold must be a number greater than 0 and at most 1, got "1.5"/],
    [['--threshold', 'high'], /--threshold must be a number greater than 0 and at most 1, got "high"/],
    [['--zip', 'api/p.zip'], /--zip api\/p.zip must not be inside --out api/],
    [
      ['--engine', 'llm', '--provider', 'openrouter', '--model', 'x'],
      /OpenRouter needs an API key: set DJFORGE_API_KEY/,
    ],
    [['--engine', 'llm', '--base-url', 'ftp://example.invalid', '--model', 'x'], /Base URL must be http\(s\)/],
  ])('refuses %j with exit 2, writing nothing', async (flags, message) => {
    const result = await run('generate', erd, '--out', 'api', ...flags);
    expect(result.code, result.stdout).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await fs.readdir(sandbox.dir)).toEqual([]);
  });

  it('shares the cache folder named by AGENT_CACHE_DIR', async () => {
    const server = await startOpenAiServer({ responder: draftResponder });
    try {
      const flags = ['--engine', 'llm', '--base-url', server.baseURL, '--model', 'fake-coder', '--quiet'];
      const env = { AGENT_CACHE_DIR: 'shared-cache' };
      expect((await runWithEnv(env, 'generate', erd, '--out', 'a', '--json', 'a.json', ...flags)).code).toBe(0);
      const second = await runWithEnv(env, 'generate', erd, '--out', 'b', '--json', 'b.json', ...flags);
      expect(second.code, second.stderr).toBe(0);
      const report = JSON.parse(await fs.readFile(path.join(sandbox.dir, 'b.json'), 'utf8')) as GenerationReport;
      expect(report.cache?.dir).toBe(path.join(sandbox.dir, 'shared-cache'));
      expect(report.metrics.llmCalls).toBe(0);
      expect(report.metrics.cacheHits).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('ignores a corrupt cache entry with a warning, regenerates that unit and rewrites it', async () => {
    const server = await startOpenAiServer({ responder: draftResponder });
    try {
      const flags = ['--engine', 'llm', '--base-url', server.baseURL, '--model', 'fake-coder', '--cache-dir', 'c'];
      expect((await run('generate', erd, '--out', 'a', ...flags)).code).toBe(0);
      const entries = (await fs.readdir(path.join(sandbox.dir, 'c'), { recursive: true, withFileTypes: true })).filter(
        (e) => e.isFile(),
      );
      const victim = path.join(entries[0]?.parentPath ?? '', entries[0]?.name ?? '');
      await fs.writeFile(victim, (await fs.readFile(victim, 'utf8')).slice(0, 40));
      server.resetLog();
      const second = await run('generate', erd, '--out', 'b', '--json', 'b.json', ...flags);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toContain(
        `warning: cache: ${victim}: not valid JSON (truncated?) (ignored; rewritten when regenerated)`,
      );
      const report = JSON.parse(await fs.readFile(path.join(sandbox.dir, 'b.json'), 'utf8')) as GenerationReport;
      expect(report.metrics).toMatchObject({ llmCalls: 1, cacheMisses: 1 });
      expect(report.cache).toMatchObject({ corrupt: 1 });
      expect(JSON.parse(await fs.readFile(victim, 'utf8'))).toMatchObject({ format: 'djforge-cache' });
    } finally {
      await server.close();
    }
  });

  it('refuses an unreachable endpoint before generating anything', async () => {
    const server = await startOpenAiServer();
    const baseURL = server.baseURL;
    await server.close();
    const result = await run('generate', erd, '--out', 'api', '--engine', 'llm', '--base-url', baseURL, '--model', 'm');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `djforge generate: Cannot reach ${baseURL} (ECONNREFUSED): is the server running and the URL right? Nothing was written.`,
    );
    expect(await fs.readdir(sandbox.dir)).toEqual([]);
  });

  it('accepts --approve all and --concurrency with the template engine, output unchanged', async () => {
    expect((await run('generate', erd, '--out', 'a')).code).toBe(0);
    const result = await run('generate', erd, '--out', 'b', '--approve', 'all', '--concurrency', '1');
    expect(result.code, result.stderr).toBe(0);
    for (const f of await listing(path.join(sandbox.dir, 'a'))) {
      expect(await fs.readFile(path.join(sandbox.dir, 'b', f), 'utf8')).toBe(
        await fs.readFile(path.join(sandbox.dir, 'a', f), 'utf8'),
      );
    }
  });

  it('runs the LLM engine end to end: recovery, report, cache, and the key nowhere', async () => {
    const server = await startOpenAiServer({ responder: draftResponder });
    const key = 'sk-cli-SECRET-7777';
    try {
      server.inject(
        { kind: 'rateLimit', retryAfterMs: 20 },
        { kind: 'serverError', status: 503 },
        { fault: { kind: 'auth' }, model: 'fake-coder' },
      );
      const flags = [
        '--engine',
        'llm',
        '--base-url',
        server.baseURL,
        '--model',
        'fake-coder',
        '--fallback-model',
        'fake-coder-2',
      ];
      const env = { DJFORGE_API_KEY: key };
      const cold = await runWithEnv(
        env,
        'generate',
        erd,
        '--out',
        'api',
        '--json',
        'cold.json',
        '--cache-dir',
        'cache',
        ...flags,
      );
      expect(cold.code, cold.stderr).toBe(0);
      expect(cold.stdout).toMatch(/LLM engine: \d+ model calls, [1-9]\d* retries, 0 fallbacks/);
      expect(cold.stderr).toMatch(/retry \S+: auth on fake-coder → switchModel \(next: fake-coder-2\)/);
      const report = JSON.parse(await fs.readFile(path.join(sandbox.dir, 'cold.json'), 'utf8')) as GenerationReport;
      expect(report).toMatchObject({
        engine: 'llm',
        llm: { model: 'fake-coder', fallbackModels: ['fake-coder-2'], concurrency: 4 },
      });
      expect(report.metrics.retries).toBeGreaterThanOrEqual(3);
      expect(report.metrics.llmCalls).toBe(server.requests.length);
      expect(report.metrics.cacheMisses).toBe(
        report.files.filter((f) => f.source === 'llm').reduce((n, f) => n + f.units, 0),
      );
      expect(report.files.find((f) => f.path === 'core/models.py')).toMatchObject({ source: 'llm' });
      expect(report.files.find((f) => f.path === 'requirements.txt')).toMatchObject({
        source: 'template',
        attempts: [],
      });
      const outcomes = report.files.flatMap((f) => f.attempts.map((a) => a.outcome));
      expect(outcomes).toEqual(expect.arrayContaining(['rateLimit', 'server', 'auth', 'ok']));
      expect(await fs.readFile(path.join(sandbox.dir, 'api', 'core', 'models.py'), 'utf8')).toContain(REFINED_MARKER);
      const everything = [cold.stdout, cold.stderr, await fs.readFile(path.join(sandbox.dir, 'cold.json'), 'utf8')];
      for (const entry of await fs.readdir(path.join(sandbox.dir, 'cache'), { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) everything.push(await fs.readFile(path.join(entry.parentPath, entry.name), 'utf8'));
      }
      expect(everything.join('\n')).not.toContain(key);
      expect(everything[2]).toContain('[redacted]');

      server.resetLog();
      const warm = await runWithEnv(
        env,
        'generate',
        erd,
        '--out',
        'again',
        '--json',
        'warm.json',
        '--cache-dir',
        'cache',
        ...flags,
      );
      expect(warm.code, warm.stderr).toBe(0);
      const warmReport = JSON.parse(await fs.readFile(path.join(sandbox.dir, 'warm.json'), 'utf8')) as GenerationReport;
      expect(warmReport.metrics).toMatchObject({ llmCalls: 0, cacheMisses: 0, cacheHits: report.metrics.cacheMisses });
      expect(warmReport.files.find((f) => f.path === 'core/models.py')?.source).toBe('cache');
      expect(warmReport.cache).toMatchObject({
        dir: path.join(sandbox.dir, 'cache'),
        hits: report.metrics.cacheMisses,
        misses: 0,
      });
      expect(warmReport.cache?.diskBytes).toBeGreaterThan(1000);
      expect(warmReport.cache?.tokensSaved).toBe(report.metrics.tokens);
      expect(server.requests).toHaveLength(0);
      for (const f of await listing(path.join(sandbox.dir, 'api'))) {
        expect(await fs.readFile(path.join(sandbox.dir, 'again', f), 'utf8')).toBe(
          await fs.readFile(path.join(sandbox.dir, 'api', f), 'utf8'),
        );
      }

      const bypass = await runWithEnv(
        env,
        'generate',
        erd,
        '--out',
        'third',
        '--json',
        'third.json',
        '--no-cache',
        ...flags,
      );
      expect(bypass.code, bypass.stderr).toBe(0);
      const third = JSON.parse(await fs.readFile(path.join(sandbox.dir, 'third.json'), 'utf8')) as GenerationReport;
      expect(third.metrics.llmCalls).toBe(report.metrics.cacheMisses);
      expect(third.cache).toBeNull();
    } finally {
      await server.close();
    }
  });
});
