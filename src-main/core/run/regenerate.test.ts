import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { draftFromPrompt, draftResponder, REFINED_MARKER } from '../../../test-support/draft-responder';
import { startOpenAiServer, type ChatRequest, type OpenAiServer } from '../../../test-support/openai-server';
import type { Erd } from '../../../src-shared/erd/model';
import { splitIntoUnits } from '../agents/split-units';
import { AgentCache } from '../cache/agent-cache';
import { importErdText, normalizeErd } from '../erd';
import { generateProject } from '../generate';
import type { LlmEngineOptions } from '../agents/execute-plan';
import { prepareLlmEngine, runPipeline, type PipelineOptions } from './pipeline';
import { NEEDS_LLM_MESSAGE, regenerateFile, RegenerationError, type RegenerateFileInput } from './regenerate';
import { topLevelBlocks } from '../generate/python-blocks';
import { unitParts } from './regenerate-parts';
import { ReviewSession } from '../review/review-session';
import { EXAMPLES_DIR } from '../../../test-support/examples';

const examples = EXAMPLES_DIR;
const FEEDBACK_HEADING = "### Reviewer's feedback on the current version of";
const FEEDBACK = 'Give every model a verbose_name.';

/** How the test model answers a regeneration prompt; a plain unit prompt gets the cooperative answer. */
let onRegenerate: (request: ChatRequest, draft: string, feedback: string) => string;
const cooperative = (_request: ChatRequest, draft: string, feedback: string) =>
  ['```python', `# regenerated: ${feedback}`, draft, '```'].join('\n');

function responder(request: ChatRequest): string {
  const first = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const feedback = new RegExp(`${FEEDBACK_HEADING} \\S+\\n\\n(.*)`).exec(first)?.[1];
  if (feedback === undefined) return draftResponder(request);
  return onRegenerate(request, draftFromPrompt(first) ?? 'VALUE = 1', feedback);
}

let server: OpenAiServer;
let erd: Erd;
/** The job board plus a Company, so core holds two models (its User lives in the users app). */
let twoModels: Erd;
let engine: LlmEngineOptions;
let closeEngine: () => Promise<void>;
let settingsPath: string;
const noWait = () => Promise.resolve();

beforeAll(async () => {
  server = await startOpenAiServer({ responder });
  const name = 'seed-v2-jobboard.json';
  const imported = importErdText(await fs.readFile(path.join(examples, name), 'utf8'), name);
  if (!imported.erd) throw new Error(`${name} did not import`);
  erd = imported.erd;
  twoModels = normalizeErd({
    ...erd,
    entities: [...erd.entities, { name: 'Company', fields: [{ name: 'name', type: 'string' }] }],
  }).erd;
  settingsPath = generateProject(erd).find((f) => f.agent === 'settings')?.path ?? 'no settings';
  ({ engine, close: closeEngine } = await prepareLlmEngine({
    baseURL: server.baseURL,
    model: 'fake-coder',
    requestTimeoutMs: 30_000,
  }));
});
afterAll(async () => {
  await closeEngine();
  await server.close();
});
beforeEach(() => {
  onRegenerate = cooperative;
  server.clearFaults();
});

const llmOptions = (cache: AgentCache | null = null): PipelineOptions => ({
  engine: 'llm',
  llm: engine,
  cache,
  sleep: noWait,
});

/** The file's text after an LLM run, and the run's options. */
async function generated(file: string, cache: AgentCache | null = null, model: Erd = erd) {
  const options = llmOptions(cache);
  const result = await runPipeline(model, options);
  const content = result.files.find((f) => f.path === file)?.content;
  if (content === undefined) throw new Error(`no ${file}`);
  return { options, content, files: result.files };
}

const userPrompt = (request: ChatRequest) => request.messages.find((m) => m.role === 'user')?.content ?? '';
const refinedUnits = (file: string, model: Erd = erd) =>
  splitIntoUnits(model, generateProject(model)).units.filter((u) => u.file === file && u.refine);

describe('regenerateFile', () => {
  it("puts the feedback and the current version in every unit's prompt, reads no cache, and reassembles the file", async () => {
    const cache = new AgentCache();
    const { options, content } = await generated('core/models.py', cache, twoModels);
    const hitsBefore = cache.stats().hits;
    const writesBefore = cache.stats().writes;
    server.resetLog();

    const result = await regenerateFile({
      erd: twoModels,
      path: 'core/models.py',
      feedback: FEEDBACK,
      current: content,
      options,
    });

    const units = refinedUnits('core/models.py', twoModels);
    expect(units.map((u) => u.id)).toEqual(['models:core:Job', 'models:core:Company']);
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      const prompt = userPrompt(request);
      expect(prompt).toContain(`## User instructions`);
      expect(prompt).toContain(`${FEEDBACK_HEADING} core/models.py\n\n${FEEDBACK}\n\n`);
      expect(prompt).toContain("### Current version under review (this unit's part of core/models.py)");
      expect(prompt).toContain(`Apply the reviewer's feedback on the current version: ${FEEDBACK}`);
    }
    const jobPrompt = userPrompt(
      server.requests.find((r) => userPrompt(r).includes('unit models:core:Job')) as ChatRequest,
    );
    const parts = unitParts(content, units);
    const currentJob = parts.get('models:core:Job');
    expect(currentJob).toMatch(/^# refined by the test model\nclass Job\(/);
    expect(jobPrompt).toContain(`\`\`\`python\n${currentJob}\n\`\`\``);
    expect(parts.get('models:core:Company')).toMatch(/^# refined by the test model\nclass Company\(/);
    expect(jobPrompt).not.toContain(parts.get('models:core:Company'));

    expect(result).toMatchObject({ path: 'core/models.py', agent: 'models', source: 'llm', units: 2, fallbacks: 0 });
    expect(result.content.split(`# regenerated: ${FEEDBACK}`)).toHaveLength(3);
    expect(result.content).not.toContain(REFINED_MARKER);
    expect(result.attempts.map((a) => [a.unitId, a.outcome, a.action])).toEqual(
      expect.arrayContaining([
        ['models:core:Company', 'ok', 'accept'],
        ['models:core:Job', 'ok', 'accept'],
      ]),
    );
    expect(result.attempts).toHaveLength(2);
    expect(await engine.checker?.check(result.content)).toBeNull();
    expect(cache.stats().hits).toBe(hitsBefore);
    expect(cache.stats().writes).toBe(writesBefore + 2);

    server.resetLog();
    await regenerateFile({ erd: twoModels, path: 'core/models.py', feedback: FEEDBACK, current: content, options });
    expect(server.requests).toHaveLength(2);
  });

  it('gives a unit the current text of the units it builds on, from the other files as they are now', async () => {
    const { options, content } = await generated('core/serializers.py', null, twoModels);
    const models = '"""Models."""\n\n\nclass Job(models.Model):\n    """Edited by the reviewer."""\n';
    server.resetLog();
    await regenerateFile({
      erd: twoModels,
      path: 'core/serializers.py',
      feedback: 'Validate the salary range.',
      current: content,
      options,
      fileContent: (file) => (file === 'core/models.py' ? models : undefined),
    });
    const job = userPrompt(
      server.requests.find((r) => userPrompt(r).includes('unit serializers:core:Job')) as ChatRequest,
    );
    expect(job).toContain(
      '### models:core:Job\n```python\nclass Job(models.Model):\n    """Edited by the reviewer."""\n```',
    );
    const company = userPrompt(
      server.requests.find((r) => userPrompt(r).includes('unit serializers:core:Company')) as ChatRequest,
    );
    const companyDraft =
      splitIntoUnits(twoModels, generateProject(twoModels)).units.find((u) => u.id === 'models:core:Company')?.draft ??
      '';
    expect(companyDraft).toMatch(/^class Company\(/m);
    expect(company).toContain(`### models:core:Company\n\`\`\`python\n${companyDraft.trimEnd()}\n\`\`\``);
  });

  it('replaces the file in a review session, which keeps the previous version and re-judges the new one', async () => {
    const { options, content } = await generated(settingsPath);
    const session = new ReviewSession({
      validate: () => Promise.resolve([]),
      regenerate: async (file, feedback, current) =>
        (await regenerateFile({ erd, path: file, feedback, current, options })).content,
    });
    await session.add({ path: settingsPath, content, agent: 'settings' });
    server.resetLog();
    const entry = await session.regenerate(settingsPath, 'Read CORS origins from the environment.');
    expect(userPrompt(server.requests[0] as ChatRequest)).toContain(
      `${FEEDBACK_HEADING} ${settingsPath}\n\nRead CORS origins from the environment.\n\n### Current version under review (the whole file ${settingsPath})\n\n\`\`\`python\n${content.trimEnd()}\n\`\`\``,
    );
    expect(entry.current.origin).toBe('regenerated');
    expect(entry.current.feedback).toBe('Read CORS origins from the environment.');
    expect(entry.current.content.startsWith('# regenerated: Read CORS origins from the environment.\n')).toBe(true);
    expect(entry.previous.map((v) => [v.origin, v.content])).toEqual([['generated', content]]);
    expect(entry.current.category).toBe('auto-approved');
  });

  it('repairs invalid code from the model with the validator error', async () => {
    const { options, content } = await generated(settingsPath);
    onRegenerate = (request, draft, feedback) =>
      request.messages.length > 2 ? cooperative(request, draft, feedback) : '```python\nDEBUG = (\n```';
    server.resetLog();
    const result = await regenerateFile({
      erd,
      path: settingsPath,
      feedback: 'Tidy up.',
      current: content,
      options,
    });
    expect(result.attempts.map((a) => [a.outcome, a.action])).toEqual([
      ['invalidCode', 'repair'],
      ['ok', 'accept'],
    ]);
    expect(userPrompt(server.requests[0] as ChatRequest)).toContain('Tidy up.');
    expect(server.requests[1]?.messages.at(-1)?.content).toMatch(/^The code you returned is not valid: /);
    expect(result.source).toBe('llm');
    expect(result.content.startsWith('# regenerated: Tidy up.\n')).toBe(true);
  });

  it('falls back to the deterministic draft when every repair fails, and says so', async () => {
    const { options, content } = await generated(settingsPath);
    onRegenerate = () => '```python\nDEBUG = (\n```';
    const result = await regenerateFile({
      erd,
      path: settingsPath,
      feedback: 'Tidy up.',
      current: content,
      options,
    });
    expect(result).toMatchObject({ source: 'fallback', fallbacks: 1, units: 1 });
    expect(result.content).toBe(generateProject(erd).find((f) => f.path === settingsPath)?.content);
    expect(result.attempts.length).toBeGreaterThan(1);
    expect(result.attempts.every((a) => a.outcome === 'invalidCode')).toBe(true);
    expect(result.attempts.at(-1)?.action).toBe('giveUp');
  });

  it.each<[string, Partial<RegenerateFileInput>, string, string]>([
    ['the template engine', { options: { engine: 'template' } }, NEEDS_LLM_MESSAGE, 'regenerate.needs-llm'],
    [
      'a path that was not generated',
      { path: 'core/nothing.py' },
      '"core/nothing.py" is not a file of this generation.',
      'regenerate.unknown-file',
    ],
    [
      'a file the LLM engine does not refine',
      { path: 'core/urls.py' },
      '"core/urls.py" is kept as the template wrote it (agent urls is not refined by the LLM engine), so there is nothing to regenerate.',
      'regenerate.not-refined',
    ],
    [
      'empty feedback',
      { feedback: '  \n' },
      'The feedback for "core/models.py" is empty; say what should change.',
      'regenerate.empty-feedback',
    ],
  ])('refuses %s before any model call', async (_what, change, message, code) => {
    server.resetLog();
    const input: RegenerateFileInput = {
      erd,
      path: 'core/models.py',
      feedback: FEEDBACK,
      current: 'X = 1\n',
      options: llmOptions(),
      ...change,
    };
    const error = await regenerateFile(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegenerationError);
    expect(error).toMatchObject({ message, code });
    expect(server.requests).toHaveLength(0);
  });

  it('says "Regeneration with feedback needs the LLM engine (--engine llm)."', () => {
    expect(NEEDS_LLM_MESSAGE).toBe('Regeneration with feedback needs the LLM engine (--engine llm).');
  });
});

describe('topLevelBlocks and blocksDefining', () => {
  const module = [
    '"""Doc with a line\nclass NotAClass:\n"""',
    'from x import (',
    '    a,',
    ')',
    '',
    '',
    '# About A',
    '@decorator(',
    '    arg=1,',
    ')',
    'class A:',
    '    text = """',
    'def not_top():',
    '"""',
    '',
    '    def method(self):',
    '        return 1',
    '',
    '',
    'B = [',
    '1,',
    ']',
    'C = 1 + \\',
    '2',
  ].join('\n');

  it('splits at statements that start at column 0 outside strings, brackets and continuations', () => {
    expect(topLevelBlocks(module)).toEqual([
      '"""Doc with a line\nclass NotAClass:\n"""',
      'from x import (\n    a,\n)',
      '# About A\n@decorator(\n    arg=1,\n)\nclass A:\n    text = """\ndef not_top():\n"""\n\n    def method(self):\n        return 1',
      'B = [\n1,\n]',
      'C = 1 + \\\n2',
    ]);
  });

  it('shares the statements out among units: a part runs from a statement a draft names to the next', () => {
    const parts = unitParts(module, [
      { id: 'a', draft: 'class A:\n    pass\n' },
      { id: 'b', draft: 'B = []\n' },
      { id: 'gone', draft: 'def not_top():\n    pass\n' },
    ]);
    expect([...parts.keys()]).toEqual(['a', 'b']);
    expect(parts.get('a')?.startsWith('# About A\n@decorator(\n')).toBe(true);
    expect(parts.get('a')?.endsWith('        return 1')).toBe(true);
    expect(parts.get('b')).toBe('B = [\n1,\n]\n\n\nC = 1 + \\\n2');
    expect(unitParts(module, [])).toEqual(new Map());
  });
});
