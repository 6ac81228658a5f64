import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftResponder, REFINED_MARKER } from '../../../test-support/draft-responder';
import { startOpenAiServer, type OpenAiServer } from '../../../test-support/openai-server';
import type { Erd } from '../../../src-shared/erd/model';
import { importErdText } from '../erd';
import { generateProject } from '../generate';
import { writeProject } from '../output/project-writer';
import { findDjangoPython, runManage } from '../runtime';
import { prepareLlmEngine, runPipeline, type PoolEvent } from './pipeline';
import { EXAMPLES_DIR } from '../../../test-support/examples';

const examples = EXAMPLES_DIR;
let server: OpenAiServer;
let erd: Erd;
beforeAll(async () => {
  server = await startOpenAiServer({ responder: draftResponder });
  const name = 'seed-v2-jobboard.json';
  const imported = importErdText(await fs.readFile(path.join(examples, name), 'utf8'), name);
  if (!imported.erd) throw new Error(`${name} did not import`);
  erd = imported.erd;
});
afterAll(async () => {
  await server.close();
});

describe('runPipeline', () => {
  it('gives exactly generateProject with the template engine', async () => {
    const result = await runPipeline(erd, { engine: 'template' });
    expect(result.files.map((f) => ({ path: f.path, content: f.content, agent: f.agent }))).toEqual(
      generateProject(erd),
    );
    expect(result.metrics.llmCalls).toBe(0);
  });

  it('refines the example with the LLM engine and checks every Python file', async () => {
    const { engine, close } = await prepareLlmEngine({
      baseURL: server.baseURL,
      model: 'fake-coder',
      requestTimeoutMs: 30_000,
    });
    try {
      const events: PoolEvent[] = [];
      const result = await runPipeline(erd, { engine: 'llm', llm: engine }, { onEvent: (e) => events.push(e) });
      expect(result.files.map((f) => f.path)).toEqual(generateProject(erd).map((f) => f.path));
      expect(result.files.find((f) => f.path === 'core/models.py')).toMatchObject({
        source: 'llm',
        content: expect.stringContaining(REFINED_MARKER),
      });
      expect(result.files.find((f) => f.path === 'requirements.txt')?.source).toBe('template');
      for (const file of result.files.filter((f) => f.path.endsWith('.py')))
        expect(await engine.checker?.check(file.content), file.path).toBeNull();
      expect(result.metrics.llmCalls).toBe(server.requests.length);
      expect(new Set(events.map((e) => e.type))).toEqual(
        new Set(['queued', 'started', 'streaming', 'done', 'fileReady']),
      );
    } finally {
      await close();
    }
  });

  it('writes an LLM-engine project that Django checks, migrates and tests', async (context) => {
    const django = await findDjangoPython();
    if (!django) {
      context.skip(
        'no Python with Django and DRF (set DJFORGE_PYTHON): the runtime check of the LLM engine is skipped',
      );
      return;
    }
    const { engine, close } = await prepareLlmEngine({ baseURL: server.baseURL, model: 'fake-coder' });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-llm-runtime-'));
    try {
      const result = await runPipeline(erd, { engine: 'llm', llm: engine });
      expect(result.metrics.fallbacks).toBe(0);
      const out = path.join(dir, 'project');
      await writeProject(out, result.files, { force: false });
      for (const args of [['check'], ['makemigrations'], ['test']]) {
        const run = await runManage(django.python, out, args);
        expect(run.code, `manage.py ${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
      }
    } finally {
      await close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a hosted provider without a key, and a custom provider without a URL', async () => {
    await expect(prepareLlmEngine({ provider: 'openrouter', model: 'x' })).rejects.toThrow(
      'OpenRouter needs an API key: set DJFORGE_API_KEY',
    );
    await expect(prepareLlmEngine({ provider: 'custom', model: 'x' })).rejects.toThrow(
      'Provider "custom" needs a base URL (--base-url).',
    );
    await expect(prepareLlmEngine({ provider: 'ollama', model: ' ' })).rejects.toThrow('needs a model (--model)');
  });
});
