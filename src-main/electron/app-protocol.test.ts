import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/api';
import { appProtocolResponse, handleAppProtocol, registerAppScheme } from './app-protocol';

let rendererDir: string;

beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'djf-app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>DjForge</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'not for the page');
  await symlink(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'leak.js'));
});

describe('the app:// scheme', () => {
  it('is registered as a privileged standard, secure scheme', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('serves the page with its CSP and the assets with their types', async () => {
    let handler: ((request: Request) => Promise<Response> | Response) | undefined;
    handleAppProtocol({ handle: (_scheme, h) => (handler = h) } as Pick<Protocol, 'handle'>, rendererDir);
    const page = await handler?.(new Request('app://studio/'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page?.text()).toBe('<!doctype html><title>DjForge</title>');
    const script = await appProtocolResponse(rendererDir, 'app://studio/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
  });

  it('answers nothing outside the renderer folder or for another host', async () => {
    for (const url of [
      'app://studio/..%2fsecret.txt',
      'app://studio/%2e%2e/secret.txt',
      'app://studio/assets/leak.js',
      'app://studio/missing.js',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await appProtocolResponse(rendererDir, url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('Not found.');
    }
  });
});
