import { describe, expect, it } from 'vitest';
import { attributeFailures, type RerunScope } from './runtime-attribution';
import type { RuntimeResult } from './runtime-layer';
import { testResults } from './runtime-tests';
import { checkMessages } from './runtime-output';
import { finding, type Finding, type SourceFile } from './types';

/**
 * A project of model-written files where each mistake is a rule "this failure happens while this
 * file is the model's version": the rerun answers as Django would, so the search is exercised
 * without a Python (the runtime layer itself is run in run/runtime-mistakes.test.ts).
 */
function project(paths: readonly string[], mistakes: Record<string, Finding>, masks: Record<string, string> = {}) {
  const drafts = new Map(paths.map((p) => [p, `# draft of ${p}\n`]));
  const files: SourceFile[] = paths.map((p) => ({ path: p, content: `# model's ${p}\n` }));
  const reruns: { modelFiles: string[]; scope: RerunScope | null }[] = [];
  const judge = (variant: readonly SourceFile[], scope: RerunScope | null): RuntimeResult => {
    const model = new Set(variant.filter((f) => f.content.startsWith("# model's")).map((f) => f.path));
    reruns.push({ modelFiles: [...model].sort(), scope });
    const crashed = Object.entries(masks).find(([file]) => !model.has(file));
    if (crashed)
      return {
        ran: true,
        steps: [],
        findings: [finding('runtime', 'error', 'runtime.check-failed', crashed[1], { line: 1 }, 'ImportError: x')],
      };
    const findings = Object.entries(mistakes)
      .filter(([file]) => model.has(file))
      .map(([, f]) => f);
    const tests = ['core.tests.JobApiTests.test_create', 'core.tests.JobApiTests.test_list'].map((id) => ({
      id,
      file: 'core/tests.py',
      outcome: findings.some((f) => f.message.startsWith(id)) ? ('fail' as const) : ('ok' as const),
    }));
    return { ran: true, steps: [], findings, tests };
  };
  const result = judge(files, null);
  reruns.length = 0;
  return {
    reruns,
    run: () =>
      attributeFailures({
        files,
        result,
        drafts,
        modelWritten: new Set(paths),
        rerun: async (variant, scope) => judge(variant, scope),
      }),
  };
}

const FILES = ['core/admin.py', 'core/filters.py', 'core/models.py', 'core/serializers.py', 'core/views.py'];
const e124 = finding(
  'runtime',
  'error',
  'runtime.check.admin.E124',
  'core/admin.py',
  { line: 9 },
  'manage.py check: JobAdmin: …',
);
const e405 = finding(
  'runtime',
  'error',
  'runtime.test-failed',
  'core/tests.py',
  { line: 40 },
  'core.tests.JobApiTests.test_create failed: AssertionError: 405 != 201',
);

describe('attribution by substitution', () => {
  it('costs nothing when nothing failed', async () => {
    const p = project(FILES, {});
    expect(await p.run()).toMatchObject({ attributions: [], reruns: 0 });
  });

  it('confirms the likely file with one rerun of only what failed', async () => {
    const p = project(FILES, { 'core/admin.py': e124 });
    const out = await p.run();
    expect(out.attributions.map((a) => a.file)).toEqual(['core/admin.py']);
    expect(p.reruns).toEqual([
      {
        modelFiles: FILES.filter((f) => f !== 'core/admin.py'),
        scope: { tests: false, migrations: false, check: true },
      },
    ]);
  });

  it('pins a test failure whose traceback is in tests.py on the file whose draft removes it', async () => {
    const p = project(FILES, { 'core/serializers.py': e405 });
    const out = await p.run();
    expect(out.attributions.map((a) => a.file)).toEqual(['core/serializers.py']);
    expect(out.findings[0]).toMatchObject({ file: 'core/serializers.py', line: 1, rule: 'runtime.test-failed' });
    expect(out.findings[0]?.message).toContain('disappears when core/serializers.py is the offline draft');
    // views.py (the first suspect for a request) is tried, then a bisection over the other four.
    expect(p.reruns[0]?.modelFiles).not.toContain('core/views.py');
    expect(p.reruns.every((r) => r.scope?.tests !== false && r.scope?.check === false)).toBe(true);
    expect(p.reruns.length).toBeLessThanOrEqual(1 + 1 + Math.ceil(Math.log2(FILES.length)) + 1);
  });

  it('does not count a failure as gone when the variant crashed before reaching it', async () => {
    // Drafting views.py (the first suspect) breaks the import of the project: the tests never
    // run, so the failure's absence there says nothing, and the search goes on to the others.
    const p = project(FILES, { 'core/serializers.py': e405 }, { 'core/views.py': 'core/urls.py' });
    const out = await p.run();
    expect(p.reruns[0]?.modelFiles).not.toContain('core/views.py');
    expect(out.attributions.map((a) => a.file)).toEqual(['core/serializers.py']);
  });

  it('leaves a failure no model-written file causes unattributed', async () => {
    const p = project(FILES, {});
    const template = finding('runtime', 'error', 'runtime.check.fields.E300', 'core/models.py', { line: 3 }, 'x');
    const out = await attributeFailures({
      files: FILES.map((path) => ({ path, content: `# model's ${path}\n` })),
      result: { ran: true, steps: [], findings: [template] },
      drafts: new Map(FILES.map((f) => [f, `# draft of ${f}\n`])),
      modelWritten: new Set(FILES),
      rerun: async () => ({ ran: true, steps: [], findings: [template] }),
    });
    expect(out.attributions).toEqual([{ failure: template, file: null, unit: null }]);
    expect(out.findings).toEqual([template]);
    expect(p.reruns).toEqual([]);
  });
});

describe('reading the runtime output', () => {
  it('lists every test with its outcome and file, a warning between the dots and the outcome included', () => {
    const out = [
      'test_create (core.tests.JobApiTests.test_create)',
      'POST creates a row. ... /usr/lib/python3/dist-packages/whitenoise/base.py:115: UserWarning: No directory',
      '  warnings.warn(f"No directory at: {root}")',
      'ok',
      'test_list (core.tests.JobApiTests) ... FAIL',
      "test_me (users.tests.UserApiTests.test_me) ... skipped 'not the user model'",
      'test_delete (shop.tests.api.ProductTests.test_delete)',
      'DELETE removes the row. ... ERROR',
    ].join('\n');
    expect(testResults(out)).toEqual([
      { id: 'core.tests.JobApiTests.test_create', file: 'core/tests.py', outcome: 'ok' },
      { id: 'core.tests.JobApiTests.test_list', file: 'core/tests.py', outcome: 'fail' },
      { id: 'users.tests.UserApiTests.test_me', file: 'users/tests.py', outcome: 'skipped' },
      { id: 'shop.tests.api.ProductTests.test_delete', file: 'shop/tests/api.py', outcome: 'error' },
    ]);
  });

  it("pins an admin check message on the admin class's file and line", () => {
    const text =
      "<class 'core.admin.JobAdmin'>: (admin.E124) The value of 'list_editable[0]' refers to the first field in 'list_display' ('id').";
    const admin = 'from django.contrib import admin\n\n\nclass JobAdmin(admin.ModelAdmin):\n    pass\n';
    expect(checkMessages(text, 'config/settings.py', () => admin)).toEqual([
      expect.objectContaining({ file: 'core/admin.py', line: 4, rule: 'runtime.check.admin.E124', severity: 'error' }),
    ]);
  });
});

describe('attribution narrowed to a unit', () => {
  it('narrows a file to the class whose draft removes the failure, by bisection over the changed classes', async () => {
    const draft = [
      'from rest_framework import viewsets',
      '',
      '',
      ...['A', 'B', 'C', 'D'].map((c) => `class ${c}:\n    x = 1\n\n`),
    ].join('\n');
    const model = draft
      .replace('class B:\n    x = 1', 'class B:\n    x = 2')
      .replace('class C:\n    x = 1', 'class C:\n    x = 3')
      .replace('class D:\n    x = 1', 'class D:\n    x = 4');
    const failure = finding(
      'runtime',
      'error',
      'runtime.test-failed',
      'core/tests.py',
      { line: 9 },
      'core.tests.T.test_c failed',
    );
    const seen: string[] = [];
    const out = await attributeFailures({
      files: [{ path: 'core/views.py', content: model }],
      result: {
        ran: true,
        steps: [],
        findings: [failure],
        tests: [{ id: 'core.tests.T.test_c', file: 'core/tests.py', outcome: 'fail' }],
      },
      drafts: new Map([['core/views.py', draft]]),
      modelWritten: new Set(['core/views.py']),
      // The stand-in for Django: the test fails while class C is the model's version.
      rerun: async (variant) => {
        const text = variant[0]?.content ?? '';
        seen.push(['B', 'C', 'D'].filter((c) => !text.includes(`class ${c}:\n    x = 1`)).join(''));
        const fails = text.includes('x = 3');
        return {
          ran: true,
          steps: [],
          findings: fails ? [failure] : [],
          tests: [{ id: 'core.tests.T.test_c', file: 'core/tests.py', outcome: fails ? 'fail' : 'ok' }],
        };
      },
    });
    expect(out.attributions).toEqual([{ failure, file: 'core/views.py', unit: 'C' }]);
    // The file, then B+C drafted (gone), B alone (still there), C alone to confirm (gone).
    expect(seen).toEqual(['', 'D', 'CD', 'BD']);
    expect(out.findings[0]).toMatchObject({ file: 'core/views.py', line: draft.split('\n').indexOf('class C:') + 1 });
    expect(out.findings[0]?.message).toContain('disappears when C in core/views.py is its offline draft');
  });

  it('names the only changed class at no cost when nothing else in the file differs', async () => {
    const draft = 'import os\n\n\nclass A:\n    x = 1\n\n\nclass B:\n    x = 1\n';
    const model = draft.replace('class B:\n    x = 1', 'class B:\n    x = 2');
    const failure = finding('runtime', 'error', 'runtime.check.admin.E124', 'core/admin.py', { line: 2 }, 'E124');
    let reruns = 0;
    const out = await attributeFailures({
      files: [{ path: 'core/admin.py', content: model }],
      result: { ran: true, steps: [], findings: [failure] },
      drafts: new Map([['core/admin.py', draft]]),
      modelWritten: new Set(['core/admin.py']),
      rerun: async (variant) => {
        reruns += 1;
        return { ran: true, steps: [], findings: variant[0]?.content.includes('x = 2') ? [failure] : [] };
      },
    });
    expect(out.attributions[0]?.unit).toBe('B');
    expect(reruns).toBe(1);
  });
});
