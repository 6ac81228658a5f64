/**
 * The `djforge` command in-process and as a process: usage errors, validate-erd, the basic
 * generate (report, invalid ERD, --force, determinism), the binary, Ctrl-C and bad input.
 */
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { draftResponder } from '../../test-support/draft-responder';
import { startOpenAiServer } from '../../test-support/openai-server';
import type { GenerationReport } from '../core/run';
import { cliSandbox, examples, listing, repoRoot as repo } from '../../test-support/cli-harness';
import { EXAMPLE_NAMES } from '../../test-support/examples';

const sandbox = cliSandbox();
const { run } = sandbox;

describe('djforge usage', () => {
  it('prints help and version', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('djforge generate <erd-file> (--out <dir> | --zip <file> | both) [options]');
    expect(help.stdout).toContain('djforge validate-erd <erd-file>');
    for (const flag of ['--approve <policy>', '--threshold <x>', '--no-runtime', '--zip <file>', 'high+medium'])
      expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain('Exit codes: 0 every file approved and written; 1 some files were not approved');
    expect(await run('--version')).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it.each([
    [[], /missing command/],
    [['frobnicate', 'x.json'], /unknown command "frobnicate"/],
    [['generate'], /missing <erd-file>/],
    [['generate', 'a.json'], /missing --out <dir> \(or --zip <file>\)/],
    [['generate', 'a.json', 'b.json', '--out', 'o'], /expected one <erd-file>, got 2/],
    [['generate', 'a.json', '--bogus'], /Unknown option '--bogus'/],
    [['validate-erd', 'a.json', '--out', 'o'], /--out applies to generate only/],
    [['validate-erd', 'a.json', '--zip', 'o.zip'], /--zip applies to generate only/],
    [['validate-erd', 'a.json', '--no-runtime'], /--no-runtime applies to generate only/],
  ])('refuses %j with exit 2 and a reason', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await fs.readdir(sandbox.dir)).toEqual([]);
  });
});

describe('djforge validate-erd', () => {
  it('accepts every example', async () => {
    for (const name of EXAMPLE_NAMES) {
      const result = await run('validate-erd', path.join(examples, name));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/valid (seed-legacy|seed-v2) ERD/);
    }
  });

  it('reports invalid JSON with file, line and column, and exits 2', async () => {
    await fs.writeFile(path.join(sandbox.dir, 'broken.json'), '{\n  "Job": {\n    "title": "CharField",\n  }\n}\n');
    const result = await run('validate-erd', 'broken.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^broken\.json:4:3: error \[erd\.json-syntax\]/m);
  });

  it('reports a missing file', async () => {
    const result = await run('validate-erd', 'nope.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the file does not exist');
  });
});

describe('djforge generate', () => {
  it('writes the project and a JSON report', async () => {
    const result = await run(
      'generate',
      path.join(examples, 'seed-v2-jobboard.json'),
      '--out',
      'api',
      '--json',
      'report.json',
    );
    expect(result.code, result.stderr).toBe(0);
    const files = await listing(path.join(sandbox.dir, 'api'));
    // The generated project ships its users app, migrations and docker files: count what is on disk.
    expect(result.stdout).toMatch(
      new RegExp(
        `^Wrote ${files.length} of ${files.length} files \\(2 entities\\) for project "jobboard" to \\S+ \\(created\\)`,
        'm',
      ),
    );
    expect(result.stdout).toMatch(
      /^Next: cd api && pip install -r requirements\.txt && python manage\.py migrate && python manage\.py test$/m,
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'manage.py',
        'core/models.py',
        'core/tests.py',
        'core/migrations/0001_initial.py',
        'users/models.py',
        'requirements.txt',
      ]),
    );
    const report = JSON.parse(await fs.readFile(path.join(sandbox.dir, 'report.json'), 'utf8')) as GenerationReport;
    expect(report).toMatchObject({ ok: true, engine: 'template', erd: { format: 'seed-v2' } });
    expect(report.files.length).toBe(report.metrics.files);
    expect(report.files.every((f) => f.written && f.source === 'template')).toBe(true);
    expect(report.files.map((f) => f.path).sort()).toEqual(files);
    expect(report.metrics.pipelineMs).toBeGreaterThan(0);
    expect(report.metrics.entities).toBe(2);
  });

  it('changes nothing on disk for an invalid ERD', async () => {
    await fs.writeFile(
      path.join(sandbox.dir, 'bad.json'),
      JSON.stringify({ Job: { title: 'CharFeild', owner: 'ForeignKey:Nobody' } }),
    );
    const result = await run('generate', 'bad.json', '--out', 'api', '--json', 'report.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CharFeild');
    expect(result.stderr).toContain('Nobody');
    expect(result.stderr).toMatch(/nothing was written/);
    expect(await fs.readdir(sandbox.dir)).toEqual(['bad.json']);
  });

  it('refuses a non-empty --out unless --force, leaving it untouched', async () => {
    await fs.mkdir(path.join(sandbox.dir, 'api'));
    await fs.writeFile(path.join(sandbox.dir, 'api', 'notes.txt'), 'mine');
    const erd = path.join(examples, 'seed-legacy-jobboard.json');
    const refused = await run('generate', erd, '--out', 'api');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty .*--force/);
    expect(await listing(path.join(sandbox.dir, 'api'))).toEqual(['notes.txt']);

    const forced = await run('generate', erd, '--out', 'api', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(await listing(path.join(sandbox.dir, 'api'))).toContain('manage.py');
    expect(await listing(path.join(sandbox.dir, 'api'))).not.toContain('notes.txt');
  });

  it('gives byte-identical output for the same ERD', async () => {
    const erd = path.join(examples, 'seed-legacy-enterprise.json');
    expect((await run('generate', erd, '--out', 'a')).code).toBe(0);
    expect((await run('generate', erd, '--out', 'b')).code).toBe(0);
    const files = await listing(path.join(sandbox.dir, 'a'));
    expect(await listing(path.join(sandbox.dir, 'b'))).toEqual(files);
    for (const f of files) {
      expect(await fs.readFile(path.join(sandbox.dir, 'b', f), 'utf8')).toBe(
        await fs.readFile(path.join(sandbox.dir, 'a', f), 'utf8'),
      );
    }
  });
});

describe('the djforge binary', () => {
  it('runs from the checkout with node, without a build', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repo, 'bin/djforge.js'), '--version']);
    expect(stdout).toBe(`${packageJson.version}\n`);
  });

  it('stops an LLM run on Ctrl-C with exit 130, writing nothing', async () => {
    const server = await startOpenAiServer({ responder: draftResponder });
    server.inject({ fault: { kind: 'hang' }, times: 100 });
    try {
      const erd = path.join(examples, 'seed-legacy-jobboard.json');
      const args = [
        path.join(repo, 'bin/djforge.js'),
        'generate',
        erd,
        '--out',
        path.join(sandbox.dir, 'api'),
        '--engine',
        'llm',
        '--base-url',
        server.baseURL,
        '--model',
        'fake-coder',
        '--no-cache',
      ];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const deadline = Date.now() + 20_000;
      while (server.stats().inFlight < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code, stderr).toBe(130);
      expect(stderr).toContain('djforge generate: cancelled; nothing was written.');
      expect(await fs.readdir(sandbox.dir)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('exits 2 for bad input as a process', async () => {
    const error = await promisify(execFile)(process.execPath, [
      path.join(repo, 'bin/djforge.js'),
      'generate',
      'missing.json',
      '--out',
      sandbox.dir + '/x',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toContain('missing.json');
  });
});
