/**
 * Kills injected between every two steps of a write (through the `killPoint` seam, which stops the
 * writer on the spot with no cleanup, as `kill -9` would), then a fresh writer's recovery: the
 * folder must end exactly as it was or exactly as the write would have made it, and a file the
 * user edited must be at its own path at every moment.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileToWrite } from './project-writer';
import { recoverInterruptedWrite } from './recover';
import { syncProject, type SyncOptions } from './sync-project';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-crash-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Every file and folder under `dir` (folders as `<dir>/`), relative to `dir`. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) result[`${rel}/`] = '';
    else result[rel] = await fs.readFile(path.join(dir, rel), 'utf8');
  }
  return result;
}

const MODELS =
  'from django.db import models\n\n\nclass A(models.Model):\n    name = 1\n\n\nclass B(models.Model):\n    title = 2\n';
const MINE = MODELS.replace('    name = 1\n', '    name = 1\n    nickname = 9  # mine\n');
const V1: FileToWrite[] = [
  { path: 'core/models.py', content: MODELS },
  { path: 'core/views.py', content: 'views = 1\n' },
  { path: 'core/admin.py', content: 'admin = 1\n' },
  { path: 'core/old.py', content: 'old = 1\n' },
  { path: 'core/legacy.py', content: 'legacy = 1\n' },
  { path: 'README.md', content: '# v1\n' },
];
const V2: FileToWrite[] = [
  { path: 'core/models.py', content: MODELS.replace('title = 2', 'title = 2\n    price = 3') },
  { path: 'core/views.py', content: 'views = 2\n' },
  { path: 'core/admin.py', content: 'admin = 2\n' },
  { path: 'api/urls.py', content: 'urls = 1\n' },
  { path: 'api/v1/routes.py', content: 'routes = 1\n' },
  { path: 'README.md', content: '# v2\n' },
];

interface Scenario {
  name: string;
  /** Prepares `out` (the earlier state); returns the user's edits that must never go missing. */
  setup: (out: string) => Promise<Record<string, string>>;
  files: FileToWrite[];
  options?: SyncOptions;
}

const SCENARIOS: Scenario[] = [
  { name: 'a new folder', setup: async () => ({}), files: V1 },
  {
    name: 'a merge into an earlier generation with user edits, a conflict, removals and new folders',
    setup: async (out) => {
      await syncProject(out, V1);
      const edits = {
        'core/models.py': MINE,
        'core/admin.py': 'admin = "mine"\n',
        'core/old.py': 'old = "changed by me"\n',
        'notes.txt': 'my notes\n',
      };
      for (const [rel, content] of Object.entries(edits)) await fs.writeFile(path.join(out, rel), content);
      return edits;
    },
    files: V2,
  },
  {
    name: 'a forced replacement of a foreign folder',
    setup: async (out) => {
      await fs.mkdir(path.join(out, 'src'), { recursive: true });
      await fs.writeFile(path.join(out, 'src/app.js'), 'app\n');
      return {};
    },
    files: V1,
    options: { force: true },
  },
];

/** The steps one write goes through, and the folder before and after it. */
async function reference(
  s: Scenario,
): Promise<{ steps: string[]; before: Record<string, string>; after: Record<string, string> }> {
  const out = path.join(root, 'reference', 'proj');
  await fs.mkdir(path.dirname(out), { recursive: true });
  await s.setup(out);
  const before = await snapshot(path.dirname(out));
  const steps: string[] = [];
  await syncProject(out, s.files, { ...s.options, killPoint: (step) => void steps.push(step) });
  return { steps, before, after: await snapshot(path.dirname(out)) };
}

describe('a write killed between any two steps', () => {
  it.each(SCENARIOS)('$name ends exactly as it was or as it would have become', async (s) => {
    const { steps, before, after } = await reference(s);
    expect(steps.length).toBeGreaterThan(5);
    expect(after).not.toEqual(before);
    const outcomes = { old: 0, new: 0 };
    for (const [k, killed] of steps.entries()) {
      const out = path.join(root, `kill-${k}`, 'proj');
      await fs.mkdir(path.dirname(out), { recursive: true });
      const edits = await s.setup(out);
      let calls = 0;
      const kill = (step: string) => {
        if (calls++ === k) throw new Error(`killed before ${step}`);
      };
      await expect(syncProject(out, s.files, { ...s.options, killPoint: kill })).rejects.toThrow(
        `killed before ${killed}`,
      );
      for (const [rel, content] of Object.entries(edits)) {
        const now = await fs.readFile(path.join(out, rel), 'utf8');
        expect([content, after[path.join('proj', rel)]], `${rel} after a kill before "${killed}"`).toContain(now);
      }
      await recoverInterruptedWrite(out);
      const state = await snapshot(path.dirname(out));
      if (JSON.stringify(state) === JSON.stringify(before)) outcomes.old++;
      else {
        expect(state, `after a kill before "${killed}" and recovery`).toEqual(after);
        outcomes.new++;
      }
      if (k % 4 !== 0) continue; // a rerun on every fourth: the recovered folder takes a normal write
      await syncProject(out, s.files, s.options);
      expect(await snapshot(path.dirname(out)), `rerun after a kill before "${killed}"`).toEqual(after);
    }
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });

  it.each([
    ['while staging', 'stage core/views.py', 'before'],
    ['while committing', 'replace README.md', 'after'],
  ] as const)(
    'a recovery killed at any step is finished by the next one (writer killed %s)',
    async (_when, killedAt, expected) => {
      const merge = SCENARIOS[1] as Scenario;
      const states = await reference(merge);
      const killWriter = (step: string) => {
        if (step === killedAt) throw new Error('writer killed');
      };
      const recoverySteps = async (out: string) => {
        await merge.setup(out);
        await expect(syncProject(out, merge.files, { killPoint: killWriter })).rejects.toThrow('writer killed');
      };
      const probe = path.join(root, 'probe', 'proj');
      await fs.mkdir(path.dirname(probe), { recursive: true });
      await recoverySteps(probe);
      const steps: string[] = [];
      await recoverInterruptedWrite(probe, { killPoint: (step) => void steps.push(step) });
      expect(steps.length).toBeGreaterThan(3);
      for (const k of steps.keys()) {
        const out = path.join(root, `recovery-${k}`, 'proj');
        await fs.mkdir(path.dirname(out), { recursive: true });
        await recoverySteps(out);
        let calls = 0;
        const killRecovery = () => {
          if (calls++ === k) throw new Error('recovery killed');
        };
        await expect(recoverInterruptedWrite(out, { killPoint: killRecovery })).rejects.toThrow('recovery killed');
        await recoverInterruptedWrite(out);
        expect(await snapshot(path.dirname(out)), `recovery killed before "${steps[k]}"`).toEqual(states[expected]);
      }
    },
  );

  it('an undo after an error, killed at any step, is finished (not reversed) by the next recovery', async () => {
    const merge = SCENARIOS[1] as Scenario;
    const { before } = await reference(merge);
    const failAtCommit = (_rel: string, i: number) => {
      if (i === 4) throw new Error('disk full');
    };
    const undoSteps: string[] = [];
    const probe = path.join(root, 'probe', 'proj');
    await fs.mkdir(path.dirname(probe), { recursive: true });
    await merge.setup(probe);
    const record = (step: string) => void (step.startsWith('roll back') && undoSteps.push(step));
    await expect(syncProject(probe, merge.files, { beforeCommit: failAtCommit, killPoint: record })).rejects.toThrow(
      'disk full',
    );
    expect(await snapshot(path.dirname(probe))).toEqual(before);
    expect(undoSteps.length).toBeGreaterThan(3);
    for (const killed of undoSteps) {
      const out = path.join(root, `undo-${undoSteps.indexOf(killed)}`, 'proj');
      await fs.mkdir(path.dirname(out), { recursive: true });
      await merge.setup(out);
      const kill = (step: string) => {
        if (step === killed) throw new Error('killed while undoing');
      };
      await expect(syncProject(out, merge.files, { beforeCommit: failAtCommit, killPoint: kill })).rejects.toThrow(
        'killed while undoing',
      );
      await recoverInterruptedWrite(out);
      expect(await snapshot(path.dirname(out)), `undo killed before "${killed}"`).toEqual(before);
    }
  });

  it('a fresh writer recovers the folder by itself before writing', async () => {
    const out = path.join(root, 'proj');
    await syncProject(out, V1);
    await fs.writeFile(path.join(out, 'core/models.py'), MINE);
    const kill = (step: string) => {
      if (step === 'replace README.md') throw new Error('killed');
    };
    await expect(syncProject(out, V2, { killPoint: kill })).rejects.toThrow('killed');
    expect(await fs.readdir(path.join(out, '.djforge'))).toContain('txn');
    const report = await syncProject(out, V2);
    expect(report.mode).toBe('merged');
    expect(report.entries.find((e) => e.path === 'README.md')?.action).toBe('unchanged');
    const names = await fs.readdir(out, { recursive: true });
    expect(names.filter((n) => /djforge-tmp|txn|lock/.test(String(n)))).toEqual([]);
    expect(await fs.readdir(root)).toEqual(['proj']);
  });

  it('removes temporary files and staging folders of earlier crashed runs', async () => {
    const out = path.join(root, 'proj');
    await syncProject(out, V1);
    await fs.writeFile(path.join(out, 'core/models.py.djforge-tmp-0123456789ab'), 'half');
    await fs.writeFile(path.join(out, 'core/keep.djforge-tmp-notours'), 'mine');
    await fs.mkdir(path.join(root, '.proj.djforge-tmp-Ab12Cd'));
    await fs.writeFile(path.join(root, '.proj.djforge-tmp-Ab12Cd/x.py'), 'x');
    const report = await recoverInterruptedWrite(out);
    expect(report).toEqual({ transaction: 'none', restoredPrevious: false, removedLeftovers: 2 });
    expect(await fs.readdir(root)).toEqual(['proj']);
    expect((await fs.readdir(path.join(out, 'core'))).sort()).toContain('keep.djforge-tmp-notours');
  });

  it('refuses to recover a folder while another writer holds it', async () => {
    const out = path.join(root, 'proj');
    let release = () => undefined as void;
    let reached = () => undefined as void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (reached = resolve));
    const first = syncProject(out, V1, {
      killPoint: async (step) => {
        if (step !== 'move into place') return;
        reached();
        await blocked;
      },
    });
    await inside;
    await expect(recoverInterruptedWrite(out)).rejects.toThrow(/Another DjForge write .* is in progress/);
    release();
    await first;
    expect((await recoverInterruptedWrite(out)).transaction).toBe('none');
  });
});
