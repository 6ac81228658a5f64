/**
 * `<project>/settings.py`. Everything that differs between machines comes from environment
 * variables (optionally loaded from `.env` when django-environ is installed). The defaults are
 * safe: DEBUG is off, there is no CORS allow-all, and the built-in development secret is only
 * used when DEBUG is on or for management commands that never serve a request (check, migrate,
 * makemigrations, test, collectstatic), so `manage.py test` works on a fresh checkout while a
 * production server without `DJANGO_SECRET_KEY` refuses to start.
 */
import type { Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { appConfigClass } from '../names';
import { pyList, pyName } from '../app/py-format';
import { projectOptions, type AuthScheme, type ProjectOptions } from './options';
import { pyText } from './py-text';

const AUTH_CLASSES: Record<AuthScheme, string> = {
  jwt: 'rest_framework_simplejwt.authentication.JWTAuthentication',
  token: 'rest_framework.authentication.TokenAuthentication',
  session: 'rest_framework.authentication.SessionAuthentication',
};

/** The management commands allowed to fall back to the development secret. */
export const OFFLINE_COMMANDS = ['check', 'collectstatic', 'makemigrations', 'migrate', 'showmigrations', 'test'];

/** INSTALLED_APPS in Django's conventional order: contrib, third party, then the project's apps. */
export function installedApps(options: ProjectOptions): string[] {
  return [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'rest_framework',
    ...(options.schemes.includes('token') ? ['rest_framework.authtoken'] : []),
    ...(options.filtering ? ['django_filters'] : []),
    ...(options.openapi ? ['drf_spectacular'] : []),
    'corsheaders',
    ...options.apps.map((app) => `${app}.apps.${appConfigClass(app)}`),
  ];
}

function dict(entries: readonly string[]): string {
  return `{\n${entries.map((e) => `    ${e.replace(/\n/g, '\n    ')},`).join('\n')}\n}`;
}

const entry = (key: string, value: string): string => `${pyName(key)}: ${value}`;
const nameList = (key: string, items: readonly string[]): string => pyList(`${pyName(key)}: `, items.map(pyName), 1);

/**
 * Request rates per scope (each overridable by \`DJANGO_THROTTLE_<SCOPE>\`): anonymous clients by
 * address, logged-in users by account, and the login endpoints far stricter against password guessing.
 */
export const THROTTLE_RATES: readonly [string, string][] = [
  ['anon', '100/minute'],
  ['user', '1000/minute'],
  ['login', '10/minute'],
];

/** The REST_FRAMEWORK setting as Python source. */
export function restFrameworkCode(options: ProjectOptions): string {
  const backends = [
    ...(options.filtering ? ['django_filters.rest_framework.DjangoFilterBackend'] : []),
    ...(options.search ? ['rest_framework.filters.SearchFilter'] : []),
    ...(options.ordering ? ['rest_framework.filters.OrderingFilter'] : []),
  ];
  const entries = [
    nameList(
      'DEFAULT_AUTHENTICATION_CLASSES',
      options.schemes.map((s) => AUTH_CLASSES[s]),
    ),
    nameList('DEFAULT_PERMISSION_CLASSES', ['rest_framework.permissions.IsAuthenticated']),
  ];
  if (options.pageSize !== null) {
    entries.push(entry('DEFAULT_PAGINATION_CLASS', pyName(`${options.package}.api.PageNumberPagination`)));
    entries.push(entry('PAGE_SIZE', String(options.pageSize)));
  }
  entries.push(
    nameList('DEFAULT_THROTTLE_CLASSES', [
      'rest_framework.throttling.AnonRateThrottle',
      'rest_framework.throttling.UserRateThrottle',
    ]),
    `'DEFAULT_THROTTLE_RATES': {\n${THROTTLE_RATES.map(([scope, rate]) => `    ${pyName(scope)}: os.environ.get(${pyName(`DJANGO_THROTTLE_${scope.toUpperCase()}`)}, ${pyName(rate)}),`).join('\n')}\n}`,
  );
  entries.push(nameList('DEFAULT_FILTER_BACKENDS', backends));
  if (options.version !== null) {
    entries.push(entry('DEFAULT_VERSIONING_CLASS', pyName('rest_framework.versioning.URLPathVersioning')));
    entries.push(entry('DEFAULT_VERSION', pyName(options.version)), nameList('ALLOWED_VERSIONS', [options.version]));
  }
  if (options.openapi) entries.push(entry('DEFAULT_SCHEMA_CLASS', pyName('drf_spectacular.openapi.AutoSchema')));
  return `REST_FRAMEWORK = ${dict(entries)}`;
}

/** Swagger UI when drf-spectacular-sidecar is missing: a pinned release, never \`@latest\`. */
export const SWAGGER_UI_CDN = 'https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0';

const SIDECAR_IMPORT = `

try:
    import drf_spectacular_sidecar
except ImportError:  # optional: without it, Swagger UI comes from a pinned CDN release.
    drf_spectacular_sidecar = None`;

const SIDECAR_BLOCK = `# Swagger UI from this server (drf-spectacular-sidecar, in requirements.txt) when it is installed;
# without it, the pinned CDN release above.
if drf_spectacular_sidecar is not None:
    INSTALLED_APPS.append('drf_spectacular_sidecar')
    SPECTACULAR_SETTINGS.update(SWAGGER_UI_DIST='SIDECAR', SWAGGER_UI_FAVICON_HREF='SIDECAR', REDOC_DIST='SIDECAR')`;

function optionalBlocks(options: ProjectOptions): string[] {
  const blocks: string[] = [];
  if (options.openapi) {
    const entries = [
      entry('TITLE', pyText(options.title)),
      entry('DESCRIPTION', pyText(options.description)),
      entry('VERSION', pyName('1.0.0')),
      entry('SERVE_INCLUDE_SCHEMA', 'False'),
      nameList('SERVE_PERMISSIONS', [
        options.publicDocs ? 'rest_framework.permissions.AllowAny' : 'rest_framework.permissions.IsAuthenticated',
      ]),
      // Uploads are described as multipart with binary parts, not as JSON strings.
      entry('COMPONENT_SPLIT_REQUEST', 'True'),
      entry('SWAGGER_UI_DIST', pyStr(SWAGGER_UI_CDN)),
    ];
    blocks.push(`SPECTACULAR_SETTINGS = ${dict(entries)}`, SIDECAR_BLOCK);
  }
  if (options.schemes.includes('jwt')) {
    blocks.push(
      `SIMPLE_JWT = ${dict([
        entry('ACCESS_TOKEN_LIFETIME', "timedelta(minutes=env_int('JWT_ACCESS_MINUTES', 30))"),
        entry('REFRESH_TOKEN_LIFETIME', "timedelta(days=env_int('JWT_REFRESH_DAYS', 1))"),
      ])}`,
    );
  }
  return blocks;
}

const HEAD = (options: ProjectOptions): string => `"""
Django settings of ${pyStr(options.title).slice(1, -1)}, generated by DjForge Studio.

Configure it with environment variables (see .env.example); a .env file next to manage.py is
read when django-environ is installed. Defaults are safe for development and tests: DEBUG is
off unless DJANGO_DEBUG=1, and the built-in secret key is used only with DEBUG on or by
management commands that never serve requests, so production must set DJANGO_SECRET_KEY.
"""
import os
import sys
from pathlib import Path${options.schemes.includes('jwt') ? '\nfrom datetime import timedelta' : ''}

from django.core.exceptions import ImproperlyConfigured

try:
    import environ
except ImportError:  # django-environ is optional: plain environment variables still work.
    environ = None${options.openapi ? SIDECAR_IMPORT : ''}

BASE_DIR = Path(__file__).resolve().parent.parent

if environ is not None and (BASE_DIR / '.env').is_file():
    environ.Env.read_env(str(BASE_DIR / '.env'))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == '':
        return default
    return value.strip().lower() in ('1', 'true', 'yes', 'on')


def env_int(name, default):
    value = os.environ.get(name, '').strip()
    return int(value) if value else default


def env_list(name, default=''):
    return [item.strip() for item in os.environ.get(name, default).split(',') if item.strip()]`;

const CORE = (options: ProjectOptions): string => `DEBUG = env_bool('DJANGO_DEBUG', False)

# The development key below is public: it is accepted only with DEBUG on or for commands that
# never serve a request, so a server started without DJANGO_SECRET_KEY fails loudly instead.
_PROGRAM = Path(sys.argv[0]).name if sys.argv else ''
if _PROGRAM in ('manage.py', 'django-admin'):
    _COMMAND = sys.argv[1] if len(sys.argv) > 1 else ''
else:
    _COMMAND = 'test' if _PROGRAM in ('pytest', 'py.test') else ''
SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '')
if not SECRET_KEY:
    if not (DEBUG or _COMMAND in (${OFFLINE_COMMANDS.map(pyName).join(', ')})):
        raise ImproperlyConfigured('Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).')
    SECRET_KEY = 'django-insecure-development-only-key-do-not-use-in-production'

ALLOWED_HOSTS = env_list('DJANGO_ALLOWED_HOSTS', 'localhost,127.0.0.1')
CSRF_TRUSTED_ORIGINS = env_list('DJANGO_CSRF_TRUSTED_ORIGINS')

${pyList('INSTALLED_APPS = ', installedApps(options).map(pyName))}

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    # Serves the collected static files (the admin's styles included) under gunicorn.
    'whitenoise.middleware.WhiteNoiseMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'corsheaders.middleware.CorsMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
]

ROOT_URLCONF = '${options.package}.urls'
WSGI_APPLICATION = '${options.package}.wsgi.application'

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [],
        'APP_DIRS': True,
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.debug',
                'django.template.context_processors.request',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
            ],
        },
    },
]

if os.environ.get('DATABASE_URL'):
    if environ is None:
        raise ImproperlyConfigured('DATABASE_URL is set, but django-environ is not installed to read it.')
    DATABASES = {'default': environ.Env.db_url_config(os.environ['DATABASE_URL'])}
else:
    DATABASES = {
        'default': {
            'ENGINE': 'django.db.backends.sqlite3',
            'NAME': BASE_DIR / 'db.sqlite3',
        }
    }

DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
${options.authUserModel === null ? '' : `\n# The ERD's user entity is the login user (a custom AbstractUser model).\nAUTH_USER_MODEL = ${pyName(options.authUserModel)}\n`}
AUTH_PASSWORD_VALIDATORS = [
    {'NAME': 'django.contrib.auth.password_validation.UserAttributeSimilarityValidator'},
    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'},
    {'NAME': 'django.contrib.auth.password_validation.CommonPasswordValidator'},
    {'NAME': 'django.contrib.auth.password_validation.NumericPasswordValidator'},
]

LANGUAGE_CODE = 'en-us'
TIME_ZONE = os.environ.get('DJANGO_TIME_ZONE', 'UTC')
USE_I18N = True
USE_TZ = True

STATIC_URL = '/static/'
STATIC_ROOT = BASE_DIR / 'staticfiles'
MEDIA_URL = '/media/'
MEDIA_ROOT = Path(os.environ.get('DJANGO_MEDIA_ROOT', str(BASE_DIR / 'media')))

# Browser clients on other origins: only the origins listed, never all.
CORS_ALLOWED_ORIGINS = env_list('CORS_ALLOWED_ORIGINS')

# HTTPS in production (what \`manage.py check --deploy\` asks for), off with DEBUG and under tests.
# Behind a proxy that terminates TLS, it must set X-Forwarded-Proto (and strip a client's own).
_SERVING_HTTPS = not DEBUG and _COMMAND != 'test'
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
SECURE_SSL_REDIRECT = env_bool('DJANGO_SECURE_SSL_REDIRECT', _SERVING_HTTPS)
# The load balancer's plain-HTTP health check is answered instead of redirected.
SECURE_REDIRECT_EXEMPT = [r'^health/$']
SECURE_HSTS_SECONDS = env_int('DJANGO_SECURE_HSTS_SECONDS', 3600 if _SERVING_HTTPS else 0)
# Subdomains must be HTTPS too; the preload flag only allows submitting the domain to browsers' list.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool('DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS', _SERVING_HTTPS)
SECURE_HSTS_PRELOAD = env_bool('DJANGO_SECURE_HSTS_PRELOAD', _SERVING_HTTPS)
SESSION_COOKIE_SECURE = env_bool('DJANGO_SECURE_COOKIES', not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = 'DENY'

# Everything to stdout, where containers and process managers collect it. Tests log errors only,
# so the 4xx answers they provoke on purpose do not flood their output.
_LOG_LEVEL = os.environ.get('DJANGO_LOG_LEVEL') or ('ERROR' if _COMMAND == 'test' else 'INFO')
LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'formatters': {'plain': {'format': '{asctime} {levelname} {name}: {message}', 'style': '{'}},
    'handlers': {'stdout': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout', 'formatter': 'plain'}},
    'root': {'handlers': ['stdout'], 'level': _LOG_LEVEL},
    'loggers': {'django': {'handlers': ['stdout'], 'level': _LOG_LEVEL, 'propagate': False}},
}`;

/** The whole settings module for the ERD. */
export function settingsCode(erd: Erd): string {
  const options = projectOptions(erd);
  const blocks = [CORE(options), restFrameworkCode(options), ...optionalBlocks(options)];
  return `${HEAD(options)}\n\n\n${blocks.join('\n\n')}\n`;
}
