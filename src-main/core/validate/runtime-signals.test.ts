/**
 * Ctrl-C or SIGTERM to a real `djforge generate` while the runtime layer runs: the process dies of
 * that signal, no `manage.py` (nor its sandbox) stays alive and no temporary copy is left behind.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePath, REPO_ROOT } from '../../../test-support/examples';
import { copiesOf, liveInCopies, waitFor } from '../../../test-support/runtime-copies';
import { findDjangoPython } from '../runtime';

const django = await findDjangoPython();
let out = '';

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-signals-'));
});
afterAll(async () => {
  await fs.rm(out, { recursive: true, force: true });
});

describe.skipIf(!django || process.platform !== 'linux')('djforge generate stopped during validation', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: dies of the signal, leaving no manage.py and no temporary copy`, async () => {
      const cli = spawn(
        process.execPath,
        [
          path.join(REPO_ROOT, 'bin/djforge.js'),
          'generate',
          examplePath('seed-v2-jobboard.json'),
          '--out',
          path.join(out, signal),
          '--approve',
          'all',
        ],
        // Its own bundle folder, so a rebuild never races another test's.
        { cwd: out, env: { ...process.env, DJFORGE_BUNDLE_OUT: 'cli-signals' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      cli.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        cli.on('exit', (code, sig) => resolve(sig ?? code)),
      );
      const pid = cli.pid ?? 0;
      await waitFor('manage.py to start', async () => (await liveInCopies(pid)).length > 0, 60_000);
      cli.kill(signal);
      expect(await exited, stderr).toBe(signal);
      expect(await copiesOf(pid)).toEqual([]);
      await waitFor('every manage.py to die', async () => (await liveInCopies(pid)).length === 0, 5_000);
    }, 90_000);
  }
});
