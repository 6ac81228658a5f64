/**
 * A model that makes the mistakes only running the project reveals (an admin option Django's
 * checks refuse, a queryset on a field the model lacks, a viewset without POST whose failures
 * surface in tests.py) and one the static layers see, in every admin and viewset answer, on the
 * job-board and enterprise examples, with the runtime layer in the sandbox: the approved project
 * runs (check, makemigrations --check, migrate, its own tests), no mistake is approved, each is
 * repaired by the model from Django's message or replaced by the draft, and every runtime failure
 * is pinned on the file the mistake is in — never on manage.py or tests.py.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededMistakeRun } from '../../../test-support/mistake-run';
import { writeProject } from '../output/project-writer';
import { findDjangoPython, findSandbox, runManage } from '../runtime';

const RUNTIME_ONLY = new Set(['adminCheck', 'viewFieldError', 'readOnlyView']);

describe.each([
  ['seed-legacy-jobboard.json', 3],
  ['seed-legacy-enterprise.json', 4],
])('a mistake-making model on %s (seed %i)', (example, seed) => {
  it('never gets a mistake approved, and the written project runs', { timeout: 300_000 }, async (context) => {
    const django = await findDjangoPython();
    if (!django) return context.skip('no Python with Django and DRF: the runtime layer cannot judge the project');
    const run = await seededMistakeRun(example, seed, { every: 1, stubborn: 2 });

    const runtimeOnly = run.injected.filter((m) => RUNTIME_ONLY.has(m.mistake));
    expect(runtimeOnly.length, 'mistakes only the runtime layer sees').toBeGreaterThan(1);
    expect(run.problems).toEqual([]);
    expect(run.injected.filter((m) => m.fate === 'approved' || m.fate === 'reported')).toEqual([]);
    for (const m of run.injected)
      expect(run.files.find((f) => f.path === m.file)?.content, `${m.mistake} in ${m.file}`).not.toContain(m.marker);
    // Every runtime failure is pinned on a file a mistake went into, and every runtime-only mistake
    // had its failure pinned on its own file (the admin's, not manage.py; the view's, not tests.py)
    // — unless its file also had a mistake the static layers see, which drafts it before it runs.
    expect(run.attributions.filter((a) => !a.right)).toEqual([]);
    const seenStatically = new Set(run.injected.filter((m) => !RUNTIME_ONLY.has(m.mistake)).map((m) => m.file));
    const onlyAtRuntime = runtimeOnly.filter((m) => !seenStatically.has(m.file));
    expect(onlyAtRuntime.length).toBeGreaterThan(0);
    for (const m of onlyAtRuntime)
      expect(
        run.attributions.map((a) => a.file),
        `${m.mistake} in ${m.file}`,
      ).toContain(m.file);
    expect(run.attributions.some((a) => a.file === 'manage.py' || a.file?.endsWith('tests.py'))).toBe(false);
    // The last runtime run (check, makemigrations --check, the tests) passed: `problems` is empty.
    // The model was asked to repair from Django's messages; the stubborn half gave way to the draft.
    expect(run.repairs.asked).toBeGreaterThan(0);
    expect(run.injected.some((m) => m.fate === 'drafted')).toBe(true);

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-mistakes-'));
    try {
      await writeProject(dir, run.files, { force: false });
      const { sandbox } = await findSandbox();
      const manage = (...args: string[]) =>
        runManage(django.python, dir, args, { sandbox, env: { DEBUG: 'False' }, timeoutMs: 120_000 });
      const migrate = await manage('migrate', '--noinput');
      expect(migrate.code, `${migrate.stdout}\n${migrate.stderr}`).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
