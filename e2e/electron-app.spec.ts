/**
 * The desktop app itself. Runs only where Electron's binary has been downloaded (`npm start`
 * does that on a machine with internet); elsewhere it skips with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(repo, 'node_modules', 'electron');

function electronBinary(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = process.env['ELECTRON_OVERRIDE_DIST_PATH']
    ? path.join(process.env['ELECTRON_OVERRIDE_DIST_PATH'], readFileSync(pathFile, 'utf8'))
    : path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test('the desktop app opens a secure window with the Studio bridge', async () => {
  test.skip(binary === null, 'Electron binary not downloaded here (no network); run "npm start" once to fetch it.');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djforge-electron-'));
  const app = await electron.launch({
    executablePath: binary as string,
    args: [path.join(repo, 'out', 'main', 'index.js')],
    env: { ...process.env, DJFORGE_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'DjForge Studio' })).toBeVisible();
    const bridge = await page.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown>;
      const studio = page['studio'] as Record<string, unknown> | undefined;
      return { studio: typeof studio, invoke: typeof studio?.['invoke'], require: typeof page['require'] };
    });
    expect(bridge).toEqual({ studio: 'object', invoke: 'undefined', require: 'undefined' });
    const info = await page.evaluate(() =>
      (globalThis as unknown as { studio: { appInfo(input: object): Promise<unknown> } }).studio.appInfo({}),
    );
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', nativeDialogs: true } });
    expect(page.url()).toBe('app://studio/index.html');
    const typed = await page.evaluate(() =>
      (globalThis as unknown as { studio: { openErd(input: object): Promise<unknown> } }).studio.openErd({
        path: '/etc/passwd',
      }),
    );
    expect(typed).toMatchObject({ ok: false, error: { code: 'host.dialogs-only' } });
  } finally {
    await app.close();
  }
});
