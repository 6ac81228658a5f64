/**
 * Migrations come from Django's own makemigrations on a temporary copy: a first run ships
 * 0001_initial.py per app, an ERD change adds 0002 on top of the shipped 0001 (never editing it),
 * and the project then migrates and passes `makemigrations --check`. Skipped without Django.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { normalizeErd } from '../erd';
import { findDjangoPython, runManage } from '../runtime';
import { generateProject } from './index';
import { isMigrationPath, makeMigrations } from './migrations';

const python = await findDjangoPython();
const root = await mkdtemp(path.join(tmpdir(), 'djforge-migrations-test-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const blog = (extra: boolean): Erd =>
  normalizeErd({
    format: 'djforge-erd',
    version: 1,
    project: { name: 'blog' },
    entities: [
      { name: 'User', fields: [{ name: 'email', type: 'email' }] },
      {
        name: 'Post',
        fields: [
          { name: 'title', type: 'string' },
          ...(extra ? [{ name: 'summary', type: 'text' as const, required: false }] : []),
        ],
      },
    ],
    relations: [{ name: 'author', kind: 'manyToOne', from: 'Post', to: 'User' }],
  }).erd;

describe('isMigrationPath', () => {
  it('matches numbered migration modules of an app, not the package or other files', () => {
    expect(['core/migrations/0001_initial.py', 'users/migrations/0002_post_summary.py'].map(isMigrationPath)).toEqual([
      true,
      true,
    ]);
    expect(['core/migrations/__init__.py', 'core/models.py', '../x/migrations/0001_a.py'].map(isMigrationPath)).toEqual(
      [false, false, false],
    );
  });
});

describe.skipIf(python === null)('makeMigrations on a real Django', () => {
  it('ships 0001_initial per app, then adds 0002 after an ERD change without editing 0001', async () => {
    const py = python?.python ?? '';
    const first = await makeMigrations(generateProject(blog(false)), { python: py });
    const paths = first.map((f) => f.path);
    expect(paths).toContain('core/migrations/0001_initial.py');
    expect(paths).toContain('users/migrations/0001_initial.py');
    expect(first.find((f) => f.path === 'users/migrations/0001_initial.py')?.content).toContain("'username'");
    const again = await makeMigrations(generateProject(blog(false)), { python: py, existing: first });
    expect(again).toEqual([]);
    const second = await makeMigrations(generateProject(blog(true)), { python: py, existing: first });
    expect(second.map((f) => f.path)).toEqual([expect.stringMatching(/^core\/migrations\/000[23]_post_summary\.py$/)]);
    expect(second[0]?.content).toContain("('core', '000");
    expect(second[0]?.content).toContain("name='summary'");

    const dir = path.join(root, 'blog');
    for (const file of [...generateProject(blog(true)), ...first, ...second]) {
      await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
      await writeFile(path.join(dir, file.path), file.content);
    }
    for (const step of [
      ['makemigrations', '--check', '--dry-run'],
      ['migrate', '--noinput'],
    ]) {
      const result = await runManage(py, dir, step);
      expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
    }
  }, 120_000);

  it("rejects with Django's message when makemigrations fails", async () => {
    const files = generateProject(blog(false)).map((f) =>
      f.path === 'core/models.py' ? { ...f, content: `${f.content}\nraise RuntimeError('broken models')\n` } : f,
    );
    await expect(makeMigrations(files, { python: python?.python ?? '' })).rejects.toThrow(/broken models/);
  }, 60_000);
});
