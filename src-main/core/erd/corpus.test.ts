/**
 * The real-schema corpus (../shared/corpus: 58 DBML and SQL files written by others): every file
 * either imports to a valid ERD or is refused with a precise parser diagnostic (line, message) —
 * never a crash. A few imported schemas generate projects that pass Django's `check`. Skips with
 * a message when the corpus folder is absent (it is never copied into the repository). Timing is
 * measured in bench/formats-bench.ts, not here.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test-support/examples';
import { generateProject } from '../generate';
import { findDjangoPython, runManage } from '../runtime';
import { ERD_CODES, importErdFile } from './index';

const CANDIDATES = [
  process.env.DJFORGE_CORPUS,
  path.resolve(REPO_ROOT, '../shared/corpus'),
  path.resolve(REPO_ROOT, '../../shared/corpus'),
].filter((p): p is string => p !== undefined);
const CORPUS = CANDIDATES.find((p) => existsSync(path.join(p, 'manifest.json')));
if (CORPUS === undefined)
  console.warn(`corpus.test: no corpus at ${CANDIDATES.join(' or ')}; the corpus tests are skipped`);

/** Files no maintained parser reads, and why (see the corpus README's findings). */
const REFUSED: Readonly<Record<string, string>> = {
  'dbml/holistics.playground_syntax_errors.dbml': 'the intended syntax-error example',
  'sql/employees.mysql.sql': 'the mysql client command `source`',
  'sql/sakila.mysql.sql': 'stored functions in DELIMITER blocks',
  'sql/sakila.sqlite.sql': 'SQLite triggers (no SQLite grammar reads them)',
  'sql/northwind.sqlite.sql': 'SQLite PRAGMA',
};

const files =
  CORPUS === undefined
    ? []
    : ['dbml', 'sql'].flatMap((dir) =>
        readdirSync(path.join(CORPUS, dir))
          .sort()
          .map((f) => `${dir}/${f}`),
      );

describe.skipIf(CORPUS === undefined)('the real-schema corpus', () => {
  it.each(files)('%s imports, or is refused at a line', { timeout: 300_000 }, async (file) => {
    const text = readFileSync(path.join(CORPUS ?? '', file), 'utf8');
    const result = await importErdFile(text, path.basename(file));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (REFUSED[file] !== undefined) {
      expect(result.erd).toBeNull();
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e).toMatchObject({ code: ERD_CODES.schemaSyntax, file: path.basename(file), line: expect.any(Number) });
        expect(e.message).toMatch(/ does not parse: .{8,}/);
      }
    } else {
      expect(errors).toEqual([]);
      expect(result.erd?.entities.length).toBeGreaterThan(0);
    }
  });
});

const DJANGO_SAMPLES = [
  'sql/chinook.postgres.sql',
  'sql/pagila-2024.postgres.sql',
  'sql/petclinic.mysql.sql',
  'dbml/holistics.playground_ecommerce.dbml',
  'dbml/dokploy.schema.dbml',
];
const python = CORPUS === undefined ? null : await findDjangoPython();
if (CORPUS !== undefined && python === null)
  console.warn('corpus.test: no Python with Django; the Django check of corpus projects is skipped');
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.skipIf(CORPUS === undefined || python === null)('corpus schemas generate projects Django accepts', () => {
  it.each(DJANGO_SAMPLES)('%s passes manage.py check', { timeout: 300_000 }, async (file) => {
    const result = await importErdFile(readFileSync(path.join(CORPUS ?? '', file), 'utf8'), path.basename(file));
    if (result.erd === null) throw new Error(`${file} does not import`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'djforge-corpus-'));
    scratch.push(dir);
    for (const generated of generateProject(result.erd)) {
      const target = path.join(dir, generated.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, generated.content);
    }
    const check = await runManage(python?.python ?? 'python3', dir, ['check'], { env: { DJANGO_DEBUG: 'True' } });
    expect(check.stderr + check.stdout).toContain('System check identified no issues');
    expect(check.code).toBe(0);
  });
});
