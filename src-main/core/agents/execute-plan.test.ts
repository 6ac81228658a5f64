import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { draftResponder, REFINED_MARKER } from '../../../test-support/draft-responder';
import { startOpenAiServer, type OpenAiServer } from '../../../test-support/openai-server';
import type { Erd } from '../../../src-shared/erd/model';
import { AgentCache } from '../cache/agent-cache';
import { appFiles } from '../generate/app';
import { plainErd, shopErd } from '../../../test-support/fixtures/app-erds';
import { importErdText } from '../erd';
import { appLabels } from '../generate/names';
import { projectFiles } from '../generate/project';
import type { GeneratedFile } from '../generate/types';
import { createLlmClient } from '../llm/client';
import { startCpythonChecker, type SyntaxChecker } from '../llm/python-syntax';
import { RecoveryPolicy } from '../recovery/policy';
import type { PoolEvent } from './events';
import { PoolCancelledError } from './pool';
import { splitIntoUnits } from './split-units';
import { executePlan, type PipelineOptions } from './execute-plan';
import { EXAMPLES_DIR, EXAMPLE_NAMES } from '../../../test-support/examples';

const KEY = 'sk-live-DO-NOT-LEAK-0042';
const examples = EXAMPLES_DIR;
const templateProject = (erd: Erd): GeneratedFile[] => [
  ...appLabels(erd).flatMap((app) => appFiles(erd, app)),
  ...projectFiles(erd),
];

let server: OpenAiServer;
let checker: SyntaxChecker;
let dir: string;
beforeAll(async () => {
  server = await startOpenAiServer({ responder: draftResponder });
  checker = await startCpythonChecker('python3');
});
afterAll(async () => {
  await checker.close();
  await server.close();
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-run-'));
});
afterEach(async () => {
  server.clearFaults();
  server.resetLog();
  await fs.rm(dir, { recursive: true, force: true });
});

function llmOptions(cache: AgentCache | null, extra: Partial<PipelineOptions> = {}): PipelineOptions {
  return {
    engine: 'llm',
    concurrency: 4,
    cache,
    llm: {
      client: createLlmClient({ baseURL: server.baseURL, apiKey: KEY, timeoutMs: 10_000 }),
      model: 'fake-coder',
      fallbackModels: ['fake-coder-2'],
      checker,
      policy: new RecoveryPolicy({ baseDelayMs: 1, maxDelayMs: 5, random: () => 0 }),
    },
    ...extra,
  };
}

/** The unit ids the model was asked about, from the request log. */
const askedUnits = () =>
  [
    ...new Set(
      server.requests.map((r) => /unit (\S+?)(?: \(entity|\.\n)/.exec(r.messages[1]?.content ?? '')?.[1] ?? '?'),
    ),
  ].sort();

describe('executePlan with the template engine', () => {
  it('assembles exactly the template project and reports every unit and file', async () => {
    const erd = shopErd();
    const template = templateProject(erd);
    const plan = splitIntoUnits(erd, template);
    const events: PoolEvent[] = [];
    const result = await executePlan(erd, plan, { engine: 'template' }, { onEvent: (e) => events.push(e) });
    expect(result.files.map((f) => [f.path, f.content])).toEqual(template.map((f) => [f.path, f.content]));
    expect(result.files.every((f) => f.source === 'template' && f.attempts.length === 0)).toBe(true);
    const ready = new Map(events.flatMap((e) => (e.type === 'fileReady' ? [[e.file, e.content] as const] : [])));
    expect(result.files.every((f) => ready.get(f.path) === f.content)).toBe(true);
    expect(result.metrics).toMatchObject({
      units: plan.units.length,
      llmCalls: 0,
      cacheHits: 0,
      retries: 0,
      fallbacks: 0,
    });
    expect(events.filter((e) => e.type === 'queued')).toHaveLength(plan.units.length);
    expect(
      events
        .filter((e) => e.type === 'fileReady')
        .map((e) => e.type === 'fileReady' && e.file)
        .sort(),
    ).toEqual(template.map((f) => f.path).sort());
    expect(plan.units.find((u) => u.id === 'views:shop:Product')?.deps).toEqual(
      expect.arrayContaining(['serializers:shop:Product', 'permissions:shop:Product']),
    );
  });
});

describe('splitIntoUnits', () => {
  it('reassembles every unit-built file of several ERDs from its drafts byte for byte', async () => {
    const erds: Erd[] = [shopErd(), plainErd()];
    for (const name of EXAMPLE_NAMES) {
      const imported = importErdText(await fs.readFile(path.join(examples, name), 'utf8'), name);
      if (imported.erd) erds.push(imported.erd);
    }
    expect(erds.length).toBeGreaterThanOrEqual(6);
    for (const erd of erds) {
      const template = templateProject(erd);
      const plan = splitIntoUnits(erd, template);
      const drafts = new Map(plan.units.map((u) => [u.id, u.draft]));
      const unitBuilt = plan.files.filter((f) => f.unitIds.length > 1);
      expect(unitBuilt.length).toBeGreaterThan(0);
      for (const file of plan.files) {
        const expected = template.find((f) => f.path === file.path)?.content;
        expect(file.assembleUnits(drafts), file.path).toBe(expected);
        expect(file.assemble(drafts), file.path).toBe(expected);
        expect(file.assemble(new Map()), file.path).toBe(expected);
      }
    }
  });

  it('assembles a file again from its units once one of them changed', () => {
    const erd = shopErd();
    const plan = splitIntoUnits(erd, templateProject(erd));
    const models = plan.files.find((f) => f.path.endsWith('/models.py'));
    const unit = plan.units.find((u) => u.id === models?.unitIds.at(-1));
    if (!models || !unit) throw new Error('shop has no models.py units');
    const changed = new Map([[unit.id, `${unit.draft}\n    # reviewed`]]);
    expect(models.assemble(changed)).toBe(models.assembleUnits(changed));
    expect(models.assemble(changed)).toContain(`${unit.draft}\n    # reviewed`);
  });
});

describe('executePlan with the LLM engine', () => {
  it('refines every refinable unit, in dependency order, into valid Python files', async () => {
    const erd = shopErd();
    const plan = splitIntoUnits(erd, templateProject(erd));
    const result = await executePlan(erd, plan, llmOptions(null));
    const refinable = plan.units.filter((u) => u.refine);
    expect(result.metrics.llmCalls).toBe(refinable.length);
    expect(askedUnits()).toEqual(refinable.map((u) => u.id).sort());
    const models = result.files.find((f) => f.path === 'shop/models.py');
    expect(models?.source).toBe('llm');
    expect(models?.content.split(REFINED_MARKER).length).toBe(
      plan.units.filter((u) => u.file === 'shop/models.py').length + 1,
    );
    for (const file of result.files.filter((f) => f.path.endsWith('.py')))
      expect(await checker.check(file.content), file.path).toBeNull();
    expect(result.files.find((f) => f.path === 'shop/urls.py')?.source).toBe('template');
    const serializerPrompt = server.requests.find((r) =>
      r.messages[1]?.content.includes('unit serializers:shop:Product '),
    )?.messages[1]?.content;
    expect(serializerPrompt).toContain('### models:shop:Product');
    expect(serializerPrompt).toContain(REFINED_MARKER);
  });

  it("moves an import a model adds to a unit into the file's imports", async () => {
    const erd = shopErd();
    const plan = splitIntoUnits(erd, templateProject(erd));
    const draft = plan.units.find((u) => u.id === 'views:shop:Product')?.draft ?? '';
    const text = ['```python', 'from django.db.models import Q', '', draft, '```'].join('\n');
    server.inject({
      fault: { kind: 'answer', text },
      match: (r) => r.messages[1]?.content.includes('unit views:shop:Product ') ?? false,
    });
    const result = await executePlan(erd, plan, llmOptions(null));
    const views = result.files.find((f) => f.path === 'shop/views.py')?.content ?? '';
    const firstClass = views.search(/^class /m);
    expect(views.indexOf('from django.db.models import Q\n')).toBeGreaterThan(0);
    expect(views.indexOf('from django.db.models import Q\n')).toBeLessThan(firstClass);
    expect(views.match(/from django\.db\.models import Q$/gm)).toHaveLength(1);
    expect(await checker.check(views)).toBeNull();
  });

  it('makes no model call for an unchanged ERD, and few after renaming one field', async () => {
    const erd = shopErd();
    const cold = await executePlan(erd, splitIntoUnits(erd, templateProject(erd)), llmOptions(new AgentCache({ dir })));
    expect(cold.metrics.cacheMisses).toBe(cold.metrics.llmCalls);
    server.resetLog();

    const warm = await executePlan(erd, splitIntoUnits(erd, templateProject(erd)), llmOptions(new AgentCache({ dir })));
    expect(warm.metrics).toMatchObject({ llmCalls: 0, cacheMisses: 0, cacheHits: cold.metrics.llmCalls });
    expect(warm.files.map((f) => f.content)).toEqual(cold.files.map((f) => f.content));
    expect(warm.files.find((f) => f.path === 'shop/models.py')?.source).toBe('cache');
    expect(warm.metrics.tokensSaved).toBe(cold.metrics.tokens);
    expect(server.requests).toHaveLength(0);

    const renamed = shopErd();
    const address = renamed.entities.find((e) => e.name === 'Address');
    if (address?.fields[0]?.name !== 'street') throw new Error('fixture changed: Address.street is gone');
    address.fields[0] = { ...address.fields[0], name: 'street_line' };
    const after = await executePlan(
      renamed,
      splitIntoUnits(renamed, templateProject(renamed)),
      llmOptions(new AgentCache({ dir })),
    );
    const asked = askedUnits();
    expect(asked.filter((id) => !id.endsWith(':Address'))).toEqual([]);
    expect(asked).toEqual(
      expect.arrayContaining(['models:shop:Address', 'serializers:shop:Address', 'views:shop:Address']),
    );
    expect(after.metrics.llmCalls).toBeLessThanOrEqual(cold.metrics.llmCalls / 4);
  });

  it("puts the ERD's and the user's instructions in every prompt and in the cache key", async () => {
    const erd = { ...shopErd(), instructions: 'Prefer explicit field lists.' };
    const cache = new AgentCache({ dir });
    const first = await executePlan(
      erd,
      splitIntoUnits(erd, templateProject(erd)),
      llmOptions(cache, { instructions: 'Use UUID keys.' }),
    );
    expect(
      server.requests.every((r) =>
        r.messages[1]?.content.includes('## User instructions\nPrefer explicit field lists.\n\nUse UUID keys.'),
      ),
    ).toBe(true);
    const changed = await executePlan(
      erd,
      splitIntoUnits(erd, templateProject(erd)),
      llmOptions(cache, { instructions: 'Use integer keys.' }),
    );
    expect(changed.metrics).toMatchObject({ cacheHits: 0, llmCalls: first.metrics.llmCalls });
  });

  it('never caches a fallen-back unit, and never writes the key into the cache', async () => {
    const erd = shopErd();
    const broken = { kind: 'answer', text: '```python\nclass Product(models.Model:\n```' } as const;
    server.inject({
      fault: broken,
      times: 6,
      match: (r) => r.messages[1]?.content.includes('unit models:shop:Product ') ?? false,
    });
    const first = await executePlan(
      erd,
      splitIntoUnits(erd, templateProject(erd)),
      llmOptions(new AgentCache({ dir }), { concurrency: 1 }),
    );
    expect(first.metrics.fallbacks).toBe(1);
    const models = first.files.find((f) => f.path === 'shop/models.py');
    expect(models?.source).toBe('fallback');
    expect(models?.attempts.filter((a) => a.unitId === 'models:shop:Address').map((a) => a.outcome)).toEqual(['ok']);
    expect(
      models?.attempts
        .filter((a) => a.unitId === 'models:shop:Product')
        .map((a) => `${a.unitId} ${a.model} ${a.outcome} ${a.action}`),
    ).toEqual([
      'models:shop:Product fake-coder invalidCode repair',
      'models:shop:Product fake-coder invalidCode repair',
      'models:shop:Product fake-coder invalidCode switchModel',
      'models:shop:Product fake-coder-2 invalidCode repair',
      'models:shop:Product fake-coder-2 invalidCode repair',
      'models:shop:Product fake-coder-2 invalidCode giveUp',
    ]);
    server.resetLog();
    const second = await executePlan(
      erd,
      splitIntoUnits(erd, templateProject(erd)),
      llmOptions(new AgentCache({ dir })),
    );
    expect(askedUnits()).toContain('models:shop:Product');
    expect(second.metrics.fallbacks).toBe(0);
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((e) => e.isFile())) {
      expect(await fs.readFile(path.join(entry.parentPath, entry.name), 'utf8')).not.toContain(KEY);
    }
  });

  it('cancels in-flight requests and rejects', async () => {
    const erd = shopErd();
    server.inject({ fault: { kind: 'hang' }, times: 100 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const events: PoolEvent[] = [];
    const hooks = { signal: controller.signal, onEvent: (e: PoolEvent) => events.push(e) };
    await expect(
      executePlan(erd, splitIntoUnits(erd, templateProject(erd)), llmOptions(null), hooks),
    ).rejects.toBeInstanceOf(PoolCancelledError);
    const failed = events.filter((e) => e.type === 'failed');
    expect(failed).toHaveLength(4);
    expect(failed.every((e) => /cancelled/.test(e.message))).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.length).toBe(4);
    expect(server.requests.every((r) => r.outcome === 'clientClosed')).toBe(true);
  });
});
