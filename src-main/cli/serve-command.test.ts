import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { serveCommand } from './serve-command';

function captureIo(env: Record<string, string>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: os.tmpdir(), env };
}

describe('djforge serve', () => {
  it('refuses a bad port with a sentence', async () => {
    const io = captureIo({});
    expect(await serveCommand(['--port', '70000'], io, Promise.resolve())).toBe(2);
    expect(io.err.join('')).toBe('djforge serve: --port must be a whole number from 0 to 65535, got "70000".\n');
  });

  it('says how to build when the renderer is missing', async () => {
    const io = captureIo({ DJFORGE_RENDERER_DIR: '/nonexistent/renderer' });
    expect(await serveCommand([], io, Promise.resolve())).toBe(2);
    expect(io.err.join('')).toBe(
      'djforge serve: /nonexistent/renderer/index.html does not exist; build the app first with "npx electron-vite build".\n',
    );
  });

  it('prints a loopback URL with the token in its fragment; the page is public, the API needs the header', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'djf-serve-'));
    const renderer = await mkdtemp(path.join(os.tmpdir(), 'djf-renderer-'));
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><p>studio</p>');
    const io = captureIo({ DJFORGE_RENDERER_DIR: renderer, DJFORGE_DATA_DIR: path.join(root, 'data') });
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const exit = serveCommand(['--root', root], io, stopped);
    await expect.poll(() => io.out.join('')).toContain('running at');
    const url = /running at (\S+)/.exec(io.out.join(''))?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    expect(io.out.join('')).toContain(`Data folder: ${path.join(root, 'data')}\nFiles: only inside ${root}\n`);
    const [page, token] = url.split('#token=') as [string, string];
    const first = await fetch(page, { redirect: 'manual' });
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(await first.text()).toBe('<!doctype html><p>studio</p>');
    const appInfo = (headers: Record<string, string>) =>
      fetch(`${page}api/appInfo`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    expect((await appInfo({})).status).toBe(401);
    expect((await appInfo({ authorization: `Bearer ${token}` })).status).toBe(200);
    stop();
    expect(await exit).toBe(0);
  });

  it('refuses a system folder, the whole file system or its own data folder as a root', async () => {
    const renderer = await mkdtemp(path.join(os.tmpdir(), 'djf-renderer-'));
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
    const root = await mkdtemp(path.join(os.tmpdir(), 'djf-serve-'));
    for (const [dir, reason] of [
      ['/etc', 'it is, or is inside, or holds a system folder (/etc)'],
      ['/usr/share', 'it is, or is inside, or holds a system folder (/usr)'],
      ['/', 'the whole file system cannot be a root'],
      [path.join(root, 'missing'), 'it does not exist'],
      [renderer, `it is inside a folder of the host itself (${renderer})`],
    ] as const) {
      const io = captureIo({ DJFORGE_RENDERER_DIR: renderer, DJFORGE_DATA_DIR: path.join(root, 'data') });
      expect(await serveCommand(['--root', root, '--root', dir], io, Promise.resolve())).toBe(2);
      expect(io.err.join('')).toBe(`djforge serve: --root ${dir} cannot be used: ${reason}.\n`);
    }
  });

  it('sets the interpreter only after checking it is a Python, and saves it in the settings', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'djf-serve-'));
    const renderer = await mkdtemp(path.join(os.tmpdir(), 'djf-renderer-'));
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
    const fake = path.join(root, 'python3');
    await writeFile(fake, '#!/bin/sh\necho djforge-python 2 7\n', { mode: 0o755 });
    const env = { DJFORGE_RENDERER_DIR: renderer, DJFORGE_DATA_DIR: path.join(root, 'data') };
    const refused = [
      ['/bin/sh', '--python /bin/sh: it is not named like a Python interpreter (python, python3, python3.12…).'],
      [fake, `--python ${fake}: it did not answer as a Python 3 interpreter.`],
      [path.join(root, 'python9'), `--python ${path.join(root, 'python9')}: it does not exist.`],
    ];
    for (const [python, message] of refused) {
      const io = captureIo(env);
      expect(await serveCommand(['--root', root, '--python', python ?? ''], io, Promise.resolve())).toBe(2);
      expect(io.err.join('')).toBe(`djforge serve: ${message}\n`);
    }
    const io = captureIo(env);
    expect(await serveCommand(['--root', root, '--python', '/usr/bin/python3'], io, Promise.resolve())).toBe(0);
    const stored = JSON.parse(await readFile(path.join(root, 'data', 'settings.json'), 'utf8')) as {
      settings: { pythonPath: string };
    };
    expect(stored.settings.pythonPath).toBe('/usr/bin/python3');
  });

  it('forgets an interpreter saved earlier that is not a Python, and says so', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'djf-serve-'));
    const renderer = await mkdtemp(path.join(os.tmpdir(), 'djf-renderer-'));
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
    await mkdir(path.join(root, 'data'));
    const settingsFile = path.join(root, 'data', 'settings.json');
    await writeFile(settingsFile, JSON.stringify({ schemaVersion: 2, settings: { pythonPath: '/bin/sh' } }));
    const io = captureIo({ DJFORGE_RENDERER_DIR: renderer, DJFORGE_DATA_DIR: path.join(root, 'data') });
    expect(await serveCommand(['--root', root], io, Promise.resolve())).toBe(0);
    expect(io.err.join('')).toBe(
      'djforge serve: forgot the saved interpreter: pythonPath /bin/sh: it is not named like a Python interpreter (python, python3, python3.12…).\n',
    );
    const stored = JSON.parse(await readFile(settingsFile, 'utf8')) as { settings: { pythonPath: string | null } };
    expect(stored.settings.pythonPath).toBeNull();
  });
});
