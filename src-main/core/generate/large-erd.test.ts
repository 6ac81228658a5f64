/**
 * A large ERD with groups is generated as one Django app per group (see erd/apps-from-groups.ts):
 * files a person can review, one migration per app, foreign keys across apps, and the project
 * still checks and migrates on a real Django. Skipped (with the reason) without Django.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticErd } from '../../../bench/synthetic-erd';
import { findDjangoPython, runManage } from '../runtime';
import { generateProject } from './index';
import { makeMigrations } from './migrations';

const python = await findDjangoPython();
const root = await mkdtemp(path.join(tmpdir(), 'djforge-large-erd-test-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a large ERD with groups', () => {
  const erd = syntheticErd(60, { groupSize: 20 });
  const files = generateProject(erd);

  it('becomes one app per group, each with its own models, API, admin and tests', () => {
    expect(erd.project.apps).toEqual(['catalog', 'sales', 'inventory']);
    for (const app of ['catalog', 'sales', 'inventory']) {
      for (const kind of ['models', 'serializers', 'views', 'urls', 'admin', 'tests']) {
        expect(files.some((f) => f.path === `${app}/${kind}.py`)).toBe(true);
      }
    }
    expect(files.some((f) => f.path.startsWith('core/'))).toBe(false);
    const sales = files.find((f) => f.path === 'sales/models.py')?.content ?? '';
    expect(sales).toContain('class Entity20(');
    expect(sales).not.toContain('class Entity0(');
    expect(sales).toMatch(/'catalog\.Entity\d+'/);
  });

  it.skipIf(python === null)(
    'checks, ships one migration per app and migrates on a real Django',
    async () => {
      const py = python?.python ?? '';
      const migrations = await makeMigrations(files, { python: py });
      expect(migrations.map((f) => f.path).sort()).toEqual([
        'catalog/migrations/0001_initial.py',
        'inventory/migrations/0001_initial.py',
        'sales/migrations/0001_initial.py',
      ]);
      const dir = path.join(root, 'project');
      for (const file of [...files, ...migrations]) {
        await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
        await writeFile(path.join(dir, file.path), file.content);
      }
      for (const step of [['check'], ['makemigrations', '--check', '--dry-run'], ['migrate', '--noinput']]) {
        const result = await runManage(py, dir, step);
        expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
      }
    },
    180_000,
  );
});
