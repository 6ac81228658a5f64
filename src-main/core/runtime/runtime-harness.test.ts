import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDjangoPython, pythonCandidates } from './find-python';
import { runManage } from './manage';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'djforge-runtime-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fake interpreter: a shell script that behaves like `python -c <probe>` would. */
async function fakePython(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('pythonCandidates', () => {
  it('tries the explicit path, then DJFORGE_PYTHON, then the defaults, without duplicates', () => {
    expect(pythonCandidates('/opt/py', { env: { DJFORGE_PYTHON: '/usr/bin/python3' } })).toEqual([
      '/opt/py',
      '/usr/bin/python3',
      'python3',
      'python',
    ]);
    expect(pythonCandidates(undefined, { env: {} })).toEqual(['/usr/bin/python3', 'python3', 'python']);
  });
});

describe('findDjangoPython', () => {
  it('skips interpreters that cannot import Django and reports the version of the first that can', async () => {
    const broken = await fakePython('broken', 'echo "ModuleNotFoundError: No module named django" >&2; exit 1');
    const good = await fakePython('good', 'echo 4.2.11');
    const found = await findDjangoPython(path.join(dir, 'missing'), {
      env: { DJFORGE_PYTHON: broken },
      fallbacks: [good],
    });
    expect(found).toEqual({ python: good, djangoVersion: '4.2.11' });
  });

  it('resolves null when no candidate works', async () => {
    const noisy = await fakePython('noisy', 'echo "not a version"');
    expect(await findDjangoPython(undefined, { env: {}, fallbacks: [path.join(dir, 'nope'), noisy] })).toBeNull();
  });

  it('gives up on a candidate that hangs', async () => {
    const hang = await fakePython('hang', 'sleep 30');
    const started = Date.now();
    expect(await findDjangoPython(hang, { env: {}, fallbacks: [], timeoutMs: 300 })).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('runManage', () => {
  // Node stands in for Python here: runManage only runs `<interpreter> manage.py <args>`.
  const node = process.execPath;

  it('runs manage.py in the project folder with the arguments and a clean environment', async () => {
    const project = path.join(dir, 'project');
    await rm(project, { recursive: true, force: true });
    await mkdir(project);
    await writeFile(
      path.join(project, 'manage.py'),
      `console.log(JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2), env: process.env }));
       console.error('to stderr'); process.exit(3);`,
    );
    process.env.DJANGO_SETTINGS_MODULE = 'leaked.settings';
    try {
      const result = await runManage(node, project, ['test', '--noinput'], { env: { DEBUG: 'True' } });
      expect(result.code).toBe(3);
      expect(result.timedOut).toBe(false);
      expect(result.stderr.trim()).toBe('to stderr');
      const seen = JSON.parse(result.stdout) as { cwd: string; args: string[]; env: Record<string, string> };
      expect(seen.cwd).toBe(project);
      expect(seen.args).toEqual(['test', '--noinput']);
      expect(seen.env.PYTHONDONTWRITEBYTECODE).toBe('1');
      expect(seen.env.DEBUG).toBe('True');
      expect(seen.env.DJANGO_SETTINGS_MODULE).toBeUndefined();
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
    } finally {
      delete process.env.DJANGO_SETTINGS_MODULE;
    }
  });

  it('kills a manage.py that outlives its timeout', async () => {
    const project = path.join(dir, 'slow');
    await mkdir(project, { recursive: true });
    await writeFile(path.join(project, 'manage.py'), 'console.log("started"); setTimeout(() => {}, 60000);');
    const result = await runManage(node, project, ['migrate'], { timeoutMs: 500 });
    expect(result.timedOut).toBe(true);
    expect(result.code).toBeNull();
    expect(result.stdout).toContain('started');
    expect(result.stderr).toContain('timeout');
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it('reports an interpreter that does not exist instead of throwing', async () => {
    const result = await runManage(path.join(dir, 'no-python'), dir, ['check']);
    // Null when spawn itself failed; 127 when `setpriv --pdeathsig` (Linux) could not exec it.
    expect([null, 127]).toContain(result.code);
    expect(result.stderr).toMatch(/ENOENT|No such file/);
  });
});
