import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { DOCKERIGNORE, dockerfileText, envExampleText, GITIGNORE, requirementLines } from './deploy';
import { asgiCode, manageCode, packageInitCode, wsgiCode } from './entrypoints';
import { projectFiles } from './index';
import { projectOptions } from './options';
import { mdText, readmeText } from './readme';

describe('projectFiles', () => {
  it('returns every project-level file once, with the agent that owns it', () => {
    expect(projectFiles(shopErd()).map((f) => [f.path, f.agent])).toEqual([
      ['manage.py', 'project'],
      ['shopsite/__init__.py', 'project'],
      ['shopsite/settings.py', 'settings'],
      ['shopsite/urls.py', 'urls'],
      ['shopsite/api.py', 'project'],
      ['shopsite/wsgi.py', 'project'],
      ['shopsite/asgi.py', 'project'],
      ['requirements.txt', 'project'],
      ['.env.example', 'project'],
      ['Dockerfile', 'project'],
      ['docker-compose.yml', 'project'],
      ['.dockerignore', 'project'],
      ['.gitignore', 'project'],
      ['README.md', 'docs'],
    ]);
  });
});

describe('entry points', () => {
  it('point manage.py, WSGI and ASGI at the project settings', () => {
    expect(manageCode('shopsite')).toContain(
      "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shopsite.settings')\n",
    );
    expect(manageCode('shopsite').startsWith('#!/usr/bin/env python\n')).toBe(true);
    expect(wsgiCode('shopsite')).toContain('from django.core.wsgi import get_wsgi_application\n');
    expect(wsgiCode('shopsite')).toContain("os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shopsite.settings')\n");
    expect(asgiCode('shopsite')).toContain('application = get_asgi_application()\n');
  });

  it('escapes the title in the package docstring', () => {
    expect(packageInitCode('Say "hi"\n')).toBe('"""The Django project package of Say \\"hi\\"\\n."""\n');
  });
});

describe('requirementLines', () => {
  it('lists only what the settings use, keeping Django below 6', () => {
    expect(requirementLines(projectOptions(shopErd()))).toEqual([
      'Django>=3.2,<6',
      'djangorestframework>=3.14,<4',
      'django-filter>=22.1',
      'drf-spectacular>=0.25',
      'drf-spectacular-sidecar>=2023.1',
      'django-cors-headers>=3.13',
      'django-environ>=0.4.4',
      'Pillow>=9.0',
      'gunicorn>=20.1',
      'whitenoise>=6.0',
      'psycopg[binary]>=3.1',
    ]);
    const lean: Erd = { ...plainErd(), api: { filtering: false, openapi: false }, auth: { schemes: ['jwt'] } };
    expect(requirementLines(projectOptions(lean))).toEqual([
      'Django>=3.2,<6',
      'djangorestframework>=3.14,<4',
      'djangorestframework-simplejwt>=5.2',
      'django-cors-headers>=3.13',
      'django-environ>=0.4.4',
      'gunicorn>=20.1',
      'whitenoise>=6.0',
      'psycopg[binary]>=3.1',
    ]);
  });
});

describe('deployment files', () => {
  it('documents every variable settings.py reads in .env.example', () => {
    const env = envExampleText(projectOptions({ ...plainErd(), auth: { schemes: ['jwt'] } }));
    const names = env
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=')[0]);
    expect(names).toEqual([
      'DJANGO_SECRET_KEY',
      'DJANGO_DEBUG',
      'DJANGO_ALLOWED_HOSTS',
      'DJANGO_CSRF_TRUSTED_ORIGINS',
      'CORS_ALLOWED_ORIGINS',
      'DATABASE_URL',
      'DJANGO_TIME_ZONE',
      'DJANGO_SECURE_COOKIES',
      'DJANGO_SECURE_SSL_REDIRECT',
      'DJANGO_SECURE_HSTS_SECONDS',
      'DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS',
      'DJANGO_SECURE_HSTS_PRELOAD',
      'DJANGO_LOG_LEVEL',
      'DJANGO_THROTTLE_ANON',
      'DJANGO_THROTTLE_USER',
      'DJANGO_THROTTLE_LOGIN',
      'JWT_ACCESS_MINUTES',
      'JWT_REFRESH_DAYS',
    ]);
  });

  it('builds an image that runs gunicorn on the project as a non-root user', () => {
    const docker = dockerfileText(projectOptions(shopErd()));
    expect(docker).toContain('RUN pip install --no-cache-dir -r requirements.txt\n');
    expect(docker).toContain('USER app\n');
    expect(docker).toContain(
      'CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn shopsite.wsgi:application --bind 0.0.0.0:8000 --workers 3"]\n',
    );
  });

  it('keeps secrets and local data out of git and the image', () => {
    for (const ignore of [GITIGNORE, DOCKERIGNORE]) {
      expect(ignore.split('\n')).toEqual(expect.arrayContaining(['.env', 'db.sqlite3', 'media/']));
    }
  });
});

describe('readmeText', () => {
  it('lists each entity with its endpoint, the features and the set-up commands', () => {
    const readme = readmeText(shopErd());
    expect(readme.startsWith('# Shop\n')).toBe(true);
    expect(readme).toContain('| OrderItem | shop | `/api/order-items/` |\n');
    expect(readme).toContain('| Customer | crm | `/api/customers/` |\n');
    expect(readme).toContain(
      'Lists support pagination (`?page=`, 20 per page; `?page_size=` up to 100), filtering (the parameters below; an unknown one answers 400), search (`?search=`), ordering (`?ordering=field` or `-field`).\n',
    );
    expect(readme).toContain('- **Token**: `POST /api/auth/token/`');
    expect(readme).toContain('python manage.py test\n');
  });

  it('shows versioned endpoints and escapes Markdown in user text', () => {
    const readme = readmeText({
      ...plainErd(),
      project: { name: 'notes', title: '<b>[x](y)</b>' },
      api: { versioning: 'url' },
    });
    expect(readme.startsWith('# \\<b\\>\\[x\\]\\(y\\)\\</b\\>\n')).toBe(true);
    expect(readme).toContain('| Note | core | `/api/v1/notes/` |\n');
    expect(mdText('a_b *c*\nd')).toBe('a\\_b \\*c\\* d');
  });
});
