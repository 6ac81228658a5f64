/**
 * One ERD through two hosts of the one workflow — the `djforge` CLI (`main()` with --approve and
 * --json) and the Studio service the desktop app and the web host call — must give the same
 * report: the same files, scores, categories, findings and approvals. The LLM is the local
 * OpenAI-compatible server, answering with the template's draft except for one viewset that gains
 * an `eval` helper, so the run has a file with a security finding that both hosts replace by its
 * offline draft.
 * The Studio's part also reviews the run through the contract: the batch operations, an edit,
 * a regeneration with feedback (streamed), and the write plan before writing.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, FileReview, RunSnapshot, WritePlan } from '../../src-shared/api';
import { draftFromPrompt, draftResponder } from '../../test-support/draft-responder';
import { EXAMPLES_DIR } from '../../test-support/examples';
import { runCli, readReport } from '../../test-support/cli-harness';
import { startOpenAiServer, type ChatRequest, type OpenAiServer } from '../../test-support/openai-server';
import { fileSettingsStore } from '../core/settings';
import {
  createConfinement,
  createStudioService,
  defaultCoreFunctions,
  dispatchStudio,
  fileHistoryStore,
} from '../core/studio';
import { NEEDS_LLM_MESSAGE } from '../core/run';

const ERD = path.join(EXAMPLES_DIR, 'seed-legacy-jobboard.json');
const EVAL = '\n\ndef run_filter(text):\n    return eval(text)\n';
const FEEDBACK = 'Remove the eval helper.';

function responder(request: ChatRequest): string {
  const prompt = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const feedback = /### Reviewer's feedback on the current version of \S+\n\n(.*)/.exec(prompt)?.[1];
  if (feedback !== undefined)
    return ['```python', `# regenerated: ${feedback}`, draftFromPrompt(prompt) ?? '', '```'].join('\n');
  const answer = draftResponder(request);
  return /class JobViewSet\b/.test(answer) ? answer.replace(/\n```$/, `${EVAL}\`\`\``) : answer;
}

type Seen = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

let dir: string;
let server: OpenAiServer;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-hosts-'));
  server = await startOpenAiServer({ responder });
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function studioHost(dataDir: string) {
  const events: Seen[] = [];
  await fs.mkdir(dataDir, { recursive: true });
  const service = createStudioService({
    info: { name: 'DjForge Studio', version: 'test', host: 'web', dataDir },
    core: defaultCoreFunctions,
    settings: fileSettingsStore(path.join(dataDir, 'settings.json')),
    secrets: { has: async () => false, get: async () => null, set: async () => undefined },
    history: fileHistoryStore(dataDir),
    emit: (name, payload) => events.push({ name, payload } as Seen),
    env: {},
    access: { confinement: await createConfinement([dir, EXAMPLES_DIR], []), settingsPaths: 'check' },
  });
  const call = (method: string, payload: unknown = {}) => dispatchStudio(service.handlers, method, payload);
  const value = async <T>(method: string, payload: unknown = {}): Promise<T> => {
    const result = await call(method, payload);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const named = <E extends EventName>(name: E) =>
    events.filter((e) => e.name === name).map((e) => e.payload as EventPayload<E>);
  return { service, call, value, named };
}

const verdict = (f: { path: string; score: number; category: string; approved: boolean }) => ({
  path: f.path,
  score: f.score,
  category: f.category,
  approved: f.approved,
});

describe('the CLI and the Studio service agree on a run', () => {
  it('give the same files, scores, categories, findings and approvals for the same ERD', async () => {
    const cli = await runCli(
      { cwd: dir },
      'generate',
      ERD,
      ...['--engine', 'llm', '--base-url', server.baseURL, '--model', 'fake-coder', '--no-cache'],
      ...['--no-runtime', '--approve', 'high', '--out', 'cli-out', '--json', 'report.json'],
    );
    // Every file is approved: the flagged views.py by way of its offline draft (see below).
    expect(cli.code, cli.stderr).toBe(0);
    const report = await readReport(path.join(dir, 'report.json'));

    const studio = await studioHost(path.join(dir, 'studio-data'));
    await studio.value('updateSettings', {
      provider: 'custom',
      baseUrl: server.baseURL,
      model: 'fake-coder',
      cacheDir: path.join(dir, 'studio-cache'),
    });
    const { erd } = await studio.value<{ erd: unknown }>('openErd', { path: ERD });
    const { runId } = await studio.value<{ runId: string }>('startRun', { erd, engine: 'llm', runtime: false });
    await studio.service.runs.settled(runId);
    // `--approve high`: batch 1, then everything still pending is skipped.
    await studio.value('approveHighQuality', { runId });
    const pending = Object.values((await studio.value<RunSnapshot>('getRun', { runId })).review.files)
      .filter((f) => f.decision === 'pending')
      .map((f) => f.path);
    if (pending.length > 0) await studio.value('decideFiles', { runId, paths: pending, decision: 'skipped' });
    const run = await studio.value<RunSnapshot>('getRun', { runId });
    expect(run.status).toBe('completed');
    expect(run.review.complete).toBe(true);

    const studioFiles = Object.values(run.review.files).sort((a, b) => (a.path < b.path ? -1 : 1));
    const cliFiles = [...report.files].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(studioFiles.map((f) => verdict({ ...f, approved: f.decision === 'approved' }))).toEqual(
      cliFiles.map(verdict),
    );
    expect(studioFiles.map((f) => f.findings.map((d) => [d.code, d.severity, d.line ?? 0, d.message]))).toEqual(
      cliFiles.map((f) => f.findings.map((x) => [x.rule, x.severity, x.line, x.message])),
    );
    expect(run.review.summary).toMatchObject({
      approved: report.metrics.approved,
      skipped: report.metrics.skipped,
      autoApprovalRate: report.metrics.autoApprovalRate,
      avgQuality: report.metrics.avgQuality,
    });
    expect(run.files.map((f) => [f.path, f.source]).sort()).toEqual(cliFiles.map((f) => [f.path, f.source]));

    // The flagged file: the model's version had an error, so both hosts keep the offline draft
    // (approved) and say why; the model's version, with its finding said once, stays as version 0.
    const views = run.review.files['core/views.py'] as FileReview;
    expect(views).toMatchObject({ decision: 'approved', keptDraft: { reason: expect.stringContaining('security.') } });
    expect(views.versions.map((v) => v.category)).toEqual(['error', 'auto-approved']);
    expect(
      views.versions[0]?.findings.some((d) => d.code.startsWith('security.') && !/^(\w+)\.\1\./.test(d.code)),
    ).toBe(true);
    expect(
      Object.values(run.findings)
        .flat()
        .filter((d) => /^([\w-]+)\.\1\./.test(d.code)),
    ).toEqual([]);
    expect(report.files.find((f) => f.path === 'core/views.py')).toMatchObject({
      approved: true,
      keptDraft: views.keptDraft,
    });
  });

  it('reviews a Studio run through the contract: regenerate (streamed), edit, batch operations, write plan', async () => {
    const studio = await studioHost(path.join(dir, 'review-data'));
    await studio.value('updateSettings', {
      provider: 'custom',
      baseUrl: server.baseURL,
      model: 'fake-coder',
      cacheDir: path.join(dir, 'review-cache'),
    });
    const { erd } = await studio.value<{ erd: unknown }>('openErd', { path: ERD });
    const { runId } = await studio.value<{ runId: string }>('startRun', { erd, engine: 'llm', runtime: false });
    await studio.service.runs.settled(runId);

    expect(await studio.call('regenerateFile', { runId, path: 'core/views.py', feedback: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid' },
    });
    const regenerated = await studio.value<FileReview>('regenerateFile', {
      runId,
      path: 'core/views.py',
      feedback: FEEDBACK,
    });
    expect(regenerated).toMatchObject({ category: 'auto-approved', decision: 'approved', decidedBy: 'auto' });
    expect(regenerated.versions.map((v) => [v.origin, v.category])).toEqual([
      ['generated', 'error'],
      ['generated', 'auto-approved'],
      ['regenerated', 'auto-approved'],
    ]);
    expect(regenerated.keptDraft).toBeNull();
    expect(regenerated.versions[2]?.feedback).toBe(FEEDBACK);
    expect(regenerated.versions[2]?.content).toContain(`# regenerated: ${FEEDBACK}`);
    expect(studio.named('regenerationText').filter((e) => e.path === 'core/views.py').length).toBeGreaterThan(0);
    expect(studio.named('fileVersion').at(-1)).toMatchObject({ runId, path: 'core/views.py', file: { current: 2 } });

    const edited = await studio.value<FileReview>('editFile', {
      runId,
      path: 'core/admin.py',
      content: 'from django.contrib import admin\n\nDEBUG = True\n',
    });
    expect(edited.versions.map((v) => v.origin)).toEqual(['generated', 'edited']);
    expect(edited.decision).toBe('pending');
    expect(edited.category).not.toBe('auto-approved');

    const skipped = await studio.value<{ changed: string[] }>('skipProblematic', { runId });
    const high = await studio.value<{ changed: string[]; decisions: Record<string, string> }>('approveHighAndMedium', {
      runId,
    });
    expect([...skipped.changed, ...high.changed]).toContain('core/admin.py');
    expect(Object.values(high.decisions).every((d) => d !== 'pending')).toBe(true);

    const out = path.join(dir, 'review-out');
    const plan = await studio.value<WritePlan>('planWrite', { runId, outDir: out });
    expect(plan.mode).toBe('created');
    expect(new Set(plan.files.map((f) => f.action))).toEqual(new Set(['new']));
    const written = await studio.value<{ written: string[] }>('writeProject', { runId, outDir: out });
    expect(written.written).toEqual(plan.files.map((f) => f.path));
    const views = await fs.readFile(path.join(out, 'core', 'views.py'), 'utf8');
    expect(views).toContain(`# regenerated: ${FEEDBACK}`);
    await fs.writeFile(path.join(out, 'core', 'views.py'), `${views}\n# mine\n`);
    const again = await studio.value<WritePlan>('planWrite', { runId, outDir: out });
    expect(again.mode).toBe('merged');
    expect(again.files.find((f) => f.path === 'core/views.py')?.action).toBe('kept');
    expect(new Set(again.files.filter((f) => f.path !== 'core/views.py').map((f) => f.action))).toEqual(
      new Set(['unchanged']),
    );
    await studio.service.runs.dispose();
  });

  it('refuses regeneration of a template run with its own code and sentence', async () => {
    const studio = await studioHost(path.join(dir, 'template-data'));
    const { erd } = await studio.value<{ erd: unknown }>('openErd', { path: ERD });
    const { runId } = await studio.value<{ runId: string }>('startRun', { erd, engine: 'template', runtime: false });
    await studio.service.runs.settled(runId);
    expect(await studio.call('regenerateFile', { runId, path: 'core/views.py', feedback: FEEDBACK })).toEqual({
      ok: false,
      error: { code: 'regenerate.needs-llm', message: NEEDS_LLM_MESSAGE, retryable: false },
    });
    expect(await studio.call('approveSelection', { runId, paths: ['nope.py'] })).toMatchObject({
      ok: false,
      error: { code: 'review.unknown-file', message: 'Run "jobboard" has no file "nope.py".' },
    });
  });
});
