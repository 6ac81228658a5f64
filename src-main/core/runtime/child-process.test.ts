/**
 * The one way to start a child: an allowlisted environment without secrets, its own process
 * group killed on timeout and cancel, and no other `spawn` anywhere in the main process's code.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test-support/examples';
import { childEnv, detachSecrets, isSecretName } from './child-env';
import { runProcess } from './process';
import { tracked } from './reaper';
import { bubblewrapArgs, macProfile } from './sandbox';

const node = process.execPath;

describe('child environments', () => {
  it('take only the allowlist, never a secret, and keep the host its snapshot', () => {
    const env: Record<string, string | undefined> = {
      PATH: '/bin',
      HOME: '/home/u',
      DJFORGE_API_KEY: 'sk-1',
      OPENROUTER_API_KEY: 'sk-2',
      GITHUB_TOKEN: 't',
      DJANGO_SETTINGS_MODULE: 'x.settings',
    };
    expect(childEnv({ DEBUG: 'False' }, { from: env, allow: ['PATH', 'HOME', 'DJFORGE_API_KEY'] })).toEqual({
      PATH: '/bin',
      HOME: '/home/u',
      DEBUG: 'False',
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONUNBUFFERED: '1',
      PYTHONIOENCODING: 'utf-8',
    });
    const snapshot = detachSecrets(env);
    expect(snapshot.DJFORGE_API_KEY).toBe('sk-1');
    expect(Object.keys(env).sort()).toEqual(['DJANGO_SETTINGS_MODULE', 'HOME', 'PATH']);
    expect(['OPENAI_API_KEY', 'api_key', 'X_SECRET', 'PATH', 'KEYBOARD'].map(isSecretName)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('reach a real child without the key that is in process.env', async () => {
    process.env.DJFORGE_API_KEY = 'sk-canary-child';
    try {
      const r = await runProcess(node, ['-e', 'console.log(JSON.stringify(process.env))']);
      const seen = JSON.parse(r.stdout) as Record<string, string>;
      expect(seen.DJFORGE_API_KEY).toBeUndefined();
      expect(r.stdout).not.toContain('sk-canary-child');
    } finally {
      delete process.env.DJFORGE_API_KEY;
    }
  });
});

/** Running (a zombie waiting for a parent that is gone counts as dead). */
async function alive(pid: number): Promise<boolean> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && !/^\d+ \(.*\) [ZX] /.test(stat);
}

describe.skipIf(process.platform !== 'linux')('process groups', () => {
  it('cancel kills the child and what it started, and forgets the group', async () => {
    const controller = new AbortController();
    const pidFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-group-')), 'grandchild');
    // The child starts a grandchild in its group and writes its pid down; both must die.
    const script = `const c = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setTimeout(() => {}, 60000);`;
    const running = runProcess(node, ['-e', script], { signal: controller.signal });
    const deadline = Date.now() + 20_000;
    let grandchild = 0;
    while (!grandchild && Date.now() < deadline) {
      grandchild = Number(await fs.readFile(pidFile, 'utf8').catch(() => '0'));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(grandchild).toBeGreaterThan(0);
    expect(await alive(grandchild)).toBe(true);
    controller.abort();
    expect(await running).toMatchObject({ code: null, cancelled: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(await alive(grandchild)).toBe(false);
    expect(tracked().groups).toEqual([]);
    await fs.rm(path.dirname(pidFile), { recursive: true, force: true });
  });
});

describe('sandbox command lines', () => {
  const run = {
    root: '/tmp/djforge-runtime-1-x',
    env: { PATH: '/usr/bin' },
    cpuSeconds: 9.2,
    memoryBytes: 2048,
    fileBytes: 1024,
  };

  it('bubblewrap: read-only system, every namespace, the copy writable, a clean environment, limits', () => {
    const args = bubblewrapArgs('/usr/bin/python3', ['manage.py', 'check'], run);
    const text = args.join(' ');
    for (const part of [
      '--ro-bind / /',
      '--unshare-all',
      '--proc /proc',
      '--dev /dev',
      '--tmpfs /tmp',
      `--bind ${run.root} ${run.root}`,
      '--die-with-parent',
      '--new-session',
      '--clearenv --setenv PATH /usr/bin --',
    ])
      expect(text).toContain(part);
    expect(args.indexOf('--tmpfs')).toBeLessThan(args.indexOf('--bind'));
    expect(args.slice(args.indexOf('--') + 1)).toEqual([
      '/bin/sh',
      '-c',
      'ulimit -t 10 && ulimit -f 2 && ulimit -v 2 && exec "$@"',
      'djforge-sandbox',
      '/usr/bin/python3',
      'manage.py',
      'check',
    ]);
  });

  it('sandbox-exec: no network, writes only in the copy (the profile is not run here: macOS only)', () => {
    const profile = macProfile('/private/var/folders/x/djforge-runtime-1-"q"');
    expect(profile).toContain('(deny network*)');
    expect(profile).toContain('(deny file-write*)');
    expect(profile).toContain('(allow file-write* (subpath "/private/var/folders/x/djforge-runtime-1-\\"q\\"")');
  });
});

describe('child processes in the main process code', () => {
  it('are all started through runtime/process.ts', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = await fs.readFile(file, 'utf8');
          if (/^import (?!type )[^;]*from 'node:child_process'/m.test(text))
            offenders.push(path.relative(REPO_ROOT, file));
        }
      }
    };
    await walk(path.join(REPO_ROOT, 'src-main'));
    expect(offenders).toEqual(['src-main/core/runtime/process.ts']);
  });
});
