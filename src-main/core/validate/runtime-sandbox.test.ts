/**
 * The runtime layer against a hostile project: class-body code (which Django runs at `check`)
 * tries to write a canary file outside its copy, to reach a server on the loopback, and to read a
 * canary API key from `os.environ` and from every `/proc/<pid>/environ` it can see. It raises when
 * any attempt succeeds, so "the layer ran and found nothing" means nothing escaped. The same
 * project run unconfined (opted in) shows every attempt succeeding, so the test can fail.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanProject } from '../../../test-support/fixtures/clean-project';
import { REPO_ROOT } from '../../../test-support/examples';
import { copiesOf, liveInCopies, waitFor } from '../../../test-support/runtime-copies';
import { findDjangoPython, findSandbox, tracked, trackedTempDir } from '../runtime';
import { validateRuntime, type RuntimeOptions, type RuntimeResult } from './runtime-layer';
import type { SourceFile } from './types';

const django = await findDjangoPython();
const bwrap = await findSandbox();
const linux = process.platform === 'linux';
const CANARY_KEY = `sk-canary-${process.pid}-${Date.now()}`;

let work = '';
let hostTmp = '';
let server: net.Server;
let port = 0;
const received: string[] = [];

beforeAll(async () => {
  // Outside every temporary copy: one folder in the checkout, one in the real /tmp.
  work = await fs.mkdtemp(path.join(REPO_ROOT, '.canary-'));
  hostTmp = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-canary-'));
  server = net.createServer((socket) => {
    received.push('connection');
    socket.on('data', (d) => received.push(d.toString()));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(work, { recursive: true, force: true });
  await fs.rm(hostTmp, { recursive: true, force: true });
});

const canaryFiles = () => [path.join(work, 'escaped.txt'), path.join(hostTmp, 'escaped.txt')];

/** Class-body code that tries every escape and raises with the list of what worked. */
function hostileBody(extra = ''): string {
  return `
    import os as _os, socket as _socket, time as _time
    _escaped = []
    for _target in ${JSON.stringify(canaryFiles())}:
        try:
            with open(_target, 'w') as _f:
                _f.write('escaped')
            _escaped.append('wrote ' + _target)
        except OSError:
            pass
    try:
        _s = _socket.create_connection(('127.0.0.1', ${port}), timeout=2)
        _s.sendall(b'escaped')
        _s.close()
        _escaped.append('network')
    except OSError:
        pass
    if ${JSON.stringify(CANARY_KEY)} in repr(dict(_os.environ)):
        _escaped.append('os.environ')
    for _pid in [str(_os.getppid())] + list(filter(str.isdigit, _os.listdir('/proc'))):
        try:
            with open('/proc/' + _pid + '/environ', 'rb') as _f:
                if ${JSON.stringify(CANARY_KEY)}.encode() in _f.read():
                    _escaped.append('/proc/' + _pid + '/environ')
        except OSError:
            pass
    if _escaped:
        raise RuntimeError('sandbox escaped: ' + ', '.join(sorted(set(_escaped))))
${extra}`;
}

/** The clean project with the hostile code in `Product`'s class body. */
function hostileProject(extra = ''): SourceFile[] {
  return cleanProject().map((f) =>
    f.path === 'shop/models.py'
      ? { ...f, content: f.content.replace(/^class Product\(models\.Model\):\n/m, (m) => m + hostileBody(extra)) }
      : f,
  );
}

/** The clean project whose `Product` class body sleeps a minute (a run to interrupt). */
function sleepyProject(): SourceFile[] {
  return cleanProject().map((f) =>
    f.path === 'shop/models.py'
      ? {
          ...f,
          content: f.content.replace(
            /^class Product\(models\.Model\):\n/m,
            (m) => `${m}    __import__('time').sleep(60)\n`,
          ),
        }
      : f,
  );
}

/** Run the layer in a Node process of its own whose start-up environment holds the canary key. */
function runnerProcess(files: SourceFile[], options: RuntimeOptions) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test-support/runtime-runner.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DJFORGE_API_KEY: CANARY_KEY },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(JSON.stringify({ files, options }));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const result = () =>
    exited.then(({ code }) => {
      if (code !== 0) throw new Error(`runner exited with ${code}: ${stderr}`);
      return JSON.parse(stdout) as RuntimeResult;
    });
  return { child, exited, result };
}

describe.skipIf(!django || !linux || !bwrap.sandbox)('runtime layer in bubblewrap, on a hostile project', () => {
  it('lets nothing escape, and still reports the project results', async () => {
    const run = runnerProcess(hostileProject(), { python: django?.python, untrusted: true });
    const result = await run.result();
    expect(result).toMatchObject({ ran: true, sandbox: 'bubblewrap', findings: [] });
    expect(result.steps.map((s) => [s.step, s.code])).toEqual([
      ['check', 0],
      ['makemigrations', 0],
      ['test --noinput', 0],
    ]);
    for (const file of canaryFiles()) expect(existsSync(file), file).toBe(false);
    expect(received).toEqual([]);
  });

  it('reports what the same project does unconfined (opted in): every escape works', async () => {
    const run = runnerProcess(hostileProject(), {
      python: django?.python,
      untrusted: true,
      allowUnsandboxed: true,
      bwrap: '/nonexistent/bwrap',
    });
    const result = await run.result();
    try {
      expect(result).toMatchObject({ ran: true, sandbox: 'none' });
      expect(result.notice).toMatch(/^ran model-written files unconfined as asked \(bubblewrap/);
      const message = result.findings.map((f) => f.message).join('\n');
      expect(message).toMatch(/RuntimeError: sandbox escaped: \/proc\/\d+\/environ, network, wrote /);
      for (const file of canaryFiles()) expect(existsSync(file), file).toBe(true);
      expect(received).toContain('escaped');
    } finally {
      for (const file of canaryFiles()) await fs.rm(file, { force: true });
      received.length = 0;
    }
  });

  it('kills the sandbox and removes the copy on cancel', async () => {
    const controller = new AbortController();
    const running = validateRuntime(hostileProject('    _time.sleep(60)\n'), {
      python: django?.python,
      signal: controller.signal,
    });
    await waitFor('manage.py to start', async () => (await liveInCopies(process.pid)).length > 0, 30_000);
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ ran: false, skipped: 'cancelled', sandbox: 'bubblewrap' });
    expect(await copiesOf(process.pid)).toEqual([]);
    await waitFor('the sandbox to die', async () => (await liveInCopies(process.pid)).length === 0, 5_000);
    expect(tracked()).toEqual({ groups: [], tempDirs: [] });
  });

  it('kills manage.py and removes the copy when its parent gets SIGTERM', async () => {
    const run = runnerProcess(hostileProject('    _time.sleep(60)\n'), { python: django?.python });
    const pid = run.child.pid ?? 0;
    await waitFor('manage.py to start', async () => (await liveInCopies(pid)).length > 0, 30_000);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await copiesOf(pid)).toEqual([]);
    await waitFor('manage.py to die', async () => (await liveInCopies(pid)).length === 0, 5_000);
  });
});

describe.skipIf(!django || !linux)('a runtime-layer parent killed with SIGKILL', () => {
  const cases: [string, RuntimeOptions, boolean][] = [
    ['in bubblewrap (--die-with-parent)', { python: django?.python }, bwrap.sandbox !== null],
    [
      'unconfined, opted in (setpriv --pdeathsig)',
      { python: django?.python, bwrap: '/nonexistent/bwrap', allowUnsandboxed: true },
      true,
    ],
  ];
  for (const [name, options, possible] of cases)
    it.skipIf(!possible)(`${name}: manage.py dies with it, and the next run removes its copy`, async () => {
      const run = runnerProcess(sleepyProject(), options);
      const pid = run.child.pid ?? 0;
      await waitFor('manage.py to start', async () => (await liveInCopies(pid)).length > 0, 30_000);
      await new Promise((r) => setTimeout(r, 300));
      run.child.kill('SIGKILL');
      expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
      await waitFor('manage.py to die', async () => (await liveInCopies(pid)).length === 0, 5_000);
      expect((await copiesOf(pid)).length).toBe(1);
      (await trackedTempDir()).release();
      expect(await copiesOf(pid)).toEqual([]);
    });
});

describe.skipIf(!django)('runtime layer where no sandbox works', () => {
  const noSandbox = { python: django?.python, bwrap: '/nonexistent/bwrap' } as const;

  it('skips model-written files with a notice saying why and how to opt in', async () => {
    const result = await validateRuntime(hostileProject(), { ...noSandbox, untrusted: ['shop/models.py'] });
    expect(result).toMatchObject({ ran: false, sandbox: 'none', steps: [], findings: [] });
    expect(result.skipped).toMatch(
      /^model-written or edited files \(shop\/models\.py\) are never run outside a sandbox, and (bubblewrap \(\/nonexistent\/bwrap\) cannot run here|no sandbox is known)/,
    );
    expect(result.skipped).toContain('--unsandboxed-runtime');
    for (const file of canaryFiles()) expect(existsSync(file), file).toBe(false);
  });

  it("runs DjForge's own template output unconfined, saying so", async () => {
    const result = await validateRuntime(cleanProject(), { ...noSandbox, untrusted: false, tests: false });
    expect(result).toMatchObject({ ran: true, sandbox: 'none', findings: [] });
    expect(result.notice).toMatch(/^ran DjForge's template output without a sandbox/);
  });
});
