import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiServer, type ChatRequest, type OpenAiServer } from '../../../test-support/openai-server';
import type { EventName, EventPayload, RunSnapshot } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import { normalizeErd } from '../erd';
import { generateProject } from '../generate';
import { fileSettingsStore, type SecretStore } from '../settings';
import { defaultCoreFunctions as core } from './default-core';
import { dispatchStudio } from './dispatch';
import { fileHistoryStore } from '../history/history-store';
import { createConfinement } from './capabilities';
import { createStudioService, type StudioService } from './service';

const erd: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'shop' },
  entities: [
    { name: 'Product', fields: [{ name: 'title', type: 'string' }] },
    { name: 'Customer', fields: [{ name: 'email', type: 'email' }] },
  ],
  relations: [],
};
/** The model the studio runs: Customer (it has an email) becomes the custom user, in the `users` app. */
const model = normalizeErd(erd).erd;
/** Every generated file, plus the migrations Django's makemigrations ships for each app with models. */
const expectedFiles = [
  ...generateProject(model).map((f) => f.path),
  'core/migrations/0001_initial.py',
  'users/migrations/0001_initial.py',
].sort();
const units = core.planUnits(model);

type Seen = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

function memorySecrets(): SecretStore {
  const keys = new Map<string, string>();
  return {
    has: async (p) => keys.has(p),
    get: async (p) => keys.get(p) ?? null,
    set: async (p, k) => void (k === null ? keys.delete(p) : keys.set(p, k)),
  };
}

/** Answers with the draft it was given, so every refined unit passes validation. */
function draftEcho(request: ChatRequest): string {
  const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const block = /```python\n([\s\S]*?)```/.exec(last)?.[1] ?? '';
  return `\`\`\`python\n${block}\`\`\``;
}

let dir: string;
let events: Seen[];
let studio: StudioService;

const call = (method: string, payload: unknown = {}) => dispatchStudio(studio.handlers, method, payload);
async function value<T>(method: string, payload: unknown = {}): Promise<T> {
  const result = await call(method, payload);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}
const named = <E extends EventName>(name: E) =>
  events.filter((e) => e.name === name).map((e) => e.payload as EventPayload<E>);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'djf-studio-'));
  events = [];
  studio = createStudioService({
    info: { name: 'DjForge Studio', version: '0.1.0', host: 'web', dataDir: dir },
    core,
    settings: fileSettingsStore(path.join(dir, 'settings.json')),
    secrets: memorySecrets(),
    history: fileHistoryStore(dir),
    emit: (name, payload) => events.push({ name, payload } as Seen),
    access: { confinement: await createConfinement([dir], []), settingsPaths: 'check' },
  });
});

afterEach(async () => studio.runs.dispose());

describe('template runs', () => {
  it('reports every unit, lists every file and records the run in the history', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template', runtime: true });
    await studio.runs.settled(runId);
    const progress = named('runProgress');
    expect(new Set(progress.filter((p) => p.unit.status === 'done').map((p) => p.unit.id))).toEqual(
      new Set(units.map((u) => u.id)),
    );
    expect(progress.at(-1)).toMatchObject({ finished: units.length, total: units.length });
    expect(progress.at(-1)?.agents.every((a) => a.finished === a.total)).toBe(true);
    expect(
      named('fileReady')
        .map((f) => f.file.path)
        .sort(),
    ).toEqual(expectedFiles);
    expect(events.at(-1)).toMatchObject({
      name: 'runFinished',
      payload: { runId, status: 'completed', error: null, summary: { files: expectedFiles.length, failed: 0 } },
    });
    const run = await value<RunSnapshot>('getRun', { runId });
    expect(run.files.map((f) => f.path).sort()).toEqual(expectedFiles);
    expect(new Set(run.files.map((f) => f.source))).toEqual(new Set(['template']));
    // The run owns a review: every clean template file is judged with the whole project (static
    // and runtime layers) and approved by the auto-approval rule, as the CLI does.
    expect(run.review.complete).toBe(true);
    expect(new Set(Object.values(run.decisions))).toEqual(new Set(['approved']));
    expect(new Set(Object.values(run.review.files).map((f) => [f.category, f.decidedBy].join(' ')))).toEqual(
      new Set(['auto-approved auto']),
    );
    expect(named('fileDecision').filter((d) => d.decision === 'approved').length).toBe(expectedFiles.length);
    expect(await value('listHistory')).toMatchObject([
      { runId, status: 'completed', project: 'shop', engine: 'template' },
    ]);
    expect([...new Set(named('findings').map((f) => f.path))].sort()).toEqual(expectedFiles);
    expect(Object.keys(run.findings).sort()).toEqual(expectedFiles);
    expect(
      Object.values(run.findings)
        .flat()
        .filter((d) => d.severity === 'error'),
    ).toEqual([]);
  });

  it('writes only the approved files, and refuses when none is approved', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template', runtime: false });
    await studio.runs.settled(runId);
    const out = path.join(dir, 'out');
    await value('decideFiles', { runId, paths: expectedFiles, decision: 'skipped' });
    expect(await call('writeProject', { runId, outDir: out })).toMatchObject({
      ok: false,
      error: { code: 'review.nothing-approved' },
    });
    await value('decideFiles', { runId, paths: ['core/models.py', 'requirements.txt'], decision: 'approved' });
    expect(await call('decideFiles', { runId, paths: ['nope.py'], decision: 'approved' })).toMatchObject({
      ok: false,
      error: { code: 'review.unknown-file', message: 'Run "shop" has no file "nope.py".' },
    });
    expect(await value('writeProject', { runId, outDir: out })).toEqual({
      outDir: out,
      folder: expect.stringMatching(/^[\w-]{24}$/),
      written: ['core/models.py', 'requirements.txt'],
      mode: 'created',
      conflicts: [],
      writeId: expect.stringMatching(/^[0-9a-f]{18}$/),
      canOpenFolder: false,
    });
    expect((await readdir(out)).sort()).toEqual(['.djforge', 'core', 'requirements.txt']);
    expect(await readdir(path.join(out, 'core'))).toEqual(['models.py']);
  });

  it('writes a second time into the same folder by merging, keeping what the user added', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template', runtime: false });
    await studio.runs.settled(runId);
    const out = path.join(dir, 'merged');
    await value('decideFiles', { runId, paths: expectedFiles, decision: 'skipped' });
    await value('decideFiles', { runId, paths: ['requirements.txt'], decision: 'approved' });
    await value('writeProject', { runId, outDir: out });
    const requirements = path.join(out, 'requirements.txt');
    const generated = await readFile(requirements, 'utf8');
    await writeFile(requirements, `${generated}gunicorn>=21\n`);
    expect(await value('writeProject', { runId, outDir: out })).toEqual({
      outDir: out,
      folder: expect.stringMatching(/^[\w-]{24}$/),
      written: ['requirements.txt'],
      mode: 'merged',
      conflicts: [],
      writeId: expect.stringMatching(/^[0-9a-f]{18}$/),
      canOpenFolder: false,
    });
    expect(await readFile(requirements, 'utf8')).toBe(`${generated}gunicorn>=21\n`);
  });

  it('refuses an ERD the validator rejects, naming the place', async () => {
    const bad = {
      ...erd,
      relations: [{ name: 'buyer', kind: 'manyToOne', from: 'Product', to: 'Ghost', onDelete: 'CASCADE' }],
    };
    const result = await call('startRun', { erd: bad, engine: 'template' });
    expect(result).toMatchObject({ ok: false, error: { code: 'erd.invalid' } });
    expect(!result.ok && result.error.message).toMatch(/^shop\.djforge\.json has 1 error.*Ghost/);
  });
});

describe('documents', () => {
  it('opens a file, remembers it, and names the file and line of an invalid one', async () => {
    const good = path.join(dir, 'shop.json');
    await writeFile(good, JSON.stringify(erd));
    expect(await value('openErd', { path: good })).toMatchObject({
      path: good,
      name: 'shop.json',
      format: 'djforge-erd',
    });
    expect(await value('listRecentFiles')).toMatchObject([{ path: good, name: 'shop.json' }]);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{\n  "Job": {\n    "title": CharField\n  }\n}');
    const result = await call('openErd', { path: bad });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'erd.invalid', diagnostics: [{ file: 'bad.json', line: 3 }] },
    });
    expect(!result.ok && result.error.message).toMatch(
      /^bad\.json is not a valid ERD: 1 error, the first at line 3, column \d+ \(erd\.json-syntax\)\.$/,
    );
    expect(await call('openErd', { path: path.join(dir, 'missing.json') })).toMatchObject({
      ok: false,
      error: {
        code: 'erd.unreadable',
        message: `Cannot open ${path.join(dir, 'missing.json')}: the file does not exist.`,
      },
    });
  });

  it('asks for a path when the host has no dialogs', async () => {
    expect(await call('openErd', {})).toEqual({
      ok: false,
      error: {
        code: 'host.path-required',
        message: 'This host has no file dialogs: type the path of the ERD file.',
        retryable: false,
      },
    });
  });

  it('saves native JSON that opens again as the same model', async () => {
    const target = path.join(dir, 'saved', 'shop.djforge.json');
    expect(await value('saveErd', { erd, path: target })).toEqual({
      path: target,
      name: 'shop.djforge.json',
      file: expect.stringMatching(/^[\w-]{24}$/),
    });
    expect(await readFile(target, 'utf8')).toBe(core.serializeErd(erd));
    const reopened = await value<{ erd: Erd }>('openErd', { path: target });
    // Opening normalizes: the model that comes back is the one the studio works on.
    expect(core.serializeErd(reopened.erd)).toBe(core.serializeErd(model));
    expect(model.entities.find((e) => e.name === 'Customer')).toMatchObject({ app: 'users', isUser: true });
  });
});

describe('settings and keys', () => {
  it('updates settings and never returns a key', async () => {
    await value('setApiKey', { provider: 'openrouter', key: 'sk-or-very-secret' });
    expect(await value('hasApiKey', { provider: 'openrouter' })).toEqual({ provider: 'openrouter', set: true });
    const settings = await value('updateSettings', { concurrency: 2 });
    expect(settings).toMatchObject({ concurrency: 2 });
    expect(JSON.stringify([settings, await value('getSettings'), await value('appInfo'), events])).not.toContain(
      'sk-or-very-secret',
    );
    expect(await call('updateSettings', { concurrency: 0 })).toMatchObject({
      ok: false,
      error: { code: 'settings.invalid', message: 'settings.concurrency: Too small: expected number to be >=1.' },
    });
  });

  it('says what is missing when the LLM engine has no key for a hosted provider', async () => {
    expect(await call('startRun', { erd, engine: 'llm' })).toMatchObject({
      ok: false,
      error: {
        code: 'settings.invalid',
        message: expect.stringMatching(/^Settings › openrouter: OpenRouter needs an API key/),
      },
    });
  });
});

describe('LLM runs against a local OpenAI-compatible server', () => {
  let server: OpenAiServer;
  afterEach(async () => server.close());

  const useServer = (extra: Record<string, unknown> = {}) =>
    value('updateSettings', {
      provider: 'custom',
      baseUrl: server.baseURL,
      model: 'fake-coder',
      concurrency: 2,
      cacheDir: path.join(dir, 'cache'),
      ...extra,
    });

  it('streams text and delivers refined files from the model', async () => {
    server = await startOpenAiServer({ chunkSize: 40, responder: draftEcho });
    await useServer();
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'llm', runtime: false });
    await studio.runs.settled(runId);
    const run = await value<RunSnapshot>('getRun', { runId });
    expect(run.status).toBe('completed');
    expect(run.files.map((f) => f.path).sort()).toEqual(expectedFiles);
    expect(run.files.find((f) => f.path === 'core/models.py')?.source).toBe('llm');
    expect(run.files.find((f) => f.path === 'requirements.txt')?.source).toBe('template');
    expect(named('runText').length).toBeGreaterThan(0);
    const names = events.map((e) => e.name);
    expect(names.indexOf('fileReady')).toBeLessThan(names.lastIndexOf('runProgress'));
    expect(run.units.every((u) => u.status === 'done')).toBe(true);
  });

  it('says when a unit fell back to the template draft', async () => {
    server = await startOpenAiServer({ responder: () => 'I would rather not write code today.' });
    await useServer({ fallbackModels: [] });
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'llm', runtime: false });
    await studio.runs.settled(runId);
    const run = await value<RunSnapshot>('getRun', { runId });
    const models = run.units.find((u) => u.id === 'models:core:Product');
    expect(models?.status).toBe('done');
    expect(models?.message).toMatch(/^Kept the template draft: /);
    expect(named('runProgress').some((p) => p.unit.id === 'models:core:Product' && p.unit.status === 'fellBack')).toBe(
      true,
    );
    expect(run.files.find((f) => f.path === 'core/models.py')?.source).toBe('fallback');
    expect(run.summary?.fellBack).toBeGreaterThan(0);
  });

  it('cancels a run against a slow model at once, and refuses a second run meanwhile', async () => {
    server = await startOpenAiServer({ latencyMs: 30_000 });
    await useServer();
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'llm', runtime: false });
    await expect.poll(() => server.stats().inFlight).toBe(2);
    expect(await call('startRun', { erd, engine: 'template' })).toEqual({
      ok: false,
      error: {
        code: 'run.busy',
        message: 'A run of "shop" is still going; cancel it or wait for it to finish.',
        retryable: true,
      },
    });
    const started = Date.now();
    expect(await value('cancelRun', { runId })).toEqual({ cancelled: true });
    await studio.runs.settled(runId);
    expect(Date.now() - started).toBeLessThan(2000);
    const run = await value<RunSnapshot>('getRun', { runId });
    expect(run.status).toBe('cancelled');
    expect(run.units.filter((u) => u.status === 'cancelled').length).toBeGreaterThan(0);
    expect(run.units.filter((u) => u.status === 'running' || u.status === 'queued')).toEqual([]);
    expect(events.at(-1)).toMatchObject({ name: 'runFinished', payload: { status: 'cancelled' } });
    await expect.poll(() => server.stats().inFlight).toBe(0);
    expect(await value('cancelRun', { runId })).toEqual({ cancelled: false });
  });
});

describe('dispatch', () => {
  it('turns an unknown method, a bad payload and a thrown error into data', async () => {
    expect(await call('rmRf')).toEqual({
      ok: false,
      error: { code: 'request.unknown-method', message: 'Unknown method "rmRf".', retryable: false },
    });
    expect(await call('cancelRun', { runId: 7 })).toEqual({
      ok: false,
      error: {
        code: 'request.invalid',
        message: 'cancelRun.runId: Invalid input: expected string, received number.',
        retryable: false,
      },
    });
    expect(await call('getRun', { runId: 'gone' })).toMatchObject({ ok: false, error: { code: 'run.unknown' } });
    const throwing = { ...studio.handlers, listHistory: async () => Promise.reject(new Error('disk on fire')) };
    expect(await dispatchStudio(throwing, 'listHistory', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire', retryable: false },
    });
  });
});
