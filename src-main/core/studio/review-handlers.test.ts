import { studioInFolder } from '../../../test-support/studio-service';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictDetail, FileBases, FileVersionView, RunSnapshot, WritePlan } from '../../../src-shared/api';
import { normalizeErd } from '../erd';
import { generateProject } from '../generate';
import { dispatchStudio } from './dispatch';
import { type StudioService } from './service';
import { productErd } from '../../../test-support/fixtures/app-erds';

const erd = productErd();
const MODELS = 'core/models.py';
const draft = generateProject(normalizeErd(erd).erd).find((f) => f.path === MODELS)?.content ?? '';

let dir: string;
let studio: StudioService;
const call = (method: string, payload: unknown = {}) => dispatchStudio(studio.handlers, method, payload);
async function value<T>(method: string, payload: unknown = {}): Promise<T> {
  const result = await call(method, payload);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function finishedRun(): Promise<string> {
  const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template' });
  await studio.runs.settled(runId);
  return runId;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'djf-review-'));
  studio = await studioInFolder(dir);
});

afterEach(async () => {
  await studio.runs.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('checking an edit in progress', () => {
  it('judges the file alone at once, without keeping a version', async () => {
    const runId = await finishedRun();
    const broken = await value<FileVersionView>('checkFile', { runId, path: MODELS, content: 'class Product(:\n' });
    expect(broken.category).toBe('error');
    expect(broken.score).toBeLessThan(0.7);
    expect(broken.findings.some((f) => f.severity === 'error' && f.code.startsWith('syntax.'))).toBe(true);
    const same = await value<FileVersionView>('checkFile', { runId, path: MODELS, content: draft });
    expect(same).toMatchObject({ category: 'auto-approved', findings: [] });
    const run = await value<RunSnapshot>('getRun', { runId });
    expect(run.review.files[MODELS]?.versions).toHaveLength(1);
    expect(run.decisions[MODELS]).toBe('approved');
  });

  it('refuses a file the run does not have', async () => {
    const runId = await finishedRun();
    const result = await call('checkFile', { runId, path: 'nope.py', content: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'review.unknown-file' } });
  });
});

describe('the bases of the diff', () => {
  it('gives the offline draft, and the file on disk and its last generation once a folder is named', async () => {
    const runId = await finishedRun();
    expect(await value<FileBases>('fileBases', { runId, path: MODELS })).toEqual({
      path: MODELS,
      draft,
      onDisk: null,
      lastGenerated: null,
    });
    const out = path.join(dir, 'api');
    await value('writeProject', { runId, outDir: out });
    await writeFile(path.join(out, MODELS), draft + '# mine\n');
    expect(await value<FileBases>('fileBases', { runId, path: MODELS, outDir: out })).toEqual({
      path: MODELS,
      draft,
      onDisk: draft + '# mine\n',
      lastGenerated: draft,
    });
  });
});

describe('resolving a conflict in the three-way view', () => {
  it('shows base, yours and generated, writes the result, and keeps the generated text as the next base', async () => {
    const runId = await finishedRun();
    const out = path.join(dir, 'api');
    await value('writeProject', { runId, outDir: out });
    const lines = draft.split('\n');
    const at = lines.findIndex((l) => l.startsWith('class Product'));
    const yours = lines.map((l, i) => (i === at ? `${l}  # mine` : l)).join('\n');
    await writeFile(path.join(out, MODELS), yours);
    const generated = lines.map((l, i) => (i === at ? `${l}  # reviewer` : l)).join('\n');
    await value('editFile', { runId, path: MODELS, content: generated });
    await value('decideFiles', { runId, paths: [MODELS], decision: 'approved' });

    const plan = await value<WritePlan>('planWrite', { runId, outDir: out });
    expect(plan.files.find((f) => f.path === MODELS)).toEqual({ path: MODELS, action: 'conflicting', conflicts: 1 });
    const detail = await value<ConflictDetail>('conflictDetail', { runId, path: MODELS, outDir: out });
    expect(detail).toMatchObject({ base: draft, yours, generated, conflicts: 1 });
    expect(detail.merged).toContain('<<<<<<< yours');

    const marked = await call('writeProject', { runId, outDir: out, resolutions: { [MODELS]: detail.merged } });
    expect(marked).toMatchObject({ ok: false, error: { code: 'review.unresolved' } });
    expect(await readFile(path.join(out, MODELS), 'utf8')).toBe(yours);

    const result = lines.map((l, i) => (i === at ? `${l}  # both` : l)).join('\n');
    const resolved = await value<WritePlan>('planWrite', { runId, outDir: out, resolutions: { [MODELS]: result } });
    expect(resolved.files.find((f) => f.path === MODELS)).toEqual({ path: MODELS, action: 'merged', conflicts: 0 });
    const written = await value<{ conflicts: string[] }>('writeProject', {
      runId,
      outDir: out,
      resolutions: { [MODELS]: result },
    });
    expect(written.conflicts).toEqual([]);
    expect(await readFile(path.join(out, MODELS), 'utf8')).toBe(result);
    expect(await readFile(path.join(out, '.djforge/base', MODELS), 'utf8')).toBe(generated);
  });
});
