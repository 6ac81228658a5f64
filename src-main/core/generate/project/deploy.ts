/**
 * The files that install and ship the project: `requirements.txt` (only the packages the
 * settings really use, with lower bounds that the runtime tests pass on and upper bounds that
 * keep Django within the supported 3.2–5.x), `.env.example`, a `Dockerfile` and `.gitignore`.
 */
import type { ProjectOptions } from './options';

/** Requirement lines, one package each, in a stable order. */
export function requirementLines(options: ProjectOptions): string[] {
  return [
    'Django>=3.2,<6',
    'djangorestframework>=3.14,<4',
    ...(options.filtering ? ['django-filter>=22.1'] : []),
    ...(options.openapi ? ['drf-spectacular>=0.25', 'drf-spectacular-sidecar>=2023.1'] : []),
    ...(options.schemes.includes('jwt') ? ['djangorestframework-simplejwt>=5.2'] : []),
    'django-cors-headers>=3.13',
    'django-environ>=0.4.4',
    ...(options.images ? ['Pillow>=9.0'] : []),
    'gunicorn>=20.1',
    'whitenoise>=6.0',
    'psycopg[binary]>=3.1',
  ];
}

export function requirementsText(options: ProjectOptions): string {
  return `${requirementLines(options).join('\n')}\n`;
}

/** Every environment variable settings.py reads, with a development value and what it means. */
export function envExampleText(options: ProjectOptions): string {
  const lines = [
    '# Copy to .env (read by settings.py when django-environ is installed) or export these variables.',
    '# Development values: change DJANGO_SECRET_KEY and turn DJANGO_DEBUG off in production.',
    'DJANGO_SECRET_KEY=change-me-to-a-long-random-string',
    'DJANGO_DEBUG=1',
    'DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1',
    '# Origins (scheme://host:port) allowed to send CSRF-protected requests, comma-separated.',
    'DJANGO_CSRF_TRUSTED_ORIGINS=',
    '# Browser front ends on other origins that may call the API, comma-separated.',
    'CORS_ALLOWED_ORIGINS=http://localhost:3000',
    '# Leave empty for SQLite in db.sqlite3; e.g. postgres://user:password@localhost:5432/dbname',
    '# (PostgreSQL uses psycopg from requirements.txt; MySQL needs `pip install mysqlclient`).',
    'DATABASE_URL=',
    'DJANGO_TIME_ZONE=UTC',
    '# HTTPS: cookies over HTTPS only, HTTP redirected to HTTPS, and HSTS for this many seconds',
    '# (all on when DEBUG is off; the proxy in front must set X-Forwarded-Proto).',
    'DJANGO_SECURE_COOKIES=0',
    'DJANGO_SECURE_SSL_REDIRECT=0',
    'DJANGO_SECURE_HSTS_SECONDS=0',
    'DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=0',
    'DJANGO_SECURE_HSTS_PRELOAD=0',
    'DJANGO_LOG_LEVEL=INFO',
    '# Requests per client: anonymous (per address), logged in (per user), login attempts (per address).',
    'DJANGO_THROTTLE_ANON=100/minute',
    'DJANGO_THROTTLE_USER=1000/minute',
    'DJANGO_THROTTLE_LOGIN=10/minute',
  ];
  if (options.schemes.includes('jwt')) lines.push('JWT_ACCESS_MINUTES=30', 'JWT_REFRESH_DAYS=1');
  return `${lines.join('\n')}\n`;
}

/** A production image: dependencies first (cached layer), static files collected, non-root user. */
export function dockerfileText(options: ProjectOptions): string {
  return `FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1

WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN python manage.py collectstatic --noinput \\
    && useradd --create-home --uid 1000 app \\
    && chown -R app /app
USER app

EXPOSE 8000
# Provide DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL at run time; the container
# applies pending migrations before it starts serving.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn ${options.package}.wsgi:application --bind 0.0.0.0:8000 --workers 3"]
`;
}

/** PostgreSQL with a healthcheck, and the API started once the database answers. */
export function composeText(options: ProjectOptions): string {
  return `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_DB: ${options.package}
      POSTGRES_USER: ${options.package}
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-change-me}
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U ${options.package} -d ${options.package}"]
      interval: 5s
      timeout: 5s
      retries: 10

  api:
    build: .
    ports:
      - "8000:8000"
    environment:
      DJANGO_SECRET_KEY: \${DJANGO_SECRET_KEY:?set DJANGO_SECRET_KEY}
      DJANGO_ALLOWED_HOSTS: \${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}
      DATABASE_URL: postgres://${options.package}:\${POSTGRES_PASSWORD:-change-me}@db:5432/${options.package}
      # Plain HTTP on this machine; behind a TLS proxy in production, leave these at their defaults (on).
      DJANGO_SECURE_SSL_REDIRECT: \${DJANGO_SECURE_SSL_REDIRECT:-0}
      DJANGO_SECURE_COOKIES: \${DJANGO_SECURE_COOKIES:-0}
      DJANGO_SECURE_HSTS_SECONDS: \${DJANGO_SECURE_HSTS_SECONDS:-0}
    depends_on:
      db:
        condition: service_healthy
    healthcheck:
      test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health/')"]
      interval: 10s
      timeout: 5s
      retries: 5

volumes:
  db-data:
`;
}

export const GITIGNORE = `# Python
__pycache__/
*.py[cod]
.venv/
venv/

# Local configuration and data
.env
db.sqlite3
db.sqlite3-journal
media/
staticfiles/

# Tools
.coverage
htmlcov/
.pytest_cache/
.mypy_cache/
.idea/
.vscode/
`;

/** Keeps local secrets, databases and caches out of the Docker build context. */
export const DOCKERIGNORE = `.env
.djforge/
.git/
.venv/
venv/
__pycache__/
*.py[cod]
db.sqlite3
media/
staticfiles/
`;
