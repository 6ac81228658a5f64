import { describe, expect, it } from 'vitest';
import { plainErd, shopErd } from '../../../test-support/fixtures/app-erds';
import { generateProject } from './index';
import { relationsStressErd } from '../../../test-support/fixtures/stress-erds';

describe('generateProject', () => {
  it('returns the project files and, per app, its modules and tests.py, sorted by path', () => {
    expect(generateProject(plainErd()).map((f) => `${f.path} ${f.agent}`)).toEqual([
      '.dockerignore project',
      '.env.example project',
      '.gitignore project',
      'Dockerfile project',
      'README.md docs',
      'core/__init__.py app-config',
      'core/admin.py admin',
      'core/apps.py app-config',
      'core/migrations/__init__.py models',
      'core/models.py models',
      'core/permissions.py permissions',
      'core/serializers.py serializers',
      'core/tests.py tests',
      'core/urls.py urls',
      'core/views.py views',
      'docker-compose.yml project',
      'manage.py project',
      'notes/__init__.py project',
      'notes/api.py project',
      'notes/asgi.py project',
      'notes/settings.py settings',
      'notes/urls.py urls',
      'notes/wsgi.py project',
      'requirements.txt project',
    ]);
  });

  it('covers every app of a multi-app ERD, filters included when filtering is on', () => {
    const paths = generateProject(shopErd()).map((f) => f.path);
    for (const app of ['shop', 'crm']) {
      for (const file of ['models.py', 'serializers.py', 'views.py', 'urls.py', 'filters.py', 'tests.py', 'apps.py']) {
        expect(paths).toContain(`${app}/${file}`);
      }
    }
    expect([...paths].sort()).toEqual(paths);
  });

  it('is deterministic: the same ERD gives byte-identical files', () => {
    const first = generateProject(relationsStressErd());
    const second = generateProject(relationsStressErd());
    expect(second).toEqual(first);
    expect(first.filter((f) => f.content !== '' && (!f.content.endsWith('\n') || f.content.endsWith('\n\n')))).toEqual(
      [],
    );
  });

  it('does not modify the ERD it is given', () => {
    const erd = shopErd();
    const before = JSON.stringify(erd);
    generateProject(erd);
    expect(JSON.stringify(erd)).toBe(before);
  });

  it('throws an error naming the problem for an ERD it cannot express', () => {
    expect(() => generateProject({ ...plainErd(), project: { name: 'core' } })).toThrow(
      "project.name: 'core' is also an app label; the project package and an app cannot share a name",
    );
  });
});
