/**
 * The generated code runs: for the hand-written fixtures, the stress ERDs and every example ERD,
 * the generated project passes `manage.py check`, `makemigrations`, `makemigrations --check`,
 * `migrate` and its own API tests on a real Django — the system's (3.2) and 4.2 and 5.2 where
 * `scripts/django-versions.sh` has cached them. Each missing version is skipped with the reason.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { importErdText } from '../erd';
import { runManage } from '../runtime';
import { shopErd, plainErd } from '../../../test-support/fixtures/app-erds';
import { generateProject } from './index';
import { stressErds } from '../../../test-support/fixtures/stress-erds';
import { EXAMPLES_DIR, EXAMPLE_NAMES } from '../../../test-support/examples';
import { djangoTargets, type DjangoTarget } from '../../../test-support/django-versions';

const EXAMPLES = EXAMPLES_DIR;
const STEPS: readonly (readonly string[])[] = [
  ['check'],
  ['makemigrations'],
  ['makemigrations', '--check', '--dry-run'],
  ['migrate', '--noinput'],
  ['test', '--noinput'],
];
const LANES = 2;

const { targets, missing } = await djangoTargets();
const root = await mkdtemp(path.join(tmpdir(), 'djforge-runtime-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function exampleErds(): Promise<[string, Erd][]> {
  const names = [...EXAMPLE_NAMES].filter((n) => n.endsWith('.json')).sort();
  const out: [string, Erd][] = [];
  for (const name of names) {
    const { erd } = importErdText(await readFile(path.join(EXAMPLES, name), 'utf8'), name);
    if (erd === undefined || erd === null) throw new Error(`${name} did not import`);
    out.push([`example ${name}`, erd]);
  }
  return out;
}

const projects: [string, Erd][] = [
  ['fixture shopErd', shopErd()],
  ['fixture plainErd', plainErd()],
  ...Object.entries(stressErds()).map(([name, erd]): [string, Erd] => [`stress ${name}`, erd]),
  ...(await exampleErds()),
];

let running = 0;
const waiting: (() => void)[] = [];
async function inLane<T>(work: () => Promise<T>): Promise<T> {
  if (running >= LANES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function writeFiles(dir: string, erd: Erd): Promise<void> {
  for (const file of generateProject(erd)) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

for (const { series, reason } of missing)
  describe.skip(`generated projects run on Django ${series} — skipped: ${reason}`, () => {
    it('runs the examples and the stress ERDs', () => undefined);
  });

for (const target of targets) describe(`generated projects run on Django ${target.djangoVersion}`, () => suite(target));

function suite(target: DjangoTarget): void {
  const env: Record<string, string> = target.pythonPath ? { PYTHONPATH: target.pythonPath } : {};
  const base = path.join(root, target.series);
  it('has examples to run', () => {
    expect(projects.filter(([name]) => name.startsWith('example ')).length).toBeGreaterThanOrEqual(4);
  });

  for (const [name, erd] of projects) {
    it.concurrent(
      `${name}: check, makemigrations, migrate and the generated tests pass`,
      async () => {
        await inLane(async () => {
          const dir = path.join(base, name.replace(/[^A-Za-z0-9]+/g, '-'));
          await writeFiles(dir, erd);
          for (const step of STEPS) {
            const result = await runManage(target.python, dir, step, { timeoutMs: 120_000, env });
            const report = `Django ${target.djangoVersion}: manage.py ${step.join(' ')} in ${dir} exited ${String(result.code)}\n${tail(result.stdout)}\n${tail(result.stderr)}`;
            expect(result.code, report).toBe(0);
          }
        });
      },
      300_000,
    );
  }

  it.concurrent(
    'settings come from the environment or .env, and a server without a secret key refuses to start',
    async () => {
      await inLane(async () => {
        const dir = path.join(base, 'settings-env');
        await writeFiles(dir, plainErd());
        const show = [
          'shell',
          '-c',
          'from django.conf import settings as s; print(s.DEBUG, s.SECRET_KEY, s.ALLOWED_HOSTS, s.CORS_ALLOWED_ORIGINS)',
        ];
        // The last line: Django 5.2's shell first says how many objects it imported automatically.
        const run = (extra: Record<string, string>) =>
          runManage(target.python, dir, show, { env: { ...env, ...extra } });
        const bare = await run({});
        expect(bare.code).not.toBe(0);
        expect(bare.stderr).toContain('Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).');
        expect((await run({ DJANGO_SECRET_KEY: 'from-env' })).stdout.trim().split('\n').pop()).toBe(
          "False from-env ['localhost', '127.0.0.1'] []",
        );
        expect((await run({ DJANGO_DEBUG: '1' })).stdout.trim().split('\n').pop()).toBe(
          "True django-insecure-development-only-key-do-not-use-in-production ['localhost', '127.0.0.1'] []",
        );
        const hosts = await run({
          DJANGO_SECRET_KEY: 'k',
          DJANGO_ALLOWED_HOSTS: 'api.example.com, x.example.com',
          CORS_ALLOWED_ORIGINS: 'https://app.example.com',
        });
        expect(hosts.stdout.trim().split('\n').pop()).toBe(
          "False k ['api.example.com', 'x.example.com'] ['https://app.example.com']",
        );
        await writeFile(path.join(dir, '.env'), await readFile(path.join(dir, '.env.example'), 'utf8'));
        expect((await run({})).stdout.trim().split('\n').pop()).toBe(
          "True change-me-to-a-long-random-string ['localhost', '127.0.0.1'] ['http://localhost:3000']",
        );
      });
    },
    300_000,
  );
}
