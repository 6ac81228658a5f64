/**
 * The one way DjForge starts an external program (`manage.py`, the Python analyzer, the syntax
 * checker, an editor): `spawn` without a shell (so no argument is ever interpreted), an
 * environment built from an allowlist (never the API key, never the user's stray
 * `DJANGO_SETTINGS_MODULE`), and — unless the program needs the terminal — its own process group,
 * tracked so that a timeout, a cancel, Ctrl-C, SIGTERM or the parent's exit kills the whole group.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { childEnv, CHILD_ENV_ALLOWLIST } from './child-env';
import { killGroup, trackGroup } from './reaper';

export { childEnv as cleanEnv } from './child-env';

export interface SpawnChildOptions {
  cwd?: string;
  /** Variables added on top of the allowlisted environment. */
  env?: Readonly<Record<string, string>>;
  /** Names inherited from the parent; default `CHILD_ENV_ALLOWLIST`. Secrets are never inherited. */
  allowEnv?: readonly string[];
  stdio?: StdioOptions;
  /**
   * Own process group, tracked and killed with the run (default true). False only for programs
   * that must stay in the terminal's foreground group (an interactive editor); `'outlive'` for
   * one meant to outlive the run (a browser opened on a URL): own group, not tracked.
   */
  group?: boolean | 'outlive';
}

/**
 * Start `command args…` the safe way. With `group` (the default) the child leads a new process
 * group that is killed on the parent's exit or a terminating signal until the child exits.
 */
export function spawnChild(command: string, args: readonly string[], options: SpawnChildOptions = {}): ChildProcess {
  const group = options.group !== false && process.platform !== 'win32';
  const tracked = group && options.group !== 'outlive';
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: childEnv(options.env, { allow: options.allowEnv ?? CHILD_ENV_ALLOWLIST }),
    shell: false,
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    detached: group,
  });
  if (tracked && child.pid !== undefined) {
    const release = trackGroup(child.pid);
    child.once('exit', release);
    child.once('error', release);
  }
  return child;
}

export interface ProcessResult {
  /** Exit code; `null` when the process was killed by a signal (for example on timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** True when the timeout fired and the process was killed. */
  timedOut: boolean;
  /** True when `signal` aborted the run and the process was killed. */
  cancelled?: boolean;
}

export interface RunProcessOptions {
  cwd?: string;
  /** Variables added on top of the clean environment. */
  env?: Readonly<Record<string, string>>;
  /** Kill the process after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  /** Aborting kills the process group and resolves with `cancelled: true`. */
  signal?: AbortSignal;
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
    let cancelled = false;
    let settled = false;
    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const durationMs = Math.round(performance.now() - started);
      resolve({ code, stdout, stderr, durationMs, timedOut, ...(cancelled ? { cancelled } : {}) });
    };
    const child = spawnChild(command, args, {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.env === undefined ? {} : { env: options.env }),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stop = (why: string): void => {
      stderr += `\n${why}`;
      if (child.pid === undefined) child.kill('SIGKILL');
      else killGroup(child.pid);
      // Resolve even if a grandchild that escaped the group still holds a pipe open.
      setTimeout(() => finish(null), 1_000).unref();
    };
    const onAbort = (): void => {
      cancelled = true;
      stop('Cancelled.');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop(`Killed after ${timeoutMs} ms (timeout).`);
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      stderr += `${stderr ? '\n' : ''}${error.message}`;
      finish(null);
    });
    child.on('close', (code) => finish(timedOut || cancelled ? null : code));
    if (options.input !== undefined) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input);
    }
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
