/**
 * The runtime layer: the generated project is written to a temporary folder and run the way a
 * user would — `manage.py check`, migrations, and the generated tests — with a Django-capable
 * Python. Failures become findings on the file they came from. Without such a Python the layer
 * is skipped with the reason; it never counts as passed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findDjangoPython, runManage, type ManageResult } from '../runtime';
import { checkMessages, testFailures, tracebackFinding } from './runtime-output';
import { finding, type Finding, type SourceFile } from './types';

export interface RuntimeOptions {
  /** Interpreter with Django + DRF; when given, only it is tried. Default: found by `findDjangoPython`. */
  python?: string;
  /** Interpreters tried after `$DJFORGE_PYTHON` when `python` is not given (default: findDjangoPython's). */
  fallbacks?: readonly string[];
  /** Run the generated tests too (the slowest step). Default true. */
  tests?: boolean;
  timeoutMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface RuntimeResult {
  findings: Finding[];
  ran: boolean;
  skipped?: string;
  steps: { step: string; code: number | null; durationMs: number }[];
}

/** KEY=VALUE lines of a generated `.env.example`, so settings that read the environment start. */
export function envExample(files: readonly SourceFile[]): Record<string, string> {
  const text = files.find((f) => f.path === '.env.example')?.content ?? '';
  const env: Record<string, string> = {};
  for (const m of text.matchAll(/^[ \t]*([A-Z_][A-Z0-9_]*)[ \t]*=[ \t]*(.*)$/gm))
    env[m[1] ?? ''] = (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  return env;
}

/** Run check, migrations and tests of `files` in a temporary copy; the copy is always removed. */
export async function validateRuntime(
  files: readonly SourceFile[],
  options: RuntimeOptions = {},
): Promise<RuntimeResult> {
  const found = await findDjangoPython(
    options.python,
    options.python
      ? { env: {}, fallbacks: [] }
      : { env: options.env, ...(options.fallbacks ? { fallbacks: options.fallbacks } : {}) },
  );
  if (!found)
    return {
      findings: [],
      ran: false,
      skipped: options.python
        ? `${options.python} cannot import Django and DRF`
        : 'no Python that imports Django and DRF was found (set DJFORGE_PYTHON)',
      steps: [],
    };
  if (!files.some((f) => f.path === 'manage.py'))
    return { findings: [], ran: false, skipped: 'the project has no manage.py', steps: [] };
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-runtime-')));
  const steps: RuntimeResult['steps'] = [];
  const timeoutMs = options.timeoutMs ?? 180_000;
  const env = { DEBUG: 'False', ...envExample(files) };
  const manage = async (args: string[]): Promise<ManageResult> => {
    const r = await runManage(found.python, root, args, { timeoutMs, env });
    steps.push({ step: args.join(' '), code: r.code, durationMs: r.durationMs });
    return r;
  };
  try {
    for (const f of files) {
      const dest = path.join(root, f.path);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await fs.writeFile(dest, f.content);
    }
    const check = await manage(['check']);
    const output = `${check.stdout}\n${check.stderr}`;
    const settingsFile = files.find((f) => /(^|\/)settings(\/base)?\.py$/.test(f.path))?.path ?? 'manage.py';
    const messages = checkMessages(output, settingsFile, (file) => files.find((f) => f.path === file)?.content ?? '');
    if (check.code !== 0) {
      const findings = messages.some((m) => m.severity === 'error')
        ? messages
        : [...messages, tracebackFinding('runtime.check-failed', output, root, 'manage.py check failed', 'manage.py')];
      return { findings, ran: true, steps };
    }
    const findings = [...messages];
    const hasMigrations = files.some((f) => /(^|\/)migrations\/\d{4}_\w+\.py$/.test(f.path));
    const migrate = await manage(hasMigrations ? ['makemigrations', '--check', '--dry-run'] : ['makemigrations']);
    if (migrate.code !== 0) {
      const out = `${migrate.stdout}\n${migrate.stderr}`;
      if (hasMigrations && !/Traceback/.test(out)) {
        for (const app of new Set([...out.matchAll(/Migrations for '(\w+)'/g)].map((m) => m[1] ?? ''))) {
          findings.push(
            finding(
              'runtime',
              'error',
              'runtime.missing-migrations',
              `${app}/models.py`,
              { line: 1 },
              `The models of "${app}" changed but the generated migrations do not include the change (makemigrations --check).`,
            ),
          );
        }
      } else
        findings.push(
          tracebackFinding('runtime.makemigrations-failed', out, root, 'makemigrations failed', 'manage.py'),
        );
      return { findings, ran: true, steps };
    }
    if (options.tests !== false) {
      const test = await manage(['test', '--noinput']);
      if (test.code !== 0) {
        const out = `${test.stdout}\n${test.stderr}`;
        const failures = testFailures(out, root);
        findings.push(
          ...(failures.length > 0
            ? failures
            : [tracebackFinding('runtime.tests-crashed', out, root, 'manage.py test failed', 'manage.py')]),
        );
      }
    }
    return { findings, ran: true, steps };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
