import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiServer, type OpenAiServer } from '../../../test-support/openai-server';
import type { EventName, EventPayload, SettingsPatch } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import { fileSettingsStore, type SecretStore } from '../settings';
import { dispatchStudio } from './dispatch';
import { fileHistoryStore } from './history-store';
import { createStudioService, type StudioService } from './service';
import { testCore } from './test-core';

const erd: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'shop' },
  entities: ['Product', 'Order', 'Customer'].map((name) => ({
    name,
    fields: [{ name: 'title', type: 'string' as const }],
  })),
  relations: [],
};

type Seen = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

function memorySecrets(): SecretStore & { keys: Map<string, string> } {
  const keys = new Map<string, string>();
  return {
    keys,
    has: async (p) => keys.has(p),
    get: async (p) => keys.get(p) ?? null,
    set: async (p, k) => void (k === null ? keys.delete(p) : keys.set(p, k)),
  };
}

let dir: string;
let events: Seen[];
let studio: StudioService;
let secrets: ReturnType<typeof memorySecrets>;

async function call(method: string, payload: unknown = {}) {
  return dispatchStudio(studio.handlers, method, payload);
}

async function value<T>(method: string, payload: unknown = {}): Promise<T> {
  const result = await call(method, payload);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'djf-studio-'));
  events = [];
  secrets = memorySecrets();
  studio = createStudioService({
    info: { name: 'DjForge Studio', version: '0.1.0', host: 'web', dataDir: dir },
    core: testCore,
    settings: fileSettingsStore(path.join(dir, 'settings.json')),
    secrets,
    history: fileHistoryStore(dir),
    emit: (name, payload) => events.push({ name, payload } as Seen),
  });
});

describe('template runs', () => {
  it('reports every unit, lists every file and records the run in the history', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template' });
    await studio.runs.settled(runId);
    const progress = events
      .filter((e) => e.name === 'runProgress')
      .map((e) => e.payload as EventPayload<'runProgress'>);
    expect(progress.map((p) => `${p.unit.id}:${p.unit.status}`)).toEqual([
      'core/product.py:running',
      'core/product.py:done',
      'core/order.py:running',
      'core/order.py:done',
      'core/customer.py:running',
      'core/customer.py:done',
      'requirements.txt:running',
      'requirements.txt:done',
    ]);
    expect(progress.at(-1)).toMatchObject({
      finished: 4,
      total: 4,
      agents: [
        { agent: 'models', finished: 3, total: 3 },
        { agent: 'project', finished: 1, total: 1 },
      ],
    });
    const finished = events.at(-1);
    expect(finished?.name).toBe('runFinished');
    expect(finished?.payload).toMatchObject({
      runId,
      status: 'completed',
      error: null,
      summary: { files: 4, failed: 0, bytes: 83 },
    });
    const run = await value<{ files: { path: string }[]; decisions: Record<string, string> }>('getRun', { runId });
    expect(run.files.map((f) => f.path)).toEqual([
      'core/product.py',
      'core/order.py',
      'core/customer.py',
      'requirements.txt',
    ]);
    expect(Object.values(run.decisions)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const history = await value<{ runId: string; status: string }[]>('listHistory');
    expect(history).toMatchObject([{ runId, status: 'completed', project: 'shop', engine: 'template' }]);
  });

  it('cancels between files, marks the rest cancelled and refuses a second run while one is going', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template' });
    const second = await call('startRun', { erd, engine: 'template' });
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'run.busy',
        message: 'A run of "shop" is still going; cancel it or wait for it to finish.',
        retryable: true,
      },
    });
    expect(await value('cancelRun', { runId })).toEqual({ cancelled: true });
    await studio.runs.settled(runId);
    const run = await value<{ status: string; units: { status: string }[]; files: unknown[] }>('getRun', { runId });
    expect(run.status).toBe('cancelled');
    expect(run.files.length).toBeLessThan(4);
    expect(run.units.map((u) => u.status)).toEqual([
      ...run.files.map(() => 'done'),
      ...Array.from({ length: 4 - run.files.length }, () => 'cancelled'),
    ]);
    expect(await value('cancelRun', { runId })).toEqual({ cancelled: false });
  });

  it('writes only the approved files, and refuses when none is approved', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template' });
    await studio.runs.settled(runId);
    const out = path.join(dir, 'out');
    expect(await call('writeProject', { runId, outDir: out })).toMatchObject({
      ok: false,
      error: { code: 'review.nothing-approved' },
    });
    await value('decideFiles', { runId, paths: ['core/order.py', 'requirements.txt'], decision: 'approved' });
    expect(await call('decideFiles', { runId, paths: ['nope.py'], decision: 'approved' })).toMatchObject({
      ok: false,
      error: { code: 'review.unknown-file', message: 'Run "shop" has no file "nope.py".' },
    });
    expect(await value('writeProject', { runId, outDir: out })).toEqual({
      outDir: out,
      written: ['core/order.py', 'requirements.txt'],
    });
    expect((await readdir(out)).sort()).toEqual(['core', 'requirements.txt']);
    expect(await readdir(path.join(out, 'core'))).toEqual(['order.py']);
  });
});

describe('documents', () => {
  it('opens a file, remembers it, and names the file and line of an invalid one', async () => {
    const good = path.join(dir, 'shop.json');
    await writeFile(good, JSON.stringify(erd));
    const opened = await value<{ path: string; name: string; erd: Erd }>('openErd', { path: good });
    expect(opened).toMatchObject({ path: good, name: 'shop.json', format: 'djforge-erd' });
    expect(await value('listRecentFiles')).toMatchObject([{ path: good, name: 'shop.json' }]);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{ nope');
    const result = await call('openErd', { path: bad });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'erd.invalid', diagnostics: [{ file: 'bad.json', code: 'erd.json' }] },
    });
    expect(!result.ok && result.error.message).toMatch(/^bad\.json has 1 error \(1:1\): /);
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

  it('saves native JSON that opens again', async () => {
    const target = path.join(dir, 'saved', 'shop.djforge.json');
    expect(await value('saveErd', { erd, path: target })).toEqual({ path: target, name: 'shop.djforge.json' });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(erd);
  });
});

describe('settings and keys', () => {
  it('updates settings and never returns a key', async () => {
    await value('setApiKey', { provider: 'openrouter', key: 'sk-or-very-secret' });
    expect(await value('hasApiKey', { provider: 'openrouter' })).toEqual({ provider: 'openrouter', set: true });
    const patch: SettingsPatch = { concurrency: 2 };
    const settings = await value('updateSettings', patch);
    expect(settings).toMatchObject({ concurrency: 2 });
    expect(JSON.stringify([settings, await value('getSettings'), await value('appInfo'), events])).not.toContain(
      'sk-or-very-secret',
    );
    expect(await call('updateSettings', { concurrency: 0 })).toMatchObject({
      ok: false,
      error: { code: 'settings.invalid', message: 'settings.concurrency: Too small: expected number to be >=1.' },
    });
  });
});

describe('LLM runs against a local OpenAI-compatible server', () => {
  let server: OpenAiServer;
  afterEach(async () => server.close());

  it('streams text and takes the code block as the file', async () => {
    server = await startOpenAiServer({ chunkSize: 10, latencyMs: 50 });
    await value('updateSettings', { provider: 'custom', baseUrl: server.baseURL, model: 'fake-coder', concurrency: 2 });
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'llm' });
    await studio.runs.settled(runId);
    const run = await value<{ status: string; files: { path: string; source: string; content: string }[] }>('getRun', {
      runId,
    });
    expect(run.status).toBe('completed');
    expect(run.files.map((f) => `${f.path}:${f.source}`).sort()).toEqual([
      'core/customer.py:llm',
      'core/order.py:llm',
      'core/product.py:llm',
      'requirements.txt:template',
    ]);
    expect(run.files.find((f) => f.path === 'core/order.py')?.content).toMatch(/^MODEL = "fake-coder"\n/);
    expect(events.filter((e) => e.name === 'runText').length).toBeGreaterThan(3);
    expect(server.stats().maxInFlight).toBe(2);
  });

  it('falls back to the next model, then to the template draft, and says so', async () => {
    server = await startOpenAiServer({ responder: () => 'I would rather not write code today.' });
    await value('updateSettings', {
      provider: 'custom',
      baseUrl: server.baseURL,
      model: 'fake-coder',
      fallbackModels: ['fake-coder-2'],
      concurrency: 1,
    });
    const { runId } = await value<{ runId: string }>('startRun', {
      erd: { ...erd, entities: erd.entities.slice(0, 1) },
      engine: 'llm',
    });
    await studio.runs.settled(runId);
    const run = await value<{
      units: { id: string; status: string; message?: string; attempts: number }[];
      files: { source: string }[];
    }>('getRun', { runId });
    expect(run.units[0]).toMatchObject({
      id: 'core/product.py',
      status: 'done',
      attempts: 2,
      message:
        'Kept the template draft: fake-coder answered without a code block; fake-coder-2 answered without a code block.',
    });
    expect(run.files[0]?.source).toBe('fallback');
  });

  it('cancels a run against a slow model at once', async () => {
    server = await startOpenAiServer({ latencyMs: 30_000 });
    await value('updateSettings', { provider: 'custom', baseUrl: server.baseURL, model: 'fake-coder', concurrency: 2 });
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'llm' });
    await expect.poll(() => server.stats().inFlight).toBe(2);
    const started = Date.now();
    await value('cancelRun', { runId });
    await studio.runs.settled(runId);
    expect(Date.now() - started).toBeLessThan(2000);
    const run = await value<{ status: string; files: unknown[] }>('getRun', { runId });
    expect(run.status).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({ name: 'runFinished', payload: { status: 'cancelled' } });
    await expect.poll(() => server.stats().inFlight).toBe(0);
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
