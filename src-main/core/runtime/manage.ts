/**
 * Running `manage.py` of a generated project: the one operation the runtime validator and the
 * acceptance tests need. The project is run exactly as a user would run it, from its own folder,
 * with a clean environment and a hard timeout so a hanging migration or test cannot stall a run;
 * with a sandbox, inside it (see `sandbox.ts`).
 */
import { runProcess, type ProcessResult } from './process';
import type { Sandbox } from './sandbox';

export interface ManageOptions {
  /** Kill `manage.py` (its whole process group) after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
  /** Extra environment variables (e.g. `DEBUG`, `SECRET_KEY`) on top of the clean environment. */
  env?: Record<string, string>;
  /** Run inside this sandbox; default none (only for code DjForge's own templates wrote). */
  sandbox?: Sandbox | null;
  /** Aborting kills `manage.py` and everything it started. */
  signal?: AbortSignal;
  /** Memory cap inside the sandbox, bytes. Default 4 GiB. */
  memoryBytes?: number;
}

export type ManageResult = ProcessResult;

const GiB = 1024 ** 3;
const SETPRIV = '/usr/bin/setpriv';
let pdeathsig: Promise<boolean> | null = null;

/** Whether `setpriv --pdeathsig` works here (util-linux ≥ 2.33 on Linux); probed once. */
function dieWithParent(): Promise<boolean> {
  pdeathsig ??=
    process.platform === 'linux'
      ? runProcess(SETPRIV, ['--pdeathsig', 'KILL', '--', 'true'], { timeoutMs: 5_000 }).then((r) => r.code === 0)
      : Promise.resolve(false);
  return pdeathsig;
}

/** `python manage.py <args…>` in `projectDir`; resolves (never rejects) with code, output and time. */
export async function runManage(
  python: string,
  projectDir: string,
  args: readonly string[],
  options: ManageOptions = {},
): Promise<ManageResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const common = { timeoutMs, ...(options.signal ? { signal: options.signal } : {}) };
  if (!options.sandbox) {
    // Unconfined: on Linux `setpriv --pdeathsig` still ties manage.py's life to the parent's, so a
    // parent killed with SIGKILL (when no handler of ours runs) does not leave it running.
    const [command, prefix] = (await dieWithParent()) ? [SETPRIV, ['--pdeathsig', 'KILL', '--', python]] : [python, []];
    return runProcess(command, [...prefix, 'manage.py', ...args], { cwd: projectDir, env: options.env, ...common });
  }
  // Inside the box: a private /tmp, HOME there too, and nothing of the parent but what is listed.
  const env = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: '/tmp',
    TMPDIR: '/tmp',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
    ...options.env,
  };
  const wrapped = options.sandbox.wrap(python, ['manage.py', ...args], {
    root: projectDir,
    env,
    cpuSeconds: Math.ceil(timeoutMs / 1000),
    memoryBytes: options.memoryBytes ?? 4 * GiB,
    fileBytes: GiB,
  });
  return runProcess(wrapped.command, wrapped.args, { cwd: projectDir, ...common });
}
