/**
 * One way to run an external program for the runtime layer: `spawn` without a shell (so no
 * argument is ever interpreted), a hard timeout that kills the child, and a minimal environment
 * so the user's shell state (a stray DJANGO_SETTINGS_MODULE, a virtualenv's PYTHONPATH) cannot
 * change what a generated project does.
 */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  /** Exit code; `null` when the process was killed by a signal (for example on timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** True when the timeout fired and the process was killed. */
  timedOut: boolean;
}

export interface RunProcessOptions {
  cwd?: string;
  /** Variables added on top of the clean environment. */
  env?: Record<string, string>;
  /** Kill the process after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
}

const INHERITED = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'USERPROFILE'];

/**
 * The environment a child starts from: only what a Python interpreter needs to find itself and
 * a temp folder, plus `PYTHONDONTWRITEBYTECODE=1` (no `__pycache__` in the project being checked)
 * and `PYTHONUNBUFFERED=1` (output is not lost when the child is killed).
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of INHERITED) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONUNBUFFERED = '1';
  env.PYTHONIOENCODING = 'utf-8';
  return { ...env, ...extra };
}

/**
 * Run `command args…` and resolve with its exit code and output. Never rejects: a program that
 * cannot be started resolves with `code: null` and the spawn error in `stderr`, because callers
 * (probing for a Python, reporting a failed `manage.py`) treat both the same way.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const started = performance.now();
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: Math.round(performance.now() - started), timedOut });
    };
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // Its own process group, so a timeout also kills what the child started (a shell's `sleep`,
      // a test runner's workers) instead of leaving them holding the output pipes open.
      detached: process.platform !== 'win32',
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      stderr += `\nKilled after ${timeoutMs} ms (timeout).`;
      killTree(child.pid, () => child.kill('SIGKILL'));
      // Resolve even if a grandchild that escaped the group still holds a pipe open.
      setTimeout(() => finish(null), 1_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      stderr += `${stderr ? '\n' : ''}${error.message}`;
      finish(null);
    });
    child.on('close', (code) => finish(timedOut ? null : code));
  });
}

function killTree(pid: number | undefined, fallback: () => void): void {
  if (pid === undefined || process.platform === 'win32') return fallback();
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}
