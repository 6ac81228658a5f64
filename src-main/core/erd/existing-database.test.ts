/**
 * The models an SQL import generates map onto the database the SQL describes: tables keep their
 * names (`Meta.db_table`), renamed columns their column (`db_column`: `from`, `Title`, the foreign
 * key `AuthorRef`). The test creates that database with SQLite itself, fills it, generates the
 * project from the same DDL, fakes the initial migration Django finds already applied
 * (`migrate --fake-initial`) and reads the rows back through the generated models.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateErd } from './validate';
import { generateProject } from '../generate';
import { findDjangoPython, runManage } from '../runtime';
import { importErdFile } from './index';

const DDL = `CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  "from" VARCHAR(40) NOT NULL
);
CREATE TABLE book_items (
  id INTEGER PRIMARY KEY,
  "Title" VARCHAR(120) NOT NULL,
  "AuthorRef" INTEGER NOT NULL REFERENCES authors (id)
);
`;

const django = await findDjangoPython();
let dir = '';
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-existing-db-'));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

describe('an imported SQL schema', () => {
  it('keeps the table and column names, and the ERD says so', async () => {
    const result = await importErdFile(DDL, 'library.sqlite.sql');
    if (result.erd === null) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.erd.entities.map((e) => [e.name, e.dbTable])).toEqual([
      ['Authors', 'authors'],
      ['BookItems', 'book_items'],
    ]);
    expect(result.erd.entities[0]?.fields).toEqual([expect.objectContaining({ name: 'from_field', dbColumn: 'from' })]);
    expect(result.erd.relations).toEqual([
      expect.objectContaining({ name: 'author_ref', from: 'BookItems', to: 'Authors', dbColumn: 'AuthorRef' }),
    ]);
    expect(validateErd(result.erd).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.skipIf(django === null)('generates models that read the existing database', { timeout: 120_000 }, async () => {
    const result = await importErdFile(DDL, 'library.sqlite.sql');
    if (result.erd === null) throw new Error(JSON.stringify(result.diagnostics));
    const project = path.join(dir, 'project');
    for (const file of generateProject(result.erd)) {
      await fs.mkdir(path.dirname(path.join(project, file.path)), { recursive: true });
      await fs.writeFile(path.join(project, file.path), file.content);
    }
    const python = django?.python ?? 'python3';
    const db = path.join(dir, 'library.sqlite3');
    const env = { DJANGO_DEBUG: 'True', DATABASE_URL: `sqlite:///${db}` };
    const seed = [
      'import sqlite3, sys',
      'c = sqlite3.connect(sys.argv[1])',
      `c.executescript(${JSON.stringify(DDL)})`,
      `c.execute("INSERT INTO authors (id, \\"from\\") VALUES (1, 'Lisbon')")`,
      `c.execute("INSERT INTO book_items (id, \\"Title\\", \\"AuthorRef\\") VALUES (7, 'Blindness', 1)")`,
      'c.commit()',
    ].join('\n');
    const seeded = spawnSync(python, ['-c', seed, db], { encoding: 'utf8' });
    expect(seeded.status, seeded.stderr).toBe(0);

    const made = await runManage(python, project, ['makemigrations'], { env });
    expect(made.code, made.stderr).toBe(0);
    const migrated = await runManage(python, project, ['migrate', '--fake-initial'], { env });
    expect(migrated.code, migrated.stderr + migrated.stdout).toBe(0);
    const read = await runManage(
      python,
      project,
      [
        'shell',
        '-c',
        'from core.models import BookItems as B; b = B.objects.get(); print(b.title, b.author_ref.from_field)',
      ],
      { env },
    );
    expect(read.stderr).toBe('');
    expect(read.stdout.trim()).toBe('Blindness Lisbon');
  });
});
