import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/result';
import { defaultCoreFunctions } from '../core/studio/default-core';
import { startWebHost, type WebHost } from './web-host';
import { productErd } from '../../test-support/fixtures/app-erds';

const TOKEN = 'files-token-0123456789';
const SHOP = productErd();

let base: string;
let root: string;
let outside: string;
let dataDir: string;
let host: WebHost;

async function api<T = unknown>(method: string, body: unknown): Promise<Result<T>> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Result<T>;
}
async function value<T>(method: string, body: unknown): Promise<T> {
  const result = await api<T>(method, body);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}
const refusal = async (method: string, body: unknown) => {
  const result = await api(method, body);
  return result.ok ? null : result.error;
};

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'djf-files-'));
  root = path.join(base, 'projects');
  outside = path.join(base, 'elsewhere');
  dataDir = path.join(root, '.djforge-data');
  const rendererDir = path.join(base, 'renderer');
  await Promise.all([mkdir(root), mkdir(outside), mkdir(rendererDir)]);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'shop.json'), JSON.stringify(SHOP));
  await writeFile(path.join(outside, 'other.json'), JSON.stringify(SHOP));
  host = await startWebHost({
    rendererDir,
    dataDir,
    env: {},
    version: 't',
    core: defaultCoreFunctions,
    token: TOKEN,
    roots: [root],
  });
});
afterEach(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

describe('paths typed in the page', () => {
  it('opens a file inside the roots and hands back an id for it, in the document and the recent files', async () => {
    const doc = await value<{ path: string; file: string; name: string }>('openErd', {
      path: path.join(root, 'shop.json'),
    });
    expect(doc).toMatchObject({ path: path.join(root, 'shop.json'), name: 'shop.json' });
    expect(doc.file).toMatch(/^[\w-]{24}$/);
    expect(await value('listRecentFiles', {})).toMatchObject([{ path: doc.path, file: doc.file }]);
    expect(await value('openErd', { file: doc.file })).toMatchObject({ name: 'shop.json', file: doc.file });
  });

  it('refuses every path outside the roots, in system folders or in its own data folder', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), '{}').catch(async () => {
      await mkdir(dataDir, { recursive: true });
      await writeFile(path.join(dataDir, 'settings.json'), '{}');
    });
    const refused = [
      path.join(outside, 'other.json'),
      path.join(root, '..', 'elsewhere', 'other.json'),
      '/etc/passwd',
      '/etc/hostname.json',
      '/proc/self/environ',
      '/sys/kernel/notes.json',
      '/dev/zero',
      '/usr/share/doc/x.json',
      '/var/log/x.json',
      '/boot/x.json',
      '/bin/sh',
      path.join(dataDir, 'settings.json'),
      'shop.json',
      './shop.json',
      `${root}/shop.json\u0000.json`,
    ];
    for (const p of refused) {
      const error = await refusal('openErd', { path: p });
      expect(error?.code, p).toBe('path.refused');
      expect(error?.message, p).toMatch(/^Refused: the ERD file ".+" (is|contains)/);
    }
    for (const target of [path.join(outside, 'new.json'), '/etc/djforge.json', '/tmp/../etc/x.json']) {
      expect((await refusal('saveErd', { erd: SHOP, path: target }))?.code, target).toBe('path.refused');
    }
  });

  it('follows symbolic links before deciding: a link out of the roots is refused', async () => {
    await symlink(path.join(outside, 'other.json'), path.join(root, 'link.json'));
    await symlink(outside, path.join(root, 'linked-dir'));
    await symlink('/etc', path.join(root, 'etc-link'));
    for (const p of ['link.json', 'linked-dir/other.json', 'etc-link/passwd', 'linked-dir/new-file.json']) {
      const error = await refusal('openErd', { path: path.join(root, p) });
      expect(error?.code, p).toBe('path.refused');
    }
    expect((await refusal('saveErd', { erd: SHOP, path: path.join(root, 'linked-dir', 'x.json') }))?.code).toBe(
      'path.refused',
    );
    await symlink(path.join(root, 'shop.json'), path.join(root, 'inside-link.json'));
    expect(await value('openErd', { path: path.join(root, 'inside-link.json') })).toMatchObject({ name: 'shop.json' });
  });

  it('refuses ids it never granted', async () => {
    expect(await refusal('openErd', { file: 'AAAAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({
      code: 'capability.unknown',
      message: 'Refused: this file was not chosen in this session; choose it again with the dialog.',
    });
    expect((await refusal('openErd', { file: '../../etc/passwd' }))?.code).toBe('request.invalid');
  });
});

describe('what is read', () => {
  it('refuses a FIFO at once without blocking any other file I/O of the host', async () => {
    const fifos = Array.from({ length: 6 }, (_, i) => path.join(root, `pipe${i}.json`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    const errors = await Promise.all(fifos.map((fifo) => refusal('openErd', { path: fifo })));
    expect(errors.map((e) => e?.message)).toEqual(
      fifos.map((fifo) => `Cannot open ${fifo}: it is not a regular file (a pipe, socket or device).`),
    );
    expect(await value('openErd', { path: path.join(root, 'shop.json') })).toMatchObject({ name: 'shop.json' });
    expect(await readFile(path.join(root, 'shop.json'), 'utf8')).toContain('Product');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses folders, devices reached through a link, and files that are not an ERD kind', async () => {
    await mkdir(path.join(root, 'folder.json'));
    await symlink('/dev/null', path.join(root, 'null.json'));
    await writeFile(path.join(root, 'notes.txt'), 'x');
    expect((await refusal('openErd', { path: path.join(root, 'folder.json') }))?.message).toBe(
      `Cannot open ${path.join(root, 'folder.json')}: it is a folder.`,
    );
    expect((await refusal('openErd', { path: path.join(root, 'null.json') }))?.code).toBe('path.refused');
    expect((await refusal('openErd', { path: path.join(root, 'notes.txt') }))?.message).toBe(
      `Cannot open ${path.join(root, 'notes.txt')}: it is not an ERD file (expected .json, .dbml, .sql).`,
    );
  });

  it('never echoes the content of a file opened by path, only the place and the problem', async () => {
    const secrets = path.join(root, 'credentials.json');
    await writeFile(secrets, '{\n  "aws_secret_access_key": "AKIA-CANARY-9f3e",\n  "token": ["hunter2"]\n}\n');
    const response = await fetch(`http://127.0.0.1:${host.port}/api/openErd`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ path: secrets }),
    });
    const text = await response.text();
    for (const leaked of ['AKIA-CANARY-9f3e', 'aws_secret_access_key', 'hunter2', '"token"'])
      expect(text).not.toContain(leaked);
    const result = JSON.parse(text) as Result<never>;
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'erd.invalid',
        message: 'credentials.json is not a valid ERD: 1 error, the first at line 2, column 3 (erd.unknown-format).',
        diagnostics: [{ code: 'erd.unknown-format', file: 'credentials.json', line: 2, column: 3 }],
      },
    });
  });
});

describe('what is written', () => {
  it('saves only .json, and over an existing file only when it is a DjForge ERD', async () => {
    const notes = path.join(root, 'package.json');
    await writeFile(notes, '{"name": "mine"}');
    expect(await refusal('saveErd', { erd: SHOP, path: notes })).toMatchObject({
      code: 'erd.write-refused',
      message: `Cannot save ${notes}: it exists and is not a DjForge ERD, so saving would destroy it.`,
    });
    expect(await readFile(notes, 'utf8')).toBe('{"name": "mine"}');
    expect((await refusal('saveErd', { erd: SHOP, path: path.join(root, 'x.sh') }))?.message).toBe(
      `Cannot save ${path.join(root, 'x.sh')}: a DjForge ERD is saved as a .json file.`,
    );
    const target = path.join(root, 'saved', 'shop.djforge.json');
    const saved = await value<{ file: string }>('saveErd', { erd: SHOP, path: target });
    expect(await value('saveErd', { erd: SHOP, path: target })).toMatchObject({ path: target });
    expect(await value('saveErd', { erd: SHOP, file: saved.file })).toMatchObject({ path: target, file: saved.file });
  });

  it('asks for the folder name typed back before replacing a folder DjForge did not write', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd: SHOP, engine: 'template' });
    await host.service.runs.settled(runId);
    const files = (await value<{ files: { path: string }[] }>('getRun', { runId })).files.map((f) => f.path);
    await value('decideFiles', { runId, paths: files, decision: 'approved' });
    const mine = path.join(root, 'mine');
    await mkdir(mine);
    await writeFile(path.join(mine, 'thesis.tex'), 'years of work');
    expect(await refusal('writeProject', { runId, outDir: mine })).toMatchObject({ code: 'output.not-empty' });
    const ask = `${mine} is not empty and holds no DjForge project: replacing it deletes everything in it. Type the folder's name "mine" to confirm.`;
    expect(await refusal('writeProject', { runId, outDir: mine, force: true })).toMatchObject({
      code: 'output.confirm-required',
      message: ask,
    });
    expect((await refusal('writeProject', { runId, outDir: mine, force: true, confirm: 'yes' }))?.message).toBe(ask);
    expect(await readFile(path.join(mine, 'thesis.tex'), 'utf8')).toBe('years of work');
    expect(await value('writeProject', { runId, outDir: mine, force: true, confirm: 'mine' })).toMatchObject({
      mode: 'replaced',
    });
    const again = await value<{ folder: string }>('writeProject', { runId, outDir: mine, force: true });
    expect(again).toMatchObject({ mode: 'merged', outDir: mine });
    expect(await value('writeProject', { runId, folder: again.folder })).toMatchObject({ mode: 'merged' });
    expect(await refusal('writeProject', { runId, outDir: root, force: true, confirm: 'projects' })).toMatchObject({
      code: 'path.refused',
      message: `Refused: ${root} is a root folder itself; choose a folder inside it.`,
    });
    expect(await refusal('writeProject', { runId, outDir: path.join(outside, 'api') })).toMatchObject({
      code: 'path.refused',
    });
  });
});

describe('settings that name paths', () => {
  it('cannot change the interpreter or the cache folder from a page request', async () => {
    for (const patch of [{ pythonPath: '/bin/sh' }, { pythonPath: '/usr/bin/python3' }, { cacheDir: '/tmp/c' }]) {
      const error = await refusal('updateSettings', patch);
      expect(error?.code).toBe('settings.host-only');
      expect(error?.message).toMatch(/cannot be changed from the page: start the server with "djforge serve --python/);
    }
    expect(await value('updateSettings', { pythonPath: null, cacheDir: null, concurrency: 3 })).toMatchObject({
      concurrency: 3,
      pythonPath: null,
    });
  });
});
