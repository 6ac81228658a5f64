import { studioInFolder } from '../../../test-support/studio-service';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, MethodOutput } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import { dispatchStudio } from './dispatch';
import { type StudioService } from './service';

const erd: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'shop' },
  entities: [
    { name: 'Product', fields: [{ name: 'title', type: 'string' }] },
    { name: 'Order', fields: [{ name: 'placed', type: 'datetime' }] },
  ],
  relations: [],
};
let dir: string;
let events: { name: EventName; payload: unknown }[];
let opened: string[];

async function service(openFolder?: (folder: string) => Promise<string>): Promise<StudioService> {
  return studioInFolder(dir, {
    emit: (name, payload) => events.push({ name, payload }),
    ...(openFolder ? { openFolder } : {}),
  });
}

let studio: StudioService;
async function value<T>(method: string, payload: unknown = {}): Promise<T> {
  const result = await dispatchStudio(studio.handlers, method, payload);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const progressOf = (writeId: string) =>
  events
    .filter((e) => e.name === 'writeProgress')
    .map((e) => e.payload as EventPayload<'writeProgress'>)
    .filter((p) => p.writeId === writeId);

async function approvedRun(): Promise<string> {
  const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template' });
  await studio.runs.settled(runId);
  await value('approveHighAndMedium', { runId });
  return runId;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'djf-write-'));
  events = [];
  opened = [];
});

afterEach(async () => {
  await studio.runs.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('writing with progress', () => {
  it('reports every file the merging writer stages, in order, up to the total', async () => {
    studio = await service();
    const runId = await approvedRun();
    const outDir = path.join(dir, 'out');
    const written = await value<NonNullable<MethodOutput<'writeProject'>>>('writeProject', { runId, outDir });
    const steps = progressOf(written.writeId);
    // A new folder: each approved file and its merge base, then the manifest, staged one by one.
    const total = written.written.length * 2 + 1;
    expect(steps).toHaveLength(total);
    expect(steps.map((s) => s.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(steps.map((s) => s.total))).toEqual(new Set([total]));
    expect(steps.every((s) => s.runId === runId)).toBe(true);
    expect(steps.slice(0, written.written.length).map((s) => s.path)).toEqual(written.written);
    expect(steps.at(-1)?.path).toBe('.djforge/manifest.json');
    expect(await readFile(path.join(outDir, 'manage.py'), 'utf8')).toContain('django');
    expect(written.canOpenFolder).toBe(false);
  });

  it('reports staging and putting in place when merging into an earlier generation', async () => {
    studio = await service();
    const runId = await approvedRun();
    const outDir = path.join(dir, 'out');
    await value('writeProject', { runId, outDir });
    const second = await approvedRun();
    await writeFile(path.join(outDir, 'README.md'), 'changed by hand\n');
    const merged = await value<NonNullable<MethodOutput<'writeProject'>>>('writeProject', { runId: second, outDir });
    expect(merged.mode).toBe('merged');
    const steps = progressOf(merged.writeId);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.map((s) => s.done)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.at(-1)?.done).toBe(steps.at(-1)?.total);
    // Each written file is reported twice: staged, then put in place; the hand-edited README is kept, not written.
    const counts = new Map<string, number>();
    for (const s of steps) counts.set(s.path, (counts.get(s.path) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
    expect(counts.has('.djforge/manifest.json')).toBe(true);
    expect(counts.has('README.md')).toBe(false);
    expect(await readFile(path.join(outDir, 'README.md'), 'utf8')).toBe('changed by hand\n');
  });
});

describe('opening the folder just written', () => {
  it('opens exactly the folder of the write it names, and nothing else', async () => {
    studio = await service(async (folder) => {
      opened.push(folder);
      return '';
    });
    const runId = await approvedRun();
    const outDir = path.join(dir, 'out');
    const written = await value<NonNullable<MethodOutput<'writeProject'>>>('writeProject', { runId, outDir });
    expect(written.canOpenFolder).toBe(true);
    await expect(value('openWrittenFolder', { writeId: written.writeId })).resolves.toEqual({ opened: true });
    expect(opened).toEqual([outDir]);
    const unknown = await dispatchStudio(studio.handlers, 'openWrittenFolder', { writeId: '/etc' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'review.unknown-write' } });
    expect(opened).toEqual([outDir]);
  });

  it('says why when the shell cannot open it, and refuses on a host without a shell', async () => {
    studio = await service(async () => 'No application is associated with folders');
    const runId = await approvedRun();
    const written = await value<NonNullable<MethodOutput<'writeProject'>>>('writeProject', {
      runId,
      outDir: path.join(dir, 'out'),
    });
    const failed = await dispatchStudio(studio.handlers, 'openWrittenFolder', { writeId: written.writeId });
    expect(failed).toMatchObject({ ok: false, error: { code: 'host.no-shell' } });
    expect(failed.ok ? '' : failed.error.message).toContain('No application is associated with folders');
    await studio.runs.dispose();
    studio = await service();
    const none = await dispatchStudio(studio.handlers, 'openWrittenFolder', { writeId: written.writeId });
    expect(none).toMatchObject({ ok: false, error: { code: 'host.no-shell' } });
  });
});
