/**
 * Running `djforge` in-process for the CLI's tests: captured stdout/stderr, an injected working
 * folder and environment, and optionally a scripted terminal for the interactive review.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { GenerationReport } from '../src-main/core/run';
import type { CliIo } from '../src-main/cli/io';
import { main } from '../src-main/cli/main';
import { EXAMPLES_DIR, REPO_ROOT } from './examples';

export const repoRoot = REPO_ROOT;
/** Where `djforge` runs of this test process record their history (unless a test sets its own). */
export const TEST_DATA_DIR = path.join(os.tmpdir(), `djforge-cli-data-${process.pid}`);
export const examples = EXAMPLES_DIR;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What the scripted terminal printed (empty without one). */
  terminal: string;
  /** Questions the scripted terminal was asked. */
  asked: string[];
}

export interface RunSettings {
  cwd: string;
  env?: Record<string, string>;
  /** Answers for the interactive review, in order; the terminal reports end of input after them. */
  answers?: string[];
}

/** Run `djforge argv` in `settings.cwd`; with `answers`, stdin and stdout count as a terminal. */
export async function runCli(settings: RunSettings, ...argv: string[]): Promise<CliRun> {
  const run: CliRun = { code: -1, stdout: '', stderr: '', terminal: '', asked: [] };
  const answers = settings.answers ? [...settings.answers] : null;
  const io: CliIo = {
    stdout: (t) => (run.stdout += t),
    stderr: (t) => (run.stderr += t),
    cwd: settings.cwd,
    // The run history goes to a folder of the test process, never the real data folder of the user.
    env: { DJFORGE_DATA_DIR: TEST_DATA_DIR, ...settings.env },
    ...(answers
      ? {
          terminal: () => ({
            ask: (question: string) => {
              run.asked.push(question);
              return Promise.resolve(answers.shift() ?? null);
            },
            write: (text: string) => (run.terminal += text),
            close: () => undefined,
          }),
        }
      : {}),
  };
  run.code = await main(argv, io);
  return run;
}

/**
 * A fresh temporary folder for every test of the file (removed afterwards) and `run` /
 * `runWithEnv` in it. `generate` gets `--no-runtime`: the runtime layer is tested once, in
 * generate-output.test.ts; elsewhere it would only cost time.
 */
export function cliSandbox(prefix = 'djforge-cli-') {
  const box = {
    dir: '',
    run: (...argv: string[]) => box.runWithEnv({}, ...argv),
    runWithEnv: (env: Record<string, string>, ...argv: string[]) => {
      const args = argv[0] === 'generate' ? [...argv, '--no-runtime'] : argv;
      return runCli({ cwd: box.dir, env }, ...args);
    },
  };
  beforeEach(async () => {
    box.dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    await fs.rm(box.dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await fs.rm(TEST_DATA_DIR, { recursive: true, force: true });
  });
  return box;
}

/** Every file (not folder) below `root`, relative with `/`, sorted; `.djforge/` left out unless asked. */
export async function listing(root: string, withMeta = false): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((p) => withMeta || !p.startsWith('.djforge/'))
    .sort();
}

export async function readReport(file: string): Promise<GenerationReport> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as GenerationReport;
}
