/**
 * The box the runtime layer runs untrusted code in. A model (or a person) wrote the project's
 * classes, and Django executes class bodies at `manage.py check`, so running it means running
 * their code. On Linux, bubblewrap gives a read-only system, the writable project copy only, no
 * network, a private `/proc` and PID namespace (the parent's `/proc/<pid>/environ` is out of
 * reach), a clean environment and death with the parent; on macOS `sandbox-exec` denies the
 * network and writes outside the copy. Inside both, `ulimit` caps CPU time, memory and file size.
 */
import { runProcess } from './process';

export type SandboxKind = 'bubblewrap' | 'sandbox-exec';

/** Where the sandboxed program runs and what it may use. */
export interface SandboxRun {
  /** The writable project copy (bound at the same path inside the box). */
  root: string;
  /** The complete environment of the program (nothing else is inherited). */
  env: Readonly<Record<string, string>>;
  /** CPU seconds (RLIMIT_CPU). */
  cpuSeconds: number;
  /** Address space in bytes (RLIMIT_AS); ignored on macOS, which does not enforce it. */
  memoryBytes: number;
  /** Largest file the program may write, in bytes (RLIMIT_FSIZE). */
  fileBytes: number;
}

export interface Sandbox {
  kind: SandboxKind;
  /** The command line that runs `command args…` inside the box. */
  wrap(command: string, args: readonly string[], run: SandboxRun): { command: string; args: string[] };
}

export type SandboxProbe = { sandbox: Sandbox; reason?: undefined } | { sandbox: null; reason: string };

export interface FindSandboxOptions {
  /** The bubblewrap program; default `bwrap`. */
  bwrap?: string;
  /** Default `process.platform`. */
  platform?: NodeJS.Platform;
}

/** `ulimit` in a POSIX shell, then `exec` the program: the limits hold for it and its children. */
function limited(command: string, args: readonly string[], run: SandboxRun, memory: boolean): string[] {
  const limits = [
    `ulimit -t ${Math.max(1, Math.ceil(run.cpuSeconds))}`,
    `ulimit -f ${Math.max(1, Math.ceil(run.fileBytes / 512))}`,
    ...(memory ? [`ulimit -v ${Math.max(1, Math.ceil(run.memoryBytes / 1024))}`] : []),
  ];
  return ['/bin/sh', '-c', `${limits.join(' && ')} && exec "$@"`, 'djforge-sandbox', command, ...args];
}

/** The bubblewrap command line (exported for tests and the report). */
export function bubblewrapArgs(command: string, args: readonly string[], run: SandboxRun): string[] {
  const env = Object.entries(run.env).flatMap(([k, v]) => ['--setenv', k, v]);
  return [
    '--ro-bind',
    '/',
    '/',
    '--unshare-all',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--bind',
    run.root,
    run.root,
    '--chdir',
    run.root,
    '--die-with-parent',
    '--new-session',
    '--clearenv',
    ...env,
    '--',
    ...limited(command, args, run, true),
  ];
}

const quote = (p: string): string => `"${p.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * The `sandbox-exec` profile: everything a Python needs to read is allowed, the network is denied,
 * writes are allowed only inside the project copy, and other processes cannot be inspected.
 */
export function macProfile(root: string): string {
  return [
    '(version 1)',
    '(allow default)',
    '(deny network*)',
    '(deny process-info* (target others))',
    '(deny file-write*)',
    `(allow file-write* (subpath ${quote(root)}) (literal "/dev/null") (literal "/dev/tty") (regex #"^/dev/fd/"))`,
  ].join('\n');
}

const bubblewrap = (program: string): Sandbox => ({
  kind: 'bubblewrap',
  wrap: (command, args, run) => ({ command: program, args: bubblewrapArgs(command, args, run) }),
});

const sandboxExec: Sandbox = {
  kind: 'sandbox-exec',
  wrap: (command, args, run) => ({
    command: '/usr/bin/sandbox-exec',
    args: ['-p', macProfile(run.root), ...limited(command, args, run, false)],
  }),
};

const probes = new Map<string, Promise<SandboxProbe>>();

/**
 * The sandbox of this machine, probed once per program (a real sandboxed `true`, so a `bwrap`
 * that is installed but refused user namespaces counts as absent), or why there is none.
 */
export function findSandbox(options: FindSandboxOptions = {}): Promise<SandboxProbe> {
  const platform = options.platform ?? process.platform;
  const program = options.bwrap ?? 'bwrap';
  const key = `${platform}\0${program}`;
  let probe = probes.get(key);
  if (!probe) {
    probe = probeSandbox(platform, program);
    probes.set(key, probe);
  }
  return probe;
}

async function probeSandbox(platform: NodeJS.Platform, program: string): Promise<SandboxProbe> {
  if (platform === 'linux') {
    const args = ['--ro-bind', '/', '/', '--unshare-all', '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp'];
    const r = await runProcess(program, [...args, '--die-with-parent', '--new-session', '--', 'true'], {
      timeoutMs: 10_000,
    });
    if (r.code === 0) return { sandbox: bubblewrap(program) };
    const why = r.stderr.trim().split('\n').pop() || `exit code ${r.code}`;
    return { sandbox: null, reason: `bubblewrap (${program}) cannot run here: ${why}` };
  }
  if (platform === 'darwin') {
    const r = await runProcess('/usr/bin/sandbox-exec', ['-p', macProfile('/var/empty'), '/usr/bin/true'], {
      timeoutMs: 10_000,
    });
    if (r.code === 0) return { sandbox: sandboxExec };
    return { sandbox: null, reason: `sandbox-exec cannot run here: ${r.stderr.trim() || `exit code ${r.code}`}` };
  }
  return { sandbox: null, reason: `no sandbox is known for ${platform}` };
}
