/**
 * The review of `djforge generate`: policies, exit codes, the interactive flow and the report's
 * review fields. One LLM run against the local server (whose model adds two fields the ERD does
 * not have to the Job model: drift, a warning only a person may accept) fills a shared cache, so
 * every later run is served from it without model calls. (A model's error is not a review
 * matter any more: the file is replaced by its offline draft, see run/draft-fallback.test.ts.)
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftResponder } from '../../test-support/draft-responder';
import { startOpenAiServer, type ChatRequest, type OpenAiServer } from '../../test-support/openai-server';
import { examples, listing, readReport, runCli } from '../../test-support/cli-harness';
import { historyLog } from '../core/history/history-log';

const DRIFT =
  '    featured = models.BooleanField(default=False)\n    views_count = models.PositiveIntegerField(default=0)\n';

/** The cooperative test model, except that the Job model gains two fields that are not in the ERD. */
function sloppyResponder(request: ChatRequest): string {
  const answer = draftResponder(request);
  return /^class Job\(models\.Model\):\n/m.test(answer)
    ? answer.replace(/(\n {4}posted_by = [^\n]*\n)/, `$1${DRIFT}`)
    : answer;
}

const erd = path.join(examples, 'seed-legacy-jobboard.json');
let dir: string;
let server: OpenAiServer;
/** The project's files as the template engine writes them: the LLM engine must produce the same set. */
let templateFiles: string[];
let total: number;
const llm = () => ['--engine', 'llm', '--base-url', server.baseURL, '--model', 'fake-coder', '--cache-dir', 'cache'];
const generate = (answers: string[] | undefined, ...flags: string[]) =>
  runCli({ cwd: dir, ...(answers ? { answers } : {}) }, 'generate', erd, ...llm(), '--no-runtime', ...flags);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-review-'));
  server = await startOpenAiServer({ responder: sloppyResponder });
  const template = await runCli({ cwd: dir }, 'generate', erd, '--out', 'template', '--no-runtime');
  if (template.code !== 0) throw new Error(`the template generation failed: ${template.stderr}`);
  templateFiles = await listing(path.join(dir, 'template'));
  total = templateFiles.length;
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('djforge generate review policies', () => {
  it('by default writes only auto-approved and high files, says what was left out and exits 1', async () => {
    const result = await generate(undefined, '--out', 'high', '--json', 'high.json');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`^Review \\(--approve high\\): ${total - 1} auto-approved, 0 high, 1 medium, 0 low, 0 error`, 'm'),
    );
    expect(result.stdout).toMatch(/^ {2}not approved: core\/models\.py \(medium, score 0\.50\): .*field-not-in-erd/m);
    expect(result.stdout).toMatch(new RegExp(`^Wrote ${total - 1} of ${total} files`, 'm'));
    expect(result.stderr).toContain(
      `djforge generate: 1 of ${total} files not approved, so not written: core/models.py. The ${total - 1} approved files were written.`,
    );
    const written = await listing(path.join(dir, 'high'));
    expect(written).toEqual(templateFiles.filter((f) => f !== 'core/models.py'));
    expect(written).toContain('core/views.py');

    const report = await readReport(path.join(dir, 'high.json'));
    expect(report.ok).toBe(false);
    const models = report.files.find((f) => f.path === 'core/models.py');
    expect(models).toMatchObject({ source: 'llm', category: 'medium', score: 0.5, approved: false, decidedBy: 'user' });
    expect(models).toMatchObject({ written: false, sync: null, keptDraft: null });
    expect(models?.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['semantic.field-not-in-erd', 'warning', 'Job.featured is not a field of the ERD entity.'],
      ['semantic.field-not-in-erd', 'warning', 'Job.views_count is not a field of the ERD entity.'],
    ]);
    const views = report.files.find((f) => f.path === 'core/views.py');
    expect(views).toMatchObject({ category: 'auto-approved', score: 1, approved: true, decidedBy: 'auto' });
    expect(views).toMatchObject({ written: true, sync: 'create', findings: [], keptDraft: null });
    expect(report.metrics).toMatchObject({
      autoApprovalRate: Math.round(((total - 1) / total) * 1000) / 1000,
      approved: total - 1,
      skipped: 1,
      conflicts: 0,
    });
    expect(report.metrics.avgQuality).toBe(Math.round(((total - 1 + 0.5) / total) * 1000) / 1000);
    expect(report.review).toMatchObject({
      threshold: 0.8,
      decidedBy: 'high',
      runtime: { ran: false, skipped: '--no-runtime was given' },
    });
    expect(report.output).toMatchObject({ dir: path.join(dir, 'high'), mode: 'created', conflicts: [], zip: null });
  });

  it('--approve all writes every file and exits 0; the cache serves it without model calls', async () => {
    server.resetLog();
    const result = await generate(undefined, '--out', 'all', '--approve', 'all', '--json', 'all.json');
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(await listing(path.join(dir, 'all'))).toEqual(templateFiles);
    expect(await fs.readFile(path.join(dir, 'all', 'core', 'models.py'), 'utf8')).toContain('views_count = ');
    const report = await readReport(path.join(dir, 'all.json'));
    expect(report.ok).toBe(true);
    expect(report.files.find((f) => f.path === 'core/models.py')).toMatchObject({
      approved: true,
      decidedBy: 'user',
      written: true,
    });
  });

  it('--approve none judges and reports but writes nothing at all', async () => {
    const none = await generate(
      undefined,
      '--out',
      'none',
      '--approve',
      'none',
      '--threshold',
      '1',
      '--json',
      'n.json',
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`${total} of ${total} files not approved, so not written`);
    expect(none.stdout).toMatch(
      new RegExp(
        `Review \\(--approve none\\): ${total - 1} auto-approved, .* 1 medium, 0 low, 0 error — 0 approved, ${total} skipped`,
      ),
    );
    await expect(fs.access(path.join(dir, 'none'))).rejects.toThrow(/ENOENT/);
    const report = await readReport(path.join(dir, 'n.json'));
    expect(report.review).toMatchObject({ threshold: 1, decidedBy: 'none' });
    expect(report.metrics).toMatchObject({ autoApprovalRate: 0, approved: 0, skipped: total });
    expect(report.output.mode).toBeNull();
  });
});

describe('djforge generate on a terminal', () => {
  it('shows the categories and the five operations; operation 1 approves the high-quality files', async () => {
    const result = await generate(['1'], '--out', 'tty', '--json', 'tty.json');
    expect(result.code, result.stderr).toBe(1);
    expect(result.terminal).toContain('BATCH REVIEW');
    expect(result.terminal).toContain('Medium quality (1): core/models.py');
    expect(result.terminal).toContain('[1] Approve all high quality (default)');
    expect(result.terminal).toContain('[5] Custom selection');
    expect(result.terminal).toContain(`Batch operation complete: ${total - 1} approved, 1 skipped`);
    expect(result.asked).toEqual(['Select batch operation (1-5) [1]: ']);
    expect(await listing(path.join(dir, 'tty'))).not.toContain('core/models.py');
    expect((await readReport(path.join(dir, 'tty.json'))).review.decidedBy).toBe('interactive');
  });

  it('custom selection can approve the flagged file by hand', async () => {
    const result = await generate(['5', '1'], '--out', 'pick');
    expect(result.terminal).toMatch(/\[1\] core\/models\.py \(medium, 0\.50\)/);
    expect(result.code, result.stderr).toBe(0);
    expect(await listing(path.join(dir, 'pick'))).toContain('core/models.py');
  });

  it('does not ask when --approve is given', async () => {
    const result = await generate(['5'], '--out', 'asked-not', '--approve', 'high+medium');
    expect(result.asked).toEqual([]);
    expect(result.terminal).toBe('');
    // high+medium takes the medium models.py too, so every file is written.
    expect(result.code, result.stderr).toBe(0);
    expect(await listing(path.join(dir, 'asked-not'))).toEqual(templateFiles);
  });
});

describe('the review in the history', () => {
  it('records a person’s interactive batch operation, and a policy’s decisions as a policy’s', async () => {
    const data = path.join(dir, 'history-data');
    const run = (answers: string[] | undefined, out: string, ...flags: string[]) =>
      runCli(
        { cwd: dir, env: { DJFORGE_DATA_DIR: data }, ...(answers ? { answers } : {}) },
        'generate',
        erd,
        ...llm(),
        '--no-runtime',
        '--out',
        out,
        ...flags,
      );
    expect((await run(['2'], 'person-medium')).code).toBe(0);
    expect((await run(undefined, 'policy-medium', '--approve', 'high+medium')).code).toBe(0);
    const [person, policy] = (await historyLog(data).read()).records;
    expect(person?.review?.reviewer).toBe('person');
    expect(person?.review?.files.find((f) => f.path === 'core/models.py')).toEqual({
      path: 'core/models.py',
      category: 'medium',
      score: 0.5,
      decision: 'approved',
      decidedBy: 'user',
      edits: 0,
      regenerations: 0,
      outcome: 'approved',
      approvedUnchanged: true,
    });
    expect(person?.review?.files).toHaveLength(total);
    expect(policy?.review?.reviewer).toBe('policy');
  });
});
