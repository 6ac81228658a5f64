/**
 * `npm start`'s launcher (scripts/start.mjs), run as a real process. Electron's binary is outside
 * the boundary: a stand-in executable given through ELECTRON_EXEC_PATH takes its place, and the
 * network is replaced by a closed loopback port (ELECTRON_MIRROR) so "no internet" is the same on
 * every machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const LAUNCHER = path.join(import.meta.dirname, 'start.mjs');
const REPO = path.resolve(import.meta.dirname, '..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'djforge-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A built app folder: package.json whose `main` exists. */
function builtApp(): string {
  const app = path.join(dir, 'app');
  mkdirSync(path.join(app, 'out', 'main'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'x', main: './out/main/index.js' }));
  writeFileSync(path.join(app, 'out', 'main', 'index.js'), '');
  return app;
}

function launch(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_EXEC_PATH: undefined, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start launcher', () => {
  it('launches the Electron executable with the built app folder and forwards its exit code', () => {
    const app = builtApp();
    const record = path.join(dir, 'argv.json');
    const standIn = path.join(dir, 'electron-stand-in');
    writeFileSync(
      standIn,
      `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\nprocess.exit(7);\n`,
      { mode: 0o755 },
    );
    const run = launch(['--app', app, '--', '--inspect-nothing'], { ELECTRON_EXEC_PATH: standIn });
    expect(run.code, run.stderr).toBe(7);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual([app, '--inspect-nothing']);
  });

  it('says in one sentence that the app is not built', () => {
    const app = builtApp();
    rmSync(path.join(app, 'out'), { recursive: true });
    const run = launch(['--app', app], { ELECTRON_EXEC_PATH: process.execPath });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'DjForge Studio cannot start: the app is not built (out/main/index.js is missing); run `npm run build`.',
    );
  });

  it('refuses an ELECTRON_EXEC_PATH that does not exist', () => {
    const run = launch(['--app', builtApp()], { ELECTRON_EXEC_PATH: path.join(dir, 'nothing') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a file');
  });

  const electronDir = path.dirname(createRequire(path.join(REPO, 'package.json')).resolve('electron/package.json'));
  const hasBinary = existsSync(path.join(electronDir, 'path.txt'));
  it.skipIf(hasBinary)(
    'without the binary and without a network, says so in one sentence and points to npm run web',
    () => {
      // The repository itself is the app; its build output is not needed to reach the download.
      const app = builtApp();
      writeFileSync(
        path.join(app, 'package.json'),
        JSON.stringify({ name: 'x', main: './out/main/index.js', dependencies: { electron: '*' } }),
      );
      mkdirSync(path.join(app, 'node_modules'));
      // Resolve `electron` from the app folder to the repository's own package.
      spawnSync('ln', ['-s', electronDir, path.join(app, 'node_modules', 'electron')]);
      const run = launch(['--app', app], { ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^DjForge Studio cannot start: Electron's binary could not be downloaded \(.+\)/);
      expect(lines[0]).toContain('run `npm run web` to open the same app in your browser.');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toMatch(/Downloading Electron \d+\.\d+\.\d+ \(first start only\)/);
    },
  );
});
