/**
 * Regeneration with feedback in `djforge generate`: on a terminal, `r` sends the reviewer's
 * feedback to the LLM engine, the new version replaces the file (re-judged, the old one shown in
 * the diff), and approving writes it. The local test model adds two fields the ERD does not have
 * to the Job model (drift, which only a person may accept; a model's error would be replaced by
 * the offline draft without asking) unless the prompt carries feedback, which it echoes as a comment.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromPrompt, draftResponder } from '../../test-support/draft-responder';
import { startOpenAiServer, type ChatRequest, type OpenAiServer } from '../../test-support/openai-server';
import { importErdText } from '../core/erd';
import { GenerationRun, NEEDS_LLM_MESSAGE, prepareLlmEngine } from '../core/run';
import { examples, readReport, runCli } from '../../test-support/cli-harness';

const DRIFT =
  '    featured = models.BooleanField(default=False)\n    views_count = models.PositiveIntegerField(default=0)\n';
const FEEDBACK = 'Keep to the fields of the ERD.';

function responder(request: ChatRequest): string {
  const prompt = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const feedback = /### Reviewer's feedback on the current version of \S+\n\n(.*)/.exec(prompt)?.[1];
  if (feedback !== undefined)
    return ['```python', `# regenerated: ${feedback}`, draftFromPrompt(prompt) ?? '', '```'].join('\n');
  const answer = draftResponder(request);
  return /^class Job\(models\.Model\):\n/m.test(answer)
    ? answer.replace(/(\n {4}posted_by = [^\n]*\n)/, `$1${DRIFT}`)
    : answer;
}

const erd = path.join(examples, 'seed-legacy-jobboard.json');
let dir: string;
let server: OpenAiServer;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-regenerate-'));
  server = await startOpenAiServer({ responder });
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('djforge generate: regenerate with feedback on a terminal', () => {
  it('r + feedback replaces the flagged file, shows the change, and approving writes the new version', async () => {
    const result = await runCli(
      { cwd: dir, answers: ['3', 'r', FEEDBACK, 'a'] },
      'generate',
      erd,
      '--engine',
      'llm',
      '--base-url',
      server.baseURL,
      '--model',
      'fake-coder',
      '--no-cache',
      '--no-runtime',
      '--out',
      'api',
      '--json',
      'report.json',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.asked).toEqual([
      'Select batch operation (1-5) [1]: ',
      '[a]pprove, [s]kip, [e]dit, [r]egenerate, [q]uit (skip the rest)? ',
      'Feedback for the regeneration: ',
      '[a]pprove, [s]kip, [e]dit, [r]egenerate, [q]uit (skip the rest)? ',
    ]);
    expect(result.terminal).toMatch(/\ncore\/models\.py — medium, score 0\.50\n/);
    expect(result.terminal).toContain('Changes (medium 0.50 → auto-approved 1.00):');
    expect(result.terminal).toContain(`+ # regenerated: ${FEEDBACK}`);
    expect(result.terminal).toContain('-     views_count = models.PositiveIntegerField(default=0)');
    const report = await readReport(path.join(dir, 'report.json'));
    expect(report.files.every((f) => f.approved && f.written)).toBe(true);
    expect(result.terminal).toContain(`Batch operation complete: ${report.files.length} approved, 0 skipped`);
    // The User model lives in the users app, so core/models.py is the Job model's unit alone.
    expect(result.stderr).toContain('Regenerated core/models.py (llm): 1 unit(s), 1 model call(s),');

    const regenerationPrompts = server.requests.filter((r) =>
      r.messages.some((m) => m.content.includes(`current version of core/models.py\n\n${FEEDBACK}`)),
    );
    expect(regenerationPrompts).toHaveLength(1);
    const jobPrompt = regenerationPrompts.find((r) => r.messages.some((m) => m.content.includes('class Job(')));
    expect(jobPrompt?.messages.some((m) => m.content.includes('    views_count = models.'))).toBe(true);

    const written = await fs.readFile(path.join(dir, 'api', 'core', 'models.py'), 'utf8');
    expect(written.split(`# regenerated: ${FEEDBACK}`)).toHaveLength(2);
    expect(written).not.toContain('views_count');
    const models = report.files.find((f) => f.path === 'core/models.py');
    expect(models).toMatchObject({ approved: true, category: 'auto-approved', source: 'llm', keptDraft: null });
    expect(models?.attempts.map((a) => [a.unitId, a.outcome])).toEqual([
      ['models:core:Job', 'ok'],
      ['models:core:Job', 'ok'],
    ]);
    expect(report.metrics.llmCalls).toBe(server.requests.length);
  });
});

describe('GenerationRun regeneration', () => {
  it('an interrupt cancels the regeneration in progress with a sentence, and the file stays as it was', async () => {
    const imported = importErdText(await fs.readFile(erd, 'utf8'), 'seed-legacy-jobboard.json');
    if (!imported.erd) throw new Error('the ERD did not import');
    const { engine, close } = await prepareLlmEngine({ baseURL: server.baseURL, model: 'fake-coder' });
    let subscribed = 0;
    let unsubscribed = 0;
    let interrupt = (): void => undefined;
    const review = new GenerationRun({
      erd: imported.erd,
      pipeline: { engine: 'llm', llm: engine },
      review: { threshold: 0.8, runtime: false, autoApprove: true, judgeOnJoin: false },
      env: {},
      onEvent: (event) => {
        if (event.type === 'started') interrupt();
      },
      onInterrupt: (cancel) => {
        subscribed += 1;
        interrupt = cancel;
        return () => (unsubscribed += 1);
      },
    });
    try {
      await review.review.add({ path: 'core/views.py', content: 'X = 1\n', agent: 'views' });
      const error = await review.review.regenerate('core/views.py', FEEDBACK).catch((e: unknown) => e);
      expect(error).toMatchObject({
        message: 'The regeneration of core/views.py was cancelled; the current version stays.',
        code: 'regenerate.cancelled',
      });
      expect([subscribed, unsubscribed]).toEqual([1, 1]);
      expect(review.review.get('core/views.py')).toMatchObject({ previous: [], current: { content: 'X = 1\n' } });
      expect(review.regenerations).toEqual([]);
    } finally {
      await close();
    }
  });

  it('with the template engine refuses with the sentence naming --engine llm and keeps the file as it was', async () => {
    const name = 'seed-legacy-jobboard.json';
    const imported = importErdText(await fs.readFile(erd, 'utf8'), name);
    if (!imported.erd) throw new Error(`${name} did not import`);
    const review = new GenerationRun({
      erd: imported.erd,
      pipeline: { engine: 'template' },
      review: { threshold: 0.8, runtime: false, autoApprove: true, judgeOnJoin: false },
      env: {},
    });
    await review.review.add({ path: 'core/views.py', content: 'X = 1\n', agent: 'views' });
    const error = await review.review.regenerate('core/views.py', FEEDBACK).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: NEEDS_LLM_MESSAGE, code: 'regenerate.needs-llm' });
    expect(review.review.get('core/views.py')).toMatchObject({ previous: [], current: { content: 'X = 1\n' } });
  });
});
