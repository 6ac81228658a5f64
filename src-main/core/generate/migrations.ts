/**
 * Migrations a generated project ships: produced by Django's own `makemigrations` on a temporary
 * copy of the project, so they are exactly what Django would write (the template engine never
 * writes migration code itself). Migrations already shipped in the target folder go into the copy
 * first, so after an ERD change Django adds a new migration on top of them and never edits one that
 * was shipped. The run workflow calls this when a Django-capable Python exists; without one the
 * generated README states the step.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runManage } from '../runtime';
import type { GeneratedFile } from './types';

/** How to run Django, and what the target folder already holds. */
export interface MigrationsOptions {
  /** A Python that can `import django` (with the project's requirements). */
  python: string;
  /** Extra `PYTHONPATH` (an extracted Django 4.2/5.2, for instance). */
  pythonPath?: string;
  /**
   * Migration files already in the target folder (`<app>/migrations/0001_initial.py`, …), as
   * project-relative POSIX paths with their content. They are kept as they are; only new ones come back.
   */
  existing?: readonly { path: string; content: string }[];
  /** Kill `makemigrations` after this many milliseconds. Default 600 000 (500 models take minutes). */
  timeoutMs?: number;
}

const MIGRATION_FILE = /^[A-Za-z_][A-Za-z0-9_]*\/migrations\/[0-9]{4}_[A-Za-z0-9_]+\.py$/;

/** Whether `file` is a migration module (not the package's `__init__.py`). */
export function isMigrationPath(file: string): boolean {
  return MIGRATION_FILE.test(file);
}

function confined(root: string, relative: string): string {
  const target = path.resolve(root, relative);
  if (!target.startsWith(root + path.sep)) throw new Error(`Migration path ${relative} leaves the project folder`);
  return target;
}

async function writeAll(root: string, files: readonly { path: string; content: string }[]): Promise<void> {
  for (const file of files) {
    const target = confined(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

async function migrationsIn(root: string, apps: readonly string[]): Promise<{ path: string; content: string }[]> {
  const out: { path: string; content: string }[] = [];
  for (const app of apps) {
    const dir = path.join(root, app, 'migrations');
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const relative = `${app}/migrations/${name}`;
      if (isMigrationPath(relative))
        out.push({ path: relative, content: await readFile(path.join(dir, name), 'utf8') });
    }
  }
  return out;
}

/**
 * Runs `manage.py makemigrations` on a temporary copy of `files` plus the `existing` migrations
 * and returns the migration files Django added (agent `models`), sorted by path: `0001_initial.py`
 * per app on a first run, a new numbered migration per changed app after an ERD change, none when
 * nothing changed. Rejects with Django's output when `makemigrations` fails or times out. The
 * temporary copy is always removed.
 */
export async function makeMigrations(
  files: readonly GeneratedFile[],
  options: MigrationsOptions,
): Promise<GeneratedFile[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'djforge-migrations-'));
  try {
    await writeAll(
      root,
      files.filter((f) => !isMigrationPath(f.path)),
    );
    const existing = (options.existing ?? []).filter((f) => isMigrationPath(f.path));
    await writeAll(root, existing);
    const apps = [
      ...new Set(
        files.filter((f) => /^[^/]+\/migrations\/__init__\.py$/.test(f.path)).map((f) => f.path.split('/')[0] ?? ''),
      ),
    ];
    const env: Record<string, string> = { DJANGO_DEBUG: '1' };
    if (options.pythonPath !== undefined) env.PYTHONPATH = options.pythonPath;
    const result = await runManage(options.python, root, ['makemigrations', '--noinput', ...apps], {
      env,
      timeoutMs: options.timeoutMs ?? 600_000,
    });
    if (result.code !== 0) {
      const why = result.timedOut ? 'timed out' : `exited ${String(result.code)}`;
      throw new Error(`manage.py makemigrations ${why}:\n${(result.stderr || result.stdout).trim().slice(-4000)}`);
    }
    const shipped = new Set(existing.map((f) => f.path));
    return (await migrationsIn(root, apps))
      .filter((f) => !shipped.has(f.path))
      .map((f) => ({ path: f.path, content: f.content, agent: 'models' as const }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
