import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { projectOptions } from './options';
import { installedApps, restFrameworkCode, settingsCode } from './settings';

const erdWith = (api: Erd['api'], auth?: Erd['auth']): Erd => ({ ...plainErd(), api, auth });

describe('installedApps', () => {
  it('lists contrib, DRF, the extras the ERD uses, CORS, then each app by its AppConfig', () => {
    expect(installedApps(projectOptions(shopErd())).slice(6)).toEqual([
      'rest_framework',
      'rest_framework.authtoken',
      'django_filters',
      'drf_spectacular',
      'corsheaders',
      'shop.apps.ShopConfig',
      'crm.apps.CrmConfig',
    ]);
  });

  it('leaves out authtoken, django_filters and drf_spectacular when unused', () => {
    const options = projectOptions(erdWith({ filtering: false, openapi: false }, { schemes: ['jwt'] }));
    expect(installedApps(options).slice(6)).toEqual(['rest_framework', 'corsheaders', 'core.apps.CoreConfig']);
  });
});

describe('restFrameworkCode', () => {
  it('writes auth, permission, pagination, filter, versioning and schema settings', () => {
    const options = projectOptions(
      erdWith({ versioning: 'url', pagination: { pageSize: 5 }, search: false }, { schemes: ['jwt'] }),
    );
    expect(restFrameworkCode(options)).toBe(`REST_FRAMEWORK = {
    'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework_simplejwt.authentication.JWTAuthentication'],
    'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],
    'DEFAULT_PAGINATION_CLASS': 'notes.api.PageNumberPagination',
    'PAGE_SIZE': 5,
    'DEFAULT_THROTTLE_CLASSES': [
        'rest_framework.throttling.AnonRateThrottle',
        'rest_framework.throttling.UserRateThrottle',
    ],
    'DEFAULT_THROTTLE_RATES': {
        'anon': os.environ.get('DJANGO_THROTTLE_ANON', '100/minute'),
        'user': os.environ.get('DJANGO_THROTTLE_USER', '1000/minute'),
        'login': os.environ.get('DJANGO_THROTTLE_LOGIN', '10/minute'),
    },
    'DEFAULT_FILTER_BACKENDS': [
        'django_filters.rest_framework.DjangoFilterBackend',
        'rest_framework.filters.OrderingFilter',
    ],
    'DEFAULT_VERSIONING_CLASS': 'rest_framework.versioning.URLPathVersioning',
    'DEFAULT_VERSION': 'v1',
    'ALLOWED_VERSIONS': ['v1'],
    'DEFAULT_SCHEMA_CLASS': 'drf_spectacular.openapi.AutoSchema',
}`);
  });

  it('has no pagination, backends or schema class when all are off', () => {
    const code = restFrameworkCode(
      projectOptions(
        erdWith(
          { pagination: false, filtering: false, search: false, ordering: false, openapi: false },
          { schemes: [] },
        ),
      ),
    );
    expect(code).toBe(`REST_FRAMEWORK = {
    'DEFAULT_AUTHENTICATION_CLASSES': [],
    'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],
    'DEFAULT_THROTTLE_CLASSES': [
        'rest_framework.throttling.AnonRateThrottle',
        'rest_framework.throttling.UserRateThrottle',
    ],
    'DEFAULT_THROTTLE_RATES': {
        'anon': os.environ.get('DJANGO_THROTTLE_ANON', '100/minute'),
        'user': os.environ.get('DJANGO_THROTTLE_USER', '1000/minute'),
        'login': os.environ.get('DJANGO_THROTTLE_LOGIN', '10/minute'),
    },
    'DEFAULT_FILTER_BACKENDS': [],
}`);
  });
});

describe('settingsCode', () => {
  const code = settingsCode(shopErd());

  it('reads secrets, debug, hosts, CORS and the database from the environment with safe defaults', () => {
    expect(code).toContain("DEBUG = env_bool('DJANGO_DEBUG', False)\n");
    expect(code).toContain("SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '')\n");
    expect(code).toContain(
      "    if not (DEBUG or _COMMAND in ('check', 'collectstatic', 'makemigrations', 'migrate', 'showmigrations', 'test')):\n",
    );
    expect(code).toContain(
      "if _PROGRAM in ('manage.py', 'django-admin'):\n    _COMMAND = sys.argv[1] if len(sys.argv) > 1 else ''\n",
    );
    expect(code).toContain("ALLOWED_HOSTS = env_list('DJANGO_ALLOWED_HOSTS', 'localhost,127.0.0.1')\n");
    expect(code).toContain("CORS_ALLOWED_ORIGINS = env_list('CORS_ALLOWED_ORIGINS')\n");
    expect(code).not.toContain('CORS_ALLOW_ALL_ORIGINS');
    expect(code).toContain("    DATABASES = {'default': environ.Env.db_url_config(os.environ['DATABASE_URL'])}\n");
    expect(code).toContain("            'NAME': BASE_DIR / 'db.sqlite3',\n");
  });

  it('points at the project package and sets the auto field, static and media', () => {
    expect(code).toContain("ROOT_URLCONF = 'shopsite.urls'\nWSGI_APPLICATION = 'shopsite.wsgi.application'\n");
    expect(code).toContain("DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'\n");
    expect(code).toContain("STATIC_ROOT = BASE_DIR / 'staticfiles'\n");
    expect(code).toContain("MEDIA_ROOT = Path(os.environ.get('DJANGO_MEDIA_ROOT', str(BASE_DIR / 'media')))\n");
  });

  it('puts CORS middleware before CommonMiddleware', () => {
    expect(code.indexOf("'corsheaders.middleware.CorsMiddleware'")).toBeLessThan(
      code.indexOf("'django.middleware.common.CommonMiddleware'"),
    );
  });

  it('escapes the title in the docstring and in SPECTACULAR_SETTINGS', () => {
    const nasty = settingsCode({ ...plainErd(), project: { name: 'notes', title: 'A """quoted"""\\ title' } });
    expect(nasty).toContain('Django settings of A \\"\\"\\"quoted\\"\\"\\"\\\\ title, generated by DjForge Studio.');
    expect(nasty).toContain(`    'TITLE': "A \\"\\"\\"quoted\\"\\"\\"\\\\ title",\n`);
  });

  it('configures SimpleJWT and imports timedelta only with JWT', () => {
    const jwt = settingsCode(erdWith({}, { schemes: ['jwt'] }));
    expect(jwt).toContain('from datetime import timedelta\n');
    expect(jwt).toContain("    'ACCESS_TOKEN_LIFETIME': timedelta(minutes=env_int('JWT_ACCESS_MINUTES', 30)),\n");
    expect(code).not.toContain('timedelta');
  });

  it('is deterministic and ends with one newline', () => {
    expect(settingsCode(shopErd())).toBe(code);
    expect(code.endsWith('\n') && !code.endsWith('\n\n')).toBe(true);
  });
});
