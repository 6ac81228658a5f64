import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { importErdText } from '../erd';
import { generateProject } from '../generate';
import { shopErd } from '../../../test-support/fixtures/app-erds';
import { findAnalyzerPython } from './python-analyzer';
import { validateRuntime } from './runtime-layer';
import { scoreFile } from './score';
import { validateStatic } from './validate-project';
import type { Finding } from './types';
import { EXAMPLES_DIR, EXAMPLE_NAMES } from '../../../test-support/examples';
import { djangoTargets } from '../../../test-support/django-versions';

/**
 * The template engine's output is the baseline every LLM result is judged against, so the static
 * layers must find nothing wrong with it: a finding here is either a generator bug or a false
 * positive of a rule, and both must be fixed.
 */
const examples = EXAMPLES_DIR;

/**
 * The shop fixture's rules that no generated code can enforce stay TODOs, each a deliberate warning
 * on its models.py (see semantic-rules.ts); every other finding is a bug.
 */
const RULE_TODOS = 'semantic.rule-not-enforced';
const EXPECTED_TODOS: Record<string, number> = { 'shop fixture (two apps, every feature)': 3 };

function unexpected(name: string, findings: readonly Finding[]): Finding[] {
  const todos = findings.filter((f) => f.rule === RULE_TODOS);
  expect(todos.length, name).toBe(EXPECTED_TODOS[name] ?? 0);
  expect(todos.every((f) => f.file.endsWith('/models.py') && f.severity === 'warning')).toBe(true);
  return findings.filter((f) => f.rule !== RULE_TODOS);
}
const hasPython = (await findAnalyzerPython()) !== null;

async function erds(): Promise<[string, Erd][]> {
  const out: [string, Erd][] = [['shop fixture (two apps, every feature)', shopErd()]];
  const names = [...EXAMPLE_NAMES];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const { erd } = importErdText(await fs.readFile(path.join(examples, name), 'utf8'), name);
    if (erd) out.push([name, erd]);
  }
  return out;
}

describe('generated projects through the static layers with tree-sitter (no Python)', () => {
  it('finds nothing either, so both engines agree on the baseline', async () => {
    for (const [name, erd] of await erds()) {
      const { findings, python } = await validateStatic(generateProject(erd), { erd, noPython: true });
      expect(python).toBeNull();
      expect({ name, findings: unexpected(name, findings) }).toEqual({ name, findings: [] });
    }
  });

  it('catches the same misspelled field', async () => {
    const erd = shopErd();
    const files = generateProject(erd).map((f) =>
      f.path === 'shop/serializers.py'
        ? { ...f, content: f.content.replace("'name', 'slug', 'parent'", "'name', 'slgu', 'parent'") }
        : f,
    );
    const { findings } = await validateStatic(files, { erd, noPython: true });
    expect(findings.filter((f) => f.rule !== RULE_TODOS).map((f) => [f.file, f.rule])).toEqual([
      ['shop/serializers.py', 'semantic.unknown-field'],
    ]);
  });
});

describe.skipIf(!hasPython)('generated projects through the static layers', () => {
  it('finds nothing and auto-approves every file of every example project', async () => {
    const all = await erds();
    expect(all.length).toBeGreaterThan(1);
    for (const [name, erd] of all) {
      const files = generateProject(erd);
      const { findings } = await validateStatic(files, { erd });
      expect({ name, findings: unexpected(name, findings) }).toEqual({ name, findings: [] });
      for (const f of files) {
        expect(scoreFile({ path: f.path, content: f.content, findings: [] }).category, `${name}: ${f.path}`).toBe(
          'auto-approved',
        );
      }
    }
  });

  it('catches one misspelled serializer field in a generated project, at its line', async () => {
    const erd = shopErd();
    const files = generateProject(erd).map((f) =>
      f.path === 'shop/serializers.py'
        ? {
            ...f,
            content: f.content.replace(
              "fields = ['id', 'name', 'slug', 'parent']",
              "fields = ['id', 'name', 'slgu', 'parent']",
            ),
          }
        : f,
    );
    const file = files.find((f) => f.path === 'shop/serializers.py');
    const line = (file?.content.split('\n').findIndex((l) => l.includes("'slgu'")) ?? -2) + 1;
    expect(line, 'the generated CategorySerializer changed; update this mutation').toBeGreaterThan(0);
    const { findings } = await validateStatic(files, { erd });
    expect(findings.filter((f) => f.rule !== RULE_TODOS).map((f) => [f.file, f.line, f.rule, f.message])).toEqual([
      [
        'shop/serializers.py',
        line,
        'semantic.unknown-field',
        'serializer CategorySerializer.Meta.fields names "slgu", which is not a field of model Category.',
      ],
    ]);
  });
});

const { targets, missing } = await djangoTargets();

for (const { series, reason } of missing)
  describe.skip(`generated project through the runtime layer on Django ${series} — skipped: ${reason}`, () => {
    it('passes clean', () => undefined);
  });

for (const django of targets)
  describe(`generated project through the runtime layer on Django ${django.djangoVersion}`, () => {
    const options = { python: django.python, ...(django.pythonPath ? { pythonPath: django.pythonPath } : {}) };

    it('passes clean, and a misspelled serializer field fails the generated tests of that entity', async () => {
      const files = generateProject(shopErd());
      const clean = await validateRuntime(files, options);
      expect(clean).toMatchObject({ ran: true, djangoVersion: django.djangoVersion, findings: [] });
      const broken = files.map((f) =>
        f.path === 'shop/serializers.py'
          ? { ...f, content: f.content.replace("'name', 'slug', 'parent'", "'name', 'slgu', 'parent'") }
          : f,
      );
      const { findings } = await validateRuntime(broken, options);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f).toMatchObject({ file: 'shop/tests.py', rule: 'runtime.test-error', layer: 'runtime' });
        expect(f.message).toMatch(
          /^shop\.tests\.CategoryApiTests\.test_\w+ raised: .*ImproperlyConfigured: Field name `slgu` is not valid for model `Category`( in `shop\.serializers\.CategorySerializer`)?\.$/,
        );
      }
    }, 300_000);

    // The generated tests of every example run in runtime.test.ts on each Django; here the examples
    // go through the runtime layer itself (check and makemigrations, sandboxed where possible).
    it('passes every example project through the runtime layer (check, makemigrations)', async () => {
      for (const [name, erd] of await erds()) {
        const result = await validateRuntime(generateProject(erd), { ...options, tests: false });
        expect({ name, ran: result.ran, skipped: result.skipped, findings: result.findings }).toEqual({
          name,
          ran: true,
          skipped: undefined,
          findings: [],
        });
      }
    }, 600_000);
  });
