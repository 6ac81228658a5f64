import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError, writeProject } from './project-writer';
import { confinedPath, unsafePathReason } from './paths';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-writer-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      out[path.relative(dir, full)] = await fs.readFile(full, 'utf8');
    }
  }
  return out;
}

describe('writeProject', () => {
  it('writes every file into a new folder and leaves no temporary folder behind', async () => {
    const out = path.join(root, 'proj');
    await writeProject(out, [
      { path: 'manage.py', content: 'print(1)\n' },
      { path: 'core/models.py', content: 'x = 1\n' },
    ]);
    expect(await tree(out)).toEqual({ 'manage.py': 'print(1)\n', 'core/models.py': 'x = 1\n' });
    expect(await fs.readdir(root)).toEqual(['proj']);
  });

  it('refuses a non-empty folder without force and changes nothing', async () => {
    const out = path.join(root, 'proj');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'mine.txt'), 'keep');
    await expect(writeProject(out, [{ path: 'a.py', content: '' }])).rejects.toMatchObject({
      code: 'output.not-empty',
    });
    expect(await tree(out)).toEqual({ 'mine.txt': 'keep' });
  });

  it('replaces a non-empty folder with force', async () => {
    const out = path.join(root, 'proj');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'old.txt'), 'old');
    await writeProject(out, [{ path: 'new.py', content: 'new\n' }], { force: true });
    expect(await tree(out)).toEqual({ 'new.py': 'new\n' });
    expect(await fs.readdir(root)).toEqual(['proj']);
  });

  it('writes into an existing empty folder', async () => {
    const out = path.join(root, 'proj');
    await fs.mkdir(out);
    await writeProject(out, [{ path: 'a.py', content: 'a\n' }]);
    expect(await tree(out)).toEqual({ 'a.py': 'a\n' });
  });

  it('leaves the target as it was when writing crashes half-way', async () => {
    const out = path.join(root, 'proj');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'old.txt'), 'old');
    const crash = (_p: string, i: number) => {
      if (i === 2) throw new Error('disk full (simulated)');
    };
    const files = ['a.py', 'b.py', 'c.py', 'd.py'].map((p) => ({ path: p, content: p }));
    const error = await writeProject(out, files, { force: true, beforeEachFile: crash }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).message).toContain('disk full (simulated)');
    expect(await tree(out)).toEqual({ 'old.txt': 'old' });
    expect(await fs.readdir(root)).toEqual(['proj']);
  });

  it('creates nothing when a crash hits a new target', async () => {
    const out = path.join(root, 'new');
    const crash = () => {
      throw new Error('boom');
    };
    await expect(writeProject(out, [{ path: 'a.py', content: '' }], { beforeEachFile: crash })).rejects.toThrow('boom');
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('refuses paths that escape the output folder before writing anything', async () => {
    const out = path.join(root, 'proj');
    for (const bad of ['../evil.py', '/etc/passwd', 'a/../../b.py', 'C:\\x.py', '']) {
      await expect(
        writeProject(out, [
          { path: 'ok.py', content: '' },
          { path: bad, content: '' },
        ]),
      ).rejects.toMatchObject({
        code: 'output.unsafe-path',
      });
    }
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('refuses a target that is a file', async () => {
    const out = path.join(root, 'file');
    await fs.writeFile(out, 'x');
    await expect(writeProject(out, [])).rejects.toMatchObject({ code: 'output.not-directory' });
  });
});

describe('path confinement', () => {
  it('names the reason for each unsafe path', () => {
    expect(unsafePathReason('a/b.py')).toBeNull();
    expect(unsafePathReason('../x')).toMatch(/climbs out/);
    expect(unsafePathReason('/x')).toMatch(/absolute/);
    expect(unsafePathReason('a//b')).toMatch(/empty/);
    expect(unsafePathReason('a\0b')).toMatch(/NUL/);
  });
  it('resolves inside the root', () => {
    expect(confinedPath('/tmp/r', 'a/b.py')).toBe('/tmp/r/a/b.py');
    expect(() => confinedPath('/tmp/r', '../b.py')).toThrow(/climbs out/);
  });
});
