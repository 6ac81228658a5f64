import { mkdtemp, writeFile } from 'node:fs/promises';
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

  it('prints a tokenised loopback URL that serves the page, and stops when asked', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'djf-serve-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><p>studio</p>');
    const io = captureIo({ DJFORGE_RENDERER_DIR: root, DJFORGE_DATA_DIR: path.join(root, 'data') });
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const exit = serveCommand([], io, stopped);
    await expect.poll(() => io.out.join('')).toContain('running at');
    const url = /running at (\S+)/.exec(io.out.join(''))?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    expect(io.out.join('')).toContain(`Data folder: ${path.join(root, 'data')}\n`);
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(await (await fetch(url.replace(/\?token=.*/, ''), { headers: { cookie } })).text()).toBe(
      '<!doctype html><p>studio</p>',
    );
    expect((await fetch(url.replace(/\?token=.*/, ''))).status).toBe(401);
    stop();
    expect(await exit).toBe(0);
  });
});
