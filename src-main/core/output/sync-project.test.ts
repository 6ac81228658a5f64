import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputTarget } from './project-writer';
import { syncProject } from './sync-project';
import { projectZip, writeProjectZip } from './zip-export';

let root: string;
let out: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-sync-'));
  out = path.join(root, 'proj');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function tree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) result[path.relative(dir, full)] = await fs.readFile(full, 'utf8');
  }
  return result;
}
const userFiles = async () =>
  Object.fromEntries(Object.entries(await tree(out)).filter(([p]) => !p.startsWith('.djforge/')));
const put = (rel: string, content: string) => fs.writeFile(path.join(out, rel), content);
const read = (rel: string) => fs.readFile(path.join(out, rel), 'utf8');

const MODELS_V1 =
  'from django.db import models\n\n\nclass A(models.Model):\n    name = 1\n\n\nclass B(models.Model):\n    title = 2\n';
const V1 = [
  { path: 'core/models.py', content: MODELS_V1 },
  { path: 'core/views.py', content: 'views = 1\n' },
  { path: 'core/admin.py', content: 'admin = 1\n' },
  { path: 'core/old.py', content: 'old = 1\n' },
  { path: 'core/legacy.py', content: 'legacy = 1\n' },
  { path: 'core/gone.py', content: 'gone = 1\n' },
  { path: 'README.md', content: '# v1\n' },
];
const V2 = [
  { path: 'core/models.py', content: MODELS_V1.replace('title = 2', 'title = 2\n    price = 3') },
  { path: 'core/views.py', content: 'views = 2\n' },
  { path: 'core/admin.py', content: 'admin = 2\n' },
  { path: 'core/gone.py', content: 'gone = 1\n' },
  { path: 'core/urls.py', content: 'urls = 1\n' },
  { path: 'README.md', content: '# v2\n' },
];

describe('syncProject', () => {
  it('writes a new project with its merge base', async () => {
    const report = await syncProject(out, V1);
    expect(report.mode).toBe('created');
    const files = await tree(out);
    expect(files['core/models.py']).toBe(MODELS_V1);
    expect(files['.djforge/base/core/models.py']).toBe(MODELS_V1);
    expect(JSON.parse(files['.djforge/manifest.json'] ?? '{}')).toMatchObject({
      format: 'djforge-manifest',
      version: 1,
    });
    expect(await fs.readdir(root)).toEqual(['proj']);
  });

  it('regenerates in place: updates, merges, keeps conflicts and user files, never losing an edit', async () => {
    await syncProject(out, V1);
    await put('core/models.py', MODELS_V1.replace('    name = 1\n', '    name = 1\n    nickname = 9  # mine\n'));
    await put('core/admin.py', 'admin = "mine"\n');
    await put('core/old.py', 'old = "changed by me"\n');
    await put('notes.txt', 'my notes\n');
    await fs.rm(path.join(out, 'core/gone.py'));
    const report = await syncProject(out, V2);
    expect(report.mode).toBe('merged');
    expect(Object.fromEntries(report.entries.map((e) => [e.path, e.action]))).toEqual({
      'core/models.py': 'merge',
      'core/views.py': 'update',
      'core/admin.py': 'conflict',
      'core/gone.py': 'kept-deleted',
      'core/urls.py': 'create',
      'README.md': 'update',
      'core/legacy.py': 'delete',
      'core/old.py': 'orphan',
    });
    expect(report.conflicts).toEqual(['core/admin.py']);
    expect(await userFiles()).toEqual({
      'core/models.py': MODELS_V1.replace('    name = 1\n', '    name = 1\n    nickname = 9  # mine\n').replace(
        'title = 2',
        'title = 2\n    price = 3',
      ),
      'core/views.py': 'views = 2\n',
      'core/admin.py': 'admin = "mine"\n',
      'core/old.py': 'old = "changed by me"\n',
      'core/urls.py': 'urls = 1\n',
      'README.md': '# v2\n',
      'notes.txt': 'my notes\n',
    });
    expect(await read('.djforge/conflicts/core/admin.py')).toBe(
      '<<<<<<< yours\nadmin = "mine"\n||||||| last generated\nadmin = 1\n=======\nadmin = 2\n>>>>>>> generated now\n',
    );
    expect((await fs.readdir(path.join(out, '.djforge'))).sort()).toEqual(['base', 'conflicts', 'manifest.json']);
  });

  it('keeps reporting a conflict until the user resolves it, then clears the conflict file', async () => {
    await syncProject(out, V1);
    await put('core/admin.py', 'admin = "mine"\n');
    await syncProject(out, V2);
    const again = await syncProject(out, V2);
    expect(again.conflicts).toEqual(['core/admin.py']);
    expect(await read('core/admin.py')).toBe('admin = "mine"\n');
    await put('core/admin.py', 'admin = 2\n');
    const resolved = await syncProject(out, V2);
    expect(resolved.conflicts).toEqual([]);
    await expect(fs.access(path.join(out, '.djforge/conflicts/core/admin.py'))).rejects.toThrow();
  });

  it('leaves files the review did not approve as they are, instead of deleting them', async () => {
    await syncProject(out, V1);
    const approved = V2.filter((f) => f.path !== 'core/views.py');
    const report = await syncProject(out, approved, { notApproved: ['core/views.py'] });
    expect(report.entries.find((e) => e.path === 'core/views.py')).toBeUndefined();
    expect(await read('core/views.py')).toBe('views = 1\n');
    expect(await read('.djforge/base/core/views.py')).toBe('views = 1\n');
    const next = await syncProject(out, V2);
    expect(next.entries.find((e) => e.path === 'core/views.py')).toEqual({ path: 'core/views.py', action: 'update' });
    expect(await read('core/views.py')).toBe('views = 2\n');
  });

  it.each([
    [
      'staging',
      {
        beforeStage: (_p: string, i: number) => {
          if (i === 2) throw new Error('disk full (simulated)');
        },
      },
    ],
    [
      'committing',
      {
        beforeCommit: (_p: string, i: number) => {
          if (i === 3) throw new Error('power cut (simulated)');
        },
      },
    ],
  ])('a crash while %s leaves the folder exactly as it was', async (_phase, hooks) => {
    await syncProject(out, V1);
    await put('core/models.py', MODELS_V1.replace('name = 1', 'name = "mine"'));
    const before = await tree(out);
    await expect(syncProject(out, V2, hooks)).rejects.toMatchObject({
      code: 'output.write-failed',
      message: expect.stringMatching(/nothing was changed: (disk full|power cut)/),
    });
    expect(await tree(out)).toEqual(before);
    expect((await fs.readdir(out, { recursive: true })).filter((p) => /djforge-tmp|txn-/.test(String(p)))).toEqual([]);
  });

  it('a crash while writing a new project creates nothing', async () => {
    const crash = {
      beforeStage: (_p: string, i: number) => {
        if (i === 1) throw new Error('boom');
      },
    };
    await expect(syncProject(out, V1, crash)).rejects.toThrow('boom');
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('refuses to follow a symbolic link out of the output folder', async () => {
    await syncProject(out, V1);
    const outside = path.join(root, 'outside');
    await fs.mkdir(outside);
    await fs.rm(path.join(out, 'core'), { recursive: true });
    await fs.symlink(outside, path.join(out, 'core'));
    const before = await tree(out);
    await expect(syncProject(out, V2)).rejects.toMatchObject({
      code: 'output.unsafe-path',
      message: expect.stringMatching(/core is a symbolic link/),
    });
    expect(await fs.readdir(outside)).toEqual([]);
    expect(await tree(out)).toEqual(before);
  });

  it('refuses escaping, reserved and duplicate paths before touching anything', async () => {
    for (const bad of ['../evil.py', '/etc/passwd', '.djforge/manifest.json']) {
      await expect(syncProject(out, [{ path: bad, content: '' }])).rejects.toMatchObject({
        code: 'output.unsafe-path',
      });
    }
    await expect(
      syncProject(out, [
        { path: 'a.py', content: '' },
        { path: 'a.py', content: '' },
      ]),
    ).rejects.toThrow('twice');
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('refuses a non-empty folder without a DjForge project unless forced', async () => {
    await fs.mkdir(out);
    await put('mine.txt', 'keep');
    await expect(syncProject(out, V1)).rejects.toMatchObject({
      code: 'output.not-empty',
      message: expect.stringMatching(/holds no DjForge project/),
    });
    expect(await tree(out)).toEqual({ 'mine.txt': 'keep' });
    expect((await syncProject(out, V1, { force: true })).mode).toBe('replaced');
    expect(await read('README.md')).toBe('# v1\n');
  });

  it('checkOutputTarget accepts a generated project without force only in merge mode', async () => {
    await syncProject(out, V1);
    await expect(checkOutputTarget(out)).rejects.toMatchObject({ code: 'output.not-empty' });
    await expect(checkOutputTarget(out, { merge: true })).resolves.toBeUndefined();
  });
});

describe('zip export', () => {
  const files = [
    { path: 'b.py', content: 'b\n' },
    { path: 'core/a.py', content: 'a\n' },
  ];

  it('holds every file under the root folder, byte-identical across calls', () => {
    const bytes = projectZip(files, 'proj');
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual(['proj/b.py', 'proj/core/a.py']);
    expect(new TextDecoder().decode(entries['proj/core/a.py'])).toBe('a\n');
    expect(Buffer.from(projectZip([...files].reverse(), 'proj')).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses unsafe paths and an existing archive without force', async () => {
    expect(() => projectZip([{ path: '../x.py', content: '' }])).toThrow(/climbs out/);
    const zip = path.join(root, 'p.zip');
    await writeProjectZip(zip, files);
    await expect(writeProjectZip(zip, files)).rejects.toMatchObject({ code: 'output.not-empty' });
    await writeProjectZip(zip, files.slice(0, 1), { force: true });
    expect(Object.keys(unzipSync(await fs.readFile(zip)))).toEqual(['b.py']);
    expect(await fs.readdir(root)).toEqual(['p.zip']);
  });
});
