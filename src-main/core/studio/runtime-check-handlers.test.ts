import { studioInFolder } from '../../../test-support/studio-service';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, MethodOutput, RunSnapshot } from '../../../src-shared/api';
import { findDjangoPython } from '../runtime';
import { dispatchStudio } from './dispatch';
import { type StudioService } from './service';
import { productErd } from '../../../test-support/fixtures/app-erds';

const erd = productErd();
const SERIALIZERS = 'core/serializers.py';
const django = await findDjangoPython(undefined, { env: {} });

let dir: string;
let events: { name: EventName; payload: unknown }[];
let studio: StudioService;

async function service(env: Record<string, string | undefined>): Promise<StudioService> {
  return studioInFolder(dir, { emit: (name, payload) => events.push({ name, payload }), env });
}
async function value<T>(method: string, payload: unknown = {}): Promise<T> {
  const result = await dispatchStudio(studio.handlers, method, payload);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
async function finishedRun(): Promise<string> {
  const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template' });
  await studio.runs.settled(runId);
  return runId;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'djf-runtime-'));
  events = [];
});
afterEach(async () => {
  await studio.runs.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!django)('running the runtime checks from the review', () => {
  it('finds a serializer field that does not exist, which only running Django sees, and re-scores the file', async () => {
    studio = await service({});
    const runId = await finishedRun();
    const availability = await value<MethodOutput<'runtimeAvailability'>>('runtimeAvailability', { runId });
    expect(availability).toMatchObject({ available: true, python: django?.python, reason: null });

    const clean = await value<MethodOutput<'checkRuntime'>>('checkRuntime', { runId });
    expect(clean.ran).toBe(true);
    expect(clean.findings).toEqual([]);
    expect(clean.tests?.failing).toBe(0);
    expect(clean.steps.map((s) => s.step)).toContain('check');

    const before = await value<RunSnapshot>('getRun', { runId });
    const text = before.review.files[SERIALIZERS]?.versions.at(-1)?.content ?? '';
    const broken = text.replace("fields = ['id', 'title']", "fields = ['id', 'title', 'colour']");
    expect(broken).not.toBe(text);
    await value('editFile', { runId, path: SERIALIZERS, content: broken });
    events = [];
    const result = await value<MethodOutput<'checkRuntime'>>('checkRuntime', { runId });

    expect(result.ran).toBe(true);
    expect(result.findings.some((f) => f.path === SERIALIZERS && f.rule.startsWith('runtime.'))).toBe(true);
    expect(result.findings.find((f) => f.path === SERIALIZERS)?.message).toContain('colour');
    const steps = events
      .filter((e) => e.name === 'runtimeCheckProgress')
      .map((e) => e.payload as EventPayload<'runtimeCheckProgress'>);
    expect(steps[0]).toMatchObject({ index: 0, step: 'Running the static layers' });
    expect(steps.some((s) => s.step === 'manage.py check' && s.index === 1)).toBe(true);
    expect(steps.some((s) => s.step.startsWith('manage.py test'))).toBe(true);
    expect(steps.at(-1)).toMatchObject({ step: 'Scoring the files', index: steps[0]?.total ? steps[0].total - 1 : -1 });
    const versions = events
      .filter((e) => e.name === 'fileVersion')
      .map((e) => e.payload as EventPayload<'fileVersion'>)
      .filter((e) => e.path === SERIALIZERS);
    const judged = versions.at(-1)?.file;
    expect(judged?.category).toBe('error');
    expect(judged?.findings.some((f) => f.code.startsWith('runtime.') && f.severity === 'error')).toBe(true);
    const after = await value<RunSnapshot>('getRun', { runId });
    expect(after.review.files[SERIALIZERS]?.versions).toHaveLength(2);
    expect(after.review.files[SERIALIZERS]?.category).toBe('error');
  }, 120_000);
});

describe('when no Python with Django is found', () => {
  it('says so before, and the check itself runs nothing', async () => {
    studio = await service({ DJFORGE_PYTHON: '/nonexistent/python3' });
    const runId = await finishedRun();
    // The fallbacks of the runtime layer still apply; only an environment without any is "unavailable".
    const availability = await value<MethodOutput<'runtimeAvailability'>>('runtimeAvailability', { runId });
    expect(availability.available).toBe(django !== null);
    if (!availability.available) expect(availability.reason).toMatch(/DJFORGE_PYTHON/);
  });

  it('refuses a run that is not known', async () => {
    studio = await service({});
    const result = await dispatchStudio(studio.handlers, 'checkRuntime', { runId: 'nope' });
    expect(result.ok).toBe(false);
  });
});
