/**
 * The runtime layer: the generated project is written to a temporary folder and run the way a
 * user would — `manage.py check`, migrations, and the generated tests — with a Django-capable
 * Python. Failures become findings on the file they came from. Without such a Python the layer
 * is skipped with the reason; it never counts as passed.
 *
 * Running the project runs its code (Django executes class bodies at `check`), so it runs inside
 * a sandbox (bubblewrap on Linux, sandbox-exec on macOS) wherever one works. Where none does,
 * only DjForge's own template output is run; files a model wrote or a person edited make the
 * layer skip with a notice, unless the person opted in to running them unconfined.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findDjangoPython, findSandbox, runManage, trackedTempDir, type ManageResult, type Sandbox } from '../runtime';
import { checkMessages, testFailures, tracebackFinding } from './runtime-output';
import { testResults, type TestResult } from './runtime-tests';
import { finding, type Finding, type SourceFile } from './types';

export interface RuntimeOptions {
  /** Interpreter with Django + DRF; when given, only it is tried. Default: found by `findDjangoPython`. */
  python?: string;
  /** Interpreters tried after `$DJFORGE_PYTHON` when `python` is not given (default: findDjangoPython's). */
  fallbacks?: readonly string[];
  /** `PYTHONPATH` for that interpreter (another Django); default `$DJFORGE_PYTHONPATH`. */
  pythonPath?: string;
  /** Run the generated tests too (the slowest step). Default true. */
  tests?: boolean;
  /** Run only these tests (`app.tests.Class.test_x` labels); default all. */
  testLabels?: readonly string[];
  /** Run `makemigrations` (default true); the attribution's reruns of a check or a test skip it. */
  migrations?: boolean;
  /** Run `manage.py check` (default true); a rerun of failing tests skips it (the tests check too). */
  check?: boolean;
  timeoutMs?: number;
  /** Where `DJFORGE_PYTHON`, `DJFORGE_PYTHONPATH` and `DJFORGE_UNSANDBOXED_RUNTIME` are read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Files whose text DjForge's template engine did not write (a model's, a cache's, a person's
   * edit): `true` (the default) means all of them, `false` none, or the list of paths.
   */
  untrusted?: boolean | readonly string[];
  /**
   * Run untrusted files even where no sandbox works (the CLI's `--unsandboxed-runtime`, the
   * `DJFORGE_UNSANDBOXED_RUNTIME=1` setting). Default false.
   */
  allowUnsandboxed?: boolean;
  /** The bubblewrap program; default `bwrap`. */
  bwrap?: string;
  /** Aborting kills the running `manage.py` and removes the copy; the result is a skip. */
  signal?: AbortSignal;
  /** Told as each `manage.py` step starts (`check`, `makemigrations …`, `test …`): a host's progress. */
  onStep?: (step: string) => void;
}

export interface RuntimeResult {
  findings: Finding[];
  ran: boolean;
  skipped?: string;
  /** The sandbox the project ran in, or `none` (template output where no sandbox works, or opted in). */
  sandbox?: Sandbox['kind'] | 'none';
  /** Why the project ran unconfined, or why a sandbox was not available; for the person to read. */
  notice?: string;
  /** `django.get_version()` of the interpreter used. */
  djangoVersion?: string;
  steps: { step: string; code: number | null; durationMs: number }[];
  /** Every test the run reached, with its outcome and file (absent when the tests did not run). */
  tests?: TestResult[];
}

/** KEY=VALUE lines of a generated `.env.example`, so settings that read the environment start. */
export function envExample(files: readonly SourceFile[]): Record<string, string> {
  const text = files.find((f) => f.path === '.env.example')?.content ?? '';
  const env: Record<string, string> = {};
  for (const m of text.matchAll(/^[ \t]*([A-Z_][A-Z0-9_]*)[ \t]*=[ \t]*(.*)$/gm))
    env[m[1] ?? ''] = (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  return env;
}

/** The files of `files` that `untrusted` names (all, none, or the listed paths). */
function untrustedFiles(files: readonly SourceFile[], untrusted: RuntimeOptions['untrusted']): string[] {
  if (untrusted === false) return [];
  if (untrusted === undefined || untrusted === true) return files.map((f) => f.path);
  const named = new Set(untrusted);
  return files.filter((f) => named.has(f.path)).map((f) => f.path);
}

const listed = (paths: readonly string[]): string =>
  paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;

const skip = (skipped: string, extra: Partial<RuntimeResult> = {}): RuntimeResult => ({
  findings: [],
  ran: false,
  skipped,
  steps: [],
  ...extra,
});

/**
 * Run check, migrations and tests of `files` in a temporary copy, in a sandbox where one works;
 * the copy is always removed (also on cancel, Ctrl-C, SIGTERM and the parent's exit).
 */
export async function validateRuntime(
  files: readonly SourceFile[],
  options: RuntimeOptions = {},
): Promise<RuntimeResult> {
  const env = options.env ?? process.env;
  const pythonPath = options.pythonPath ?? env.DJFORGE_PYTHONPATH;
  const found = await findDjangoPython(
    options.python,
    options.python
      ? { env: {}, fallbacks: [], ...(pythonPath ? { pythonPath } : {}) }
      : { env, ...(options.fallbacks ? { fallbacks: options.fallbacks } : {}), ...(pythonPath ? { pythonPath } : {}) },
  );
  if (!found)
    return skip(
      options.python
        ? `${options.python} cannot import Django and DRF${pythonPath ? ` (PYTHONPATH=${pythonPath})` : ''}`
        : 'no Python that imports Django and DRF was found (set DJFORGE_PYTHON)',
    );
  if (!files.some((f) => f.path === 'manage.py')) return skip('the project has no manage.py');
  const probe = await findSandbox(options.bwrap ? { bwrap: options.bwrap } : {});
  const untrusted = untrustedFiles(files, options.untrusted);
  const optedIn = options.allowUnsandboxed === true || env.DJFORGE_UNSANDBOXED_RUNTIME === '1';
  if (!probe.sandbox && untrusted.length > 0 && !optedIn)
    return skip(
      `model-written or edited files (${listed(untrusted)}) are never run outside a sandbox, and ${probe.reason}; ` +
        'pass --unsandboxed-runtime (or set DJFORGE_UNSANDBOXED_RUNTIME=1) to run them anyway',
      { sandbox: 'none', notice: probe.reason, djangoVersion: found.djangoVersion },
    );
  const notice = probe.sandbox
    ? undefined
    : untrusted.length > 0
      ? `ran model-written files unconfined as asked (${probe.reason})`
      : `ran DjForge's template output without a sandbox (${probe.reason})`;
  const status = {
    sandbox: probe.sandbox?.kind ?? ('none' as const),
    djangoVersion: found.djangoVersion,
    ...(notice ? { notice } : {}),
  };
  if (options.signal?.aborted) return skip('cancelled', status);
  const temp = await trackedTempDir();
  try {
    const result = await runSteps(files, temp.dir, {
      python: found.python,
      sandbox: probe.sandbox,
      timeoutMs: options.timeoutMs ?? 180_000,
      env: { DEBUG: 'False', ...envExample(files), ...(found.pythonPath ? { PYTHONPATH: found.pythonPath } : {}) },
      tests: options.tests !== false,
      testLabels: options.testLabels ?? [],
      migrations: options.migrations !== false,
      check: options.check !== false,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onStep ? { onStep: options.onStep } : {}),
    });
    return options.signal?.aborted ? skip('cancelled', { ...status, steps: result.steps }) : { ...result, ...status };
  } finally {
    temp.release();
  }
}

interface StepSetup {
  python: string;
  sandbox: Sandbox | null;
  timeoutMs: number;
  env: Record<string, string>;
  tests: boolean;
  testLabels: readonly string[];
  migrations: boolean;
  check: boolean;
  signal?: AbortSignal;
  onStep?: (step: string) => void;
}

/** Adds a later step's crash unless an earlier step already reported the same place (the same import error). */
function addNew(findings: Finding[], crash: Finding): void {
  if (!findings.some((f) => f.file === crash.file && f.line === crash.line)) findings.push(crash);
}

/** check, then makemigrations, then the tests, in `root`; every step runs even when an earlier one fails. */
async function runSteps(files: readonly SourceFile[], root: string, setup: StepSetup): Promise<RuntimeResult> {
  const steps: RuntimeResult['steps'] = [];
  const manage = async (args: string[], step = args.join(' ')): Promise<ManageResult> => {
    setup.onStep?.(step);
    const r = await runManage(setup.python, root, args, {
      timeoutMs: setup.timeoutMs,
      env: setup.env,
      sandbox: setup.sandbox,
      ...(setup.signal ? { signal: setup.signal } : {}),
    });
    steps.push({ step, code: r.code, durationMs: r.durationMs });
    return r;
  };
  for (const f of files) {
    const dest = path.join(root, f.path);
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.writeFile(dest, f.content);
  }
  // A step that ran out of time says nothing about any file: the layer did not finish, which is a
  // project-level notice, and every file keeps its static score (no finding on manage.py).
  const unfinished = (step: string): RuntimeResult => {
    const why = `manage.py ${step} did not finish within ${Math.round(setup.timeoutMs / 1000)} s`;
    return { findings: [], ran: false, skipped: why, notice: `The runtime layer did not finish: ${why}.`, steps };
  };
  const check = setup.check ? await manage(['check']) : { code: 0, stdout: '', stderr: '', timedOut: false };
  if (check.timedOut) return unfinished('check');
  const output = `${check.stdout}\n${check.stderr}`;
  const settingsFile = files.find((f) => /(^|\/)settings(\/base)?\.py$/.test(f.path))?.path ?? 'manage.py';
  const messages = checkMessages(output, settingsFile, (file) => files.find((f) => f.path === file)?.content ?? '');
  // A failing check does not stop the other steps: the migrations and the tests still say what
  // else is wrong, so a mistake behind the first one is never approved unseen.
  const checkFailed = check.code !== 0;
  const findings =
    !checkFailed || messages.some((m) => m.severity === 'error')
      ? [...messages]
      : [...messages, tracebackFinding('runtime.check-failed', output, root, 'manage.py check failed', 'manage.py')];
  const hasMigrations = files.some((f) => /(^|\/)migrations\/\d{4}_\w+\.py$/.test(f.path));
  // Without shipped migrations, makemigrations writes the ones the tests' database needs: it runs.
  const migrate =
    setup.migrations || !hasMigrations
      ? await manage(hasMigrations ? ['makemigrations', '--check', '--dry-run'] : ['makemigrations'])
      : null;
  if (migrate?.timedOut) return unfinished('makemigrations');
  if (migrate && migrate.code !== 0) {
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
    } else if (!checkFailed || !/SystemCheckError/.test(out))
      addNew(
        findings,
        tracebackFinding('runtime.makemigrations-failed', out, root, 'makemigrations failed', 'manage.py'),
      );
  }
  let tests: TestResult[] | undefined;
  if (setup.tests) {
    const labels = setup.testLabels;
    const test = await manage(['test', '--noinput', '-v', '2', ...labels], ['test', '--noinput', ...labels].join(' '));
    if (test.timedOut) return { ...unfinished('test'), findings };
    const out = `${test.stdout}\n${test.stderr}`;
    tests = testResults(out);
    if (test.code !== 0) {
      const failures = testFailures(out, root);
      // When check already failed, a test run stopped by the same system checks adds nothing.
      if (failures.length > 0) findings.push(...failures);
      else if (!checkFailed || !/SystemCheckError/.test(out))
        addNew(findings, tracebackFinding('runtime.tests-crashed', out, root, 'manage.py test failed', 'manage.py'));
    }
  }
  return { findings, ran: true, steps, ...(tests ? { tests } : {}) };
}
