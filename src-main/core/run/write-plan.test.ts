import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../output/project-writer';
import { syncProject } from '../output/sync-project';
import { planWrite } from './write-plan';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-write-plan-'));
});
afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

const first = [
  { path: 'a.py', content: 'A = 1\n' },
  { path: 'b.py', content: 'B = 1\nX = 1\n' },
  { path: 'c.py', content: 'C = 1\nP = 1\nQ = 1\nZ = 1\n' },
  { path: 'gone.py', content: 'G = 1\n' },
  { path: 'same.py', content: 'S = 1\n' },
];

describe('the write plan', () => {
  it('says every file is new for an empty folder, and refuses a foreign one without force', async () => {
    const out = path.join(dir, 'new');
    expect(await planWrite(out, first.slice(0, 2), ['c.py'])).toEqual({
      outDir: out,
      mode: 'created',
      files: [
        { path: 'a.py', action: 'new', conflicts: 0 },
        { path: 'b.py', action: 'new', conflicts: 0 },
      ],
      notApproved: ['c.py'],
    });
    const foreign = path.join(dir, 'foreign');
    await fs.mkdir(foreign);
    await fs.writeFile(path.join(foreign, 'notes.txt'), 'mine');
    await expect(planWrite(foreign, first, [])).rejects.toMatchObject({ code: 'output.not-empty' });
    await expect(planWrite(foreign, first, [])).rejects.toBeInstanceOf(OutputError);
    expect((await planWrite(foreign, first, [], true)).mode).toBe('replaced');
    expect(await fs.readdir(foreign)).toEqual(['notes.txt']);
  });

  it('names what a second generation would do to each file, and writes nothing', async () => {
    const out = path.join(dir, 'project');
    await syncProject(out, first);
    await fs.writeFile(path.join(out, 'b.py'), 'B = 1\nX = 2\n');
    await fs.writeFile(path.join(out, 'c.py'), 'C = 1\nP = 1\nQ = 1\nZ = 1\n# mine\n');
    const next = [
      { path: 'a.py', content: 'A = 2\n' },
      { path: 'b.py', content: 'B = 1\nX = 3\n' },
      { path: 'c.py', content: 'C = 2\nP = 1\nQ = 1\nZ = 1\n' },
      { path: 'same.py', content: 'S = 1\n' },
      { path: 'new.py', content: 'N = 1\n' },
    ];
    const before = await fs.readFile(path.join(out, 'b.py'), 'utf8');
    const plan = await planWrite(out, next, []);
    expect(plan.mode).toBe('merged');
    expect(Object.fromEntries(plan.files.map((f) => [f.path, f.action]))).toEqual({
      'a.py': 'updated',
      'b.py': 'conflicting',
      'c.py': 'merged',
      'same.py': 'unchanged',
      'new.py': 'new',
      'gone.py': 'removed',
    });
    expect(plan.files.find((f) => f.path === 'b.py')?.conflicts).toBe(1);
    expect(await fs.readFile(path.join(out, 'b.py'), 'utf8')).toBe(before);
    expect(await fs.readFile(path.join(out, 'a.py'), 'utf8')).toBe('A = 1\n');
  });
});

describe('the write plan after a killed write', () => {
  it('first finishes or undoes the interrupted write, so it plans against a consistent folder', async () => {
    const out = path.join(dir, 'killed');
    await syncProject(out, first);
    const second = first.map((f) => ({ ...f, content: `${f.content}# second\n` }));
    let calls = 0;
    await expect(
      syncProject(out, second, {
        killPoint: () => {
          if (calls++ === 3) throw new Error('writer killed');
        },
      }),
    ).rejects.toThrow('writer killed');
    expect(await fs.readdir(out)).toContain('.djforge');
    const plan = await planWrite(out, second, []);
    const left = await fs.readdir(path.join(out, '.djforge'));
    expect(left.filter((name) => /txn|journal|staging/i.test(name))).toEqual([]);
    // The folder is the first generation again (or the second, complete): never half of each.
    const contents = await Promise.all(first.map((f) => fs.readFile(path.join(out, f.path), 'utf8')));
    const firstContents = first.map((f) => f.content);
    const secondContents = second.map((f) => f.content);
    expect([JSON.stringify(firstContents), JSON.stringify(secondContents)]).toContain(JSON.stringify(contents));
    expect(plan.mode).toBe('merged');
  });
});
