import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/api';
import type { Erd } from '../../src-shared/erd/model';
import { isMigrationPath } from '../core/generate/migrations';
import { generateProject } from '../core/generate';
import { defaultCoreFunctions } from '../core/studio/default-core';
import { startWebHost, type WebHost } from './web-host';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw requests, so tests can send any Host header (fetch does not allow setting it). */
function send(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const TOKEN = 'test-token-0123456789';
const BLOG: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'blog' },
  entities: [{ name: 'Post', fields: [{ name: 'title', type: 'string' }] }],
  relations: [],
};
let host: WebHost;
let dataDir: string;

beforeEach(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'djf-web-'));
  const rendererDir = path.join(root, 'renderer');
  dataDir = path.join(root, 'data');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>DjForge</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'do not serve');
  host = await startWebHost({
    rendererDir,
    dataDir,
    env: { OPENAI_API_KEY: 'sk-env-secret' },
    version: '9.9.9',
    core: defaultCoreFunctions,
    token: TOKEN,
    roots: [root],
  });
});
afterEach(async () => host.close());

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(host, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('web host guard', () => {
  it('listens on loopback and prints a URL with the token in its fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
  });

  it('serves the public page without the token, with the CSP and no cookie', async () => {
    const page = await send(host, { path: '/' });
    expect(page).toMatchObject({ status: 200, body: '<!doctype html><title>DjForge</title>' });
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['set-cookie']).toBeUndefined();
    const script = await send(host, { path: '/assets/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses an API or event request without the token in its header, whatever else carries it', async () => {
    const refused = {
      status: 401,
      body: 'Refused: missing or wrong token; open the URL "djforge serve" printed (with its #token=…).\n',
    };
    expect(await send(host, { method: 'POST', path: '/api/appInfo', body: '{}' })).toMatchObject(refused);
    expect((await api('appInfo', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await send(host, { path: '/api/events' })).status).toBe(401);
    const notHeader: Array<{ path: string; headers: Record<string, string> }> = [
      { path: `/api/appInfo?token=${TOKEN}`, headers: {} },
      { path: '/api/appInfo', headers: { cookie: `djforge_token=${TOKEN}` } },
      { path: '/api/appInfo', headers: { authorization: `Basic ${TOKEN}` } },
    ];
    for (const { path: p, headers } of notHeader) {
      const reply = await send(host, {
        method: 'POST',
        path: p,
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
      expect(reply).toMatchObject(refused);
    }
    expect((await send(host, { method: 'OPTIONS', path: '/api/appInfo' })).status).toBe(401);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding), for pages too', async () => {
    const reply = await api('appInfo', {}, { host: `evil.example:${host.port}` });
    expect(reply).toMatchObject({
      status: 403,
      body: `Refused: the Host header "evil.example:${host.port}" is not this server (expected 127.0.0.1:${host.port}).\n`,
    });
    expect((await send(host, { path: '/', headers: { host: `evil.example:${host.port}` } })).status).toBe(403);
  });

  it('refuses a foreign Origin', async () => {
    const reply = await api('appInfo', {}, { origin: 'http://evil.example' });
    expect(reply).toMatchObject({
      status: 403,
      body: 'Refused: requests from origin "http://evil.example" are not allowed.\n',
    });
    expect((await api('appInfo', {}, { origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await api('appInfo', {}, { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const reply = await send(host, { path: '/..%2fsecret.txt' });
    expect(reply).toMatchObject({ status: 404, body: 'Not found: /..%2fsecret.txt\n' });
  });
});

describe('web host API', () => {
  it('answers methods with a Result and reports bad requests as data', async () => {
    const info = await api('appInfo', {});
    expect(JSON.parse(info.body)).toEqual({
      ok: true,
      value: { name: 'DjForge Studio', version: '9.9.9', host: 'web', dataDir, nativeDialogs: false },
    });
    expect(JSON.parse((await api('hasApiKey', { provider: 'openai' })).body)).toEqual({
      ok: true,
      value: { provider: 'openai', set: true },
    });
    expect(JSON.parse((await api('setApiKey', { provider: 'openai', key: 'x' })).body)).toMatchObject({
      ok: false,
      error: { code: 'settings.invalid' },
    });
    const notJson = await send(host, {
      method: 'POST',
      path: '/api/appInfo',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/^\/api\/appInfo: the body is not JSON \(/);
    const wrongType = await send(host, {
      method: 'POST',
      path: '/api/appInfo',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const all = [info, await api('getSettings', {})].map((r) => r.body).join('');
    expect(all).not.toContain('sk-env-secret');
  });

  it('streams run events to the page', async () => {
    const frames: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            frames.push(chunk);
            if (chunk.includes('event: runFinished')) {
              req.destroy();
              resolve();
            }
          });
          void api('startRun', { erd: BLOG, engine: 'template' });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await done;
    const events = frames
      .join('')
      .split('\n\n')
      .filter((f) => f.startsWith('event: '))
      .map((f) => f.split('\n')[0]);
    expect(events[0]).toBe('event: runProgress');
    expect(events.at(-1)).toBe('event: runFinished');
    // Every generated file joins the review, and so do the migrations Django made for the run.
    const ready = frames
      .join('')
      .split('\n\n')
      .filter((f) => f.startsWith('event: fileReady'))
      .map(
        (f) =>
          (
            JSON.parse(
              f
                .split('\n')
                .find((l) => l.startsWith('data: '))
                ?.slice(6) ?? '{}',
            ) as ReadyFrame
          ).file.path,
      );
    expect(ready.filter((p) => !isMigrationPath(p)).sort()).toEqual(
      generateProject(BLOG)
        .map((f) => f.path)
        .sort(),
    );
    expect(new Set(ready).size).toBe(ready.length);
  });
});

interface ReadyFrame {
  file: { path: string };
}
