import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test-support/examples';
import { mistakeResponder, type MistakeResponder } from '../../../test-support/mistake-responder';
import { startOpenAiServer, type OpenAiServer } from '../../../test-support/openai-server';
import type { Erd } from '../../../src-shared/erd/model';
import { AgentCache } from '../cache/agent-cache';
import { importErdText } from '../erd';
import { generateProject } from '../generate';
import { writeProject } from '../output/project-writer';
import { fileReviewView } from '../review/review-view';
import { findDjangoPython, runManage } from '../runtime';
import { GenerationRun } from './generation-run';
import { prepareLlmEngine } from './pipeline';

let server: OpenAiServer;
let model: MistakeResponder;
let erd: Erd;
beforeAll(async () => {
  // Stubborn: every repair repeats the mistake, so each such file must end as its draft.
  model = mistakeResponder({ prose: true, missingImport: true }, 7, 1, 1);
  server = await startOpenAiServer({ responder: model.respond });
  const name = 'seed-legacy-jobboard.json';
  const imported = importErdText(await fs.readFile(path.join(EXAMPLES_DIR, name), 'utf8'), name);
  if (!imported.erd) throw new Error(`${name} did not import`);
  erd = imported.erd;
});
afterAll(async () => {
  await server.close();
});

describe('a model-written file with an error after repair', () => {
  it('is replaced by its offline draft, re-judged, and the project stays complete and runs', async (context) => {
    const { engine, close } = await prepareLlmEngine({ baseURL: server.baseURL, model: 'fake-coder' });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-drafts-'));
    const cache = new AgentCache({ dir: path.join(dir, 'cache') });
    try {
      const run = new GenerationRun({
        erd,
        pipeline: { engine: 'llm', llm: engine, cache },
        review: { threshold: 0.8, runtime: false, autoApprove: true, judgeOnJoin: false },
        env: process.env,
      });
      const result = await run.generate();
      await run.judge();
      expect(model.injected.length).toBeGreaterThan(0);
      const template = new Map(generateProject(erd).map((f) => [f.path, f.content]));
      const entries = run.review.list();
      // Every template file and every migration the run ships joins the review; none is dropped.
      expect(entries.map((e) => e.path)).toEqual(result.files.map((f) => f.path).sort());
      for (const file of template.keys()) expect(entries.map((e) => e.path)).toContain(file);
      const drafted = entries.filter((e) => e.keptDraft !== null);
      // Each was first sent back for a repair (the static finding as feedback); the model repeated it.
      expect(model.repairs.asked).toBeGreaterThan(0);
      expect(model.repairs.stubborn).toBeGreaterThan(0);
      const withMistake = result.files.filter((f) => f.content.includes('slugify(title)')).map((f) => f.path);
      expect(withMistake.length).toBeGreaterThan(0);
      expect(drafted.map((e) => e.path).sort()).toEqual(withMistake.sort());
      for (const entry of drafted) {
        expect(entry.current.content, entry.path).toBe(template.get(entry.path));
        expect(entry.keptDraft?.reason, entry.path).toMatch(/semantic\.undefined-name .*"slugify"/);
        expect(entry.previous.at(-1)?.content, entry.path).toContain('slugify(title)');
        expect(
          entry.current.findings.filter((f) => f.severity === 'error'),
          entry.path,
        ).toEqual([]);
        expect(fileReviewView(entry).keptDraft, entry.path).toEqual(entry.keptDraft);
      }
      // The answers of a drafted file are evicted (memory and disk); the others stay cached.
      for (const file of result.files) {
        const keys = file.cacheKeys ?? [];
        const stored = await Promise.all(keys.map((k) => new AgentCache({ dir: path.join(dir, 'cache') }).get(k)));
        const drafted = entries.find((e) => e.path === file.path)?.keptDraft !== null;
        if (drafted) expect(keys.length, file.path).toBeGreaterThan(0);
        for (const [i, hit] of stored.entries()) expect(hit === null, `${file.path} ${keys[i]}`).toBe(drafted);
        for (const key of keys) expect((await cache.get(key)) === null, file.path).toBe(drafted);
      }
      const kept = entries.filter((e) => e.keptDraft === null);
      for (const entry of kept) expect(entry.current.content, entry.path).not.toContain('slugify(');
      expect(run.review.approvedFiles().some((f) => f.content.includes('slugify('))).toBe(false);
      for (const entry of drafted) expect(entry.decision, entry.path).toBe('approved');
      const project = entries.map((e) => ({ path: e.path, content: e.current.content, agent: e.agent ?? 'project' }));

      const django = await findDjangoPython();
      if (!django) {
        context.skip('no Python with Django and DRF: the written project is not run');
        return;
      }
      const out = path.join(dir, 'project');
      await writeProject(out, project, { force: false });
      const check = await runManage(django.python, out, ['check']);
      expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    } finally {
      await close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a model-written file with a static error the model fixes when asked', () => {
  it('goes back to the model with the finding as feedback and keeps the repaired version, not the draft', async () => {
    // The local model server stands in for the LLM: it injects the mistake, then fixes it when asked.
    const fixer = mistakeResponder({ prose: true, missingImport: true }, 7);
    const fixing = await startOpenAiServer({ responder: fixer.respond });
    const { engine, close } = await prepareLlmEngine({ baseURL: fixing.baseURL, model: 'fake-coder' });
    try {
      const run = new GenerationRun({
        erd,
        pipeline: { engine: 'llm', llm: engine },
        review: { threshold: 0.8, runtime: false, autoApprove: true, judgeOnJoin: false },
        env: process.env,
      });
      const result = await run.generate();
      await run.judge();
      const withMistake = result.files.filter((f) => f.content.includes('slugify(title)')).map((f) => f.path);
      expect(withMistake.length).toBeGreaterThan(0);
      expect(fixer.repairs.asked).toBeGreaterThan(0);
      const entries = run.review.list();
      expect(entries.filter((e) => e.keptDraft !== null).map((e) => e.path)).toEqual([]);
      for (const path of withMistake) {
        const entry = entries.find((e) => e.path === path);
        expect(entry?.current.origin, path).toBe('regenerated');
        expect(entry?.current.feedback, path).toMatch(/^Checking .*semantic\.undefined-name.*"slugify"/s);
        expect(entry?.current.content, path).not.toContain('slugify(');
        expect(entry?.previous.at(-1)?.content, path).toContain('slugify(title)');
        expect(
          entry?.current.findings.filter((f) => f.severity === 'error'),
          path,
        ).toEqual([]);
      }
      expect(run.review.approvedFiles().some((f) => f.content.includes('slugify('))).toBe(false);
    } finally {
      await close();
      await fixing.close();
    }
  });
});
