import { describe, expect, it, vi } from 'vitest';
import { cleanErd, cleanProject, withEdit } from '../../../test-support/fixtures/clean-project';
import { findAnalyzerPython } from '../validate/python-analyzer';
import { findDjangoPython } from '../runtime';
import type { Finding, SourceFile } from '../validate/types';
import { applyApprovalPolicy, parseApprovalPolicy } from './approval-policy';
import { projectValidator, reviewVerdicts, staticValidator } from './index';
import { ReviewSession } from './review-session';
import type { ReviewEntry } from './types';

/**
 * A validator driven by markers in the content, so each band is produced on purpose: every
 * `#warn` line is a warning, `#err` an error, `#info` an info, `#needs:<path>` a semantic error
 * while `<path>` is not in the project.
 */
const markerValidator = vi.fn(async (files: readonly SourceFile[]): Promise<Finding[]> => {
  const out: Finding[] = [];
  const paths = new Set(files.map((f) => f.path));
  for (const f of files) {
    f.content.split('\n').forEach((line, i) => {
      const at = { file: f.path, line: i + 1, column: 1, message: `marker on line ${i + 1}` };
      if (line.includes('#warn'))
        out.push({ ...at, severity: 'warning', rule: 'best-practice.test', layer: 'best-practice' });
      if (line.includes('#err')) out.push({ ...at, severity: 'error', rule: 'security.test', layer: 'security' });
      if (line.includes('#info'))
        out.push({ ...at, severity: 'info', rule: 'best-practice.info', layer: 'best-practice' });
      const need = line.match(/#needs:(\S+)/)?.[1];
      if (need && !paths.has(need))
        out.push({ ...at, severity: 'error', rule: 'semantic.unresolved-import', layer: 'semantic' });
    });
  }
  return out;
});

const lines = (marker: string, n: number) => Array.from({ length: n }, () => `x = 1  ${marker}`).join('\n') + '\n';
const BANDS: Record<string, string> = {
  'a/auto.py': 'x = 1\n',
  'a/auto-warned.py': lines('#warn', 2),
  'a/high.py': lines('#warn', 3),
  'a/medium.py': lines('#warn', 5),
  'a/low.py': lines('#warn', 7),
  'a/error.py': 'x = 1  #err\n',
};

async function bandSession(options: Partial<ConstructorParameters<typeof ReviewSession>[0]> = {}) {
  const session = new ReviewSession({ validate: markerValidator, ...options });
  for (const [path, content] of Object.entries(BANDS)) await session.add({ path, content, agent: 'models' });
  await session.add({
    path: 'a/failed.py',
    content: '# Error generating a/failed.py: timeout',
    failed: 'the model timed out',
  });
  return session;
}

describe('ReviewSession categories', () => {
  it('puts each file in its documented band and auto-approves only the auto-approved band', async () => {
    const s = await bandSession();
    const summary = s.summary();
    expect(summary.byCategory).toEqual({
      'auto-approved': ['a/auto-warned.py', 'a/auto.py'],
      high: ['a/high.py'],
      medium: ['a/medium.py'],
      low: ['a/low.py'],
      error: ['a/error.py', 'a/failed.py'],
    });
    expect(s.get('a/high.py').current.score).toBe(0.7);
    expect(s.get('a/medium.py').current.score).toBe(0.5);
    expect(s.get('a/low.py').current.score).toBe(0.3);
    expect(
      s
        .list()
        .filter((e) => e.decision === 'approved')
        .map((e) => [e.path, e.decidedBy]),
    ).toEqual([
      ['a/auto-warned.py', 'auto'],
      ['a/auto.py', 'auto'],
    ]);
    expect(summary).toMatchObject({ files: 7, approved: 2, pending: 5, autoApproved: 2, autoApprovalRate: 0.286 });
    expect(summary.avgQuality).toBe(Math.round(((1 + 0.8 + 0.7 + 0.5 + 0.3 + 0.6 + 0) / 7) * 1000) / 1000);
  });

  it('never auto-approves a failed file, even with no findings, and refuses to approve it by hand', async () => {
    const s = await bandSession();
    const failed = s.get('a/failed.py');
    expect(failed.current).toMatchObject({
      score: 0,
      category: 'error',
      reasons: ['Generation failed: the model timed out'],
    });
    expect(failed.decision).toBe('pending');
    expect(() => s.approve('a/failed.py')).toThrow(/failed to generate \(the model timed out\)/);
    expect(() => s.approveSelection(['a/failed.py'])).toThrow(/cannot be approved: a\/failed.py/);
  });

  it('honours a stricter threshold', async () => {
    const s = await bandSession({ threshold: 0.9 });
    expect(s.summary().byCategory['auto-approved']).toEqual(['a/auto.py']);
    expect(s.get('a/auto-warned.py').current.category).toBe('high');
  });

  it('does not auto-approve when auto-approval is off', async () => {
    const s = await bandSession({ autoApprove: false });
    expect(s.summary().approved).toBe(0);
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => new ReviewSession({ validate: markerValidator, threshold: 1.5 })).toThrow(/\(0, 1\]; got 1.5/);
  });
});

describe('batch operations', () => {
  it('1: approve all high quality approves auto-approved + high', async () => {
    const s = await bandSession({ autoApprove: false });
    expect(s.approveHighQuality()).toEqual(['a/auto-warned.py', 'a/auto.py', 'a/high.py']);
    expect(s.approvedFiles().map((f) => f.path)).toEqual(['a/auto-warned.py', 'a/auto.py', 'a/high.py']);
  });

  it('2: approve high + medium', async () => {
    const s = await bandSession();
    expect(s.approveHighAndMedium()).toEqual(['a/high.py', 'a/medium.py']);
    expect(s.summary().approved).toBe(4);
  });

  it('3: review each yields pending files one by one and skips those decided meanwhile', async () => {
    const s = await bandSession();
    const seen: string[] = [];
    for (const entry of s.reviewEach()) {
      seen.push(entry.path);
      if (entry.path === 'a/error.py') s.skip('a/high.py');
      else if (entry.path !== 'a/failed.py') s.approve(entry.path);
    }
    expect(seen).toEqual(['a/error.py', 'a/failed.py', 'a/low.py', 'a/medium.py']);
    expect(s.get('a/high.py').decision).toBe('skipped');
    expect(s.get('a/failed.py').decision).toBe('pending');
  });

  it('4: skip all problematic skips low + error', async () => {
    const s = await bandSession();
    expect(s.skipProblematic()).toEqual(['a/error.py', 'a/failed.py', 'a/low.py']);
    expect(s.summary()).toMatchObject({ skipped: 3, pending: 2 });
  });

  it('5: custom selection approves exactly the chosen files and refuses unknown paths before changing anything', async () => {
    const s = await bandSession();
    expect(() => s.approveSelection(['a/low.py', 'nope.py'])).toThrow('Not in this review: nope.py.');
    expect(s.get('a/low.py').decision).toBe('pending');
    expect(s.approveSelection(['a/low.py', 'a/error.py'])).toEqual(['a/low.py', 'a/error.py']);
    expect(s.get('a/error.py')).toMatchObject({ decision: 'approved', decidedBy: 'user' });
  });
});

describe('per-file decisions', () => {
  it('edit re-validates and re-scores, keeps the previous version and resets the decision', async () => {
    const s = await bandSession();
    const decided: string[] = [];
    s.on('decided', (e: ReviewEntry) => decided.push(`${e.path}:${e.decision}`));
    const entry = await s.edit('a/error.py', 'x = 1  #warn\n');
    expect(entry.current).toMatchObject({ origin: 'edited', score: 0.9, category: 'auto-approved' });
    expect(entry.previous.map((v) => [v.origin, v.category])).toEqual([['generated', 'error']]);
    expect(entry).toMatchObject({ decision: 'approved', decidedBy: 'auto' });
    expect(decided).toEqual(['a/error.py:approved']);
  });

  it('an edit that introduces an error withdraws the approval', async () => {
    const s = await bandSession();
    const entry = await s.edit('a/auto.py', 'x = 1  #err\n');
    expect(entry).toMatchObject({ decision: 'pending', decidedBy: null });
    expect(entry.current.category).toBe('error');
  });

  it('regenerate passes the feedback and current content to the engine and keeps the old version', async () => {
    const regenerate = vi.fn(async (_path: string, _feedback: string, _current: string) => 'x = 2\n');
    const s = await bandSession({ regenerate });
    const entry = await s.regenerate('a/failed.py', 'use select_related');
    expect(regenerate).toHaveBeenCalledWith(
      'a/failed.py',
      'use select_related',
      '# Error generating a/failed.py: timeout',
    );
    expect(entry.failed).toBeNull();
    expect(entry.current).toMatchObject({
      content: 'x = 2\n',
      origin: 'regenerated',
      feedback: 'use select_related',
      category: 'auto-approved',
    });
    expect(entry.previous).toHaveLength(1);
    expect(entry.previous[0]?.content).toBe('# Error generating a/failed.py: timeout');
  });

  it('regenerate without an engine and decisions on unknown files are refused with the reason', async () => {
    const s = await bandSession();
    await expect(s.regenerate('a/low.py', 'x')).rejects.toMatchObject({ code: 'review.no-regenerator' });
    expect(() => s.skip('zzz.py')).toThrow('No file "zzz.py" in this review.');
  });
});

describe('files joining while the run goes on', () => {
  it('holds back cross-file findings until complete(), then withdraws auto-approvals that no longer hold', async () => {
    const s = new ReviewSession({ validate: markerValidator });
    const added: string[] = [];
    s.on('added', (e: ReviewEntry) => added.push(e.path));
    await Promise.all([
      s.add({ path: 'b/views.py', content: 'from .models import X  #needs:b/models.py\n' }),
      s.add({ path: 'b/urls.py', content: 'from .views import V  #needs:b/views.py\n' }),
    ]);
    expect(added).toEqual(['b/views.py', 'b/urls.py']);
    expect(s.get('b/views.py')).toMatchObject({ decision: 'approved', decidedBy: 'auto' });
    await s.complete();
    expect(s.get('b/views.py')).toMatchObject({ decision: 'pending', decidedBy: null });
    expect(s.get('b/views.py').current.findings.map((f) => f.rule)).toEqual(['semantic.unresolved-import']);
    expect(s.get('b/urls.py').decision).toBe('approved');
  });

  it('with judgeOnJoin false, judges every file once, with the whole project, at complete()', async () => {
    const validate = vi.fn((files: readonly SourceFile[]) => markerValidator(files));
    const s = new ReviewSession({ validate, judgeOnJoin: false });
    await s.add({ path: 'b/views.py', content: 'x = 1  #warn\n' });
    await s.add({ path: 'b/urls.py', content: 'from .views import V  #needs:b/views.py\n' });
    expect(validate).not.toHaveBeenCalled();
    expect(s.get('b/views.py').decision).toBe('pending');
    await s.complete();
    expect(validate).toHaveBeenCalledTimes(1);
    expect(validate.mock.calls[0]?.[0].map((f) => f.path)).toEqual(['b/views.py', 'b/urls.py']);
    expect(s.get('b/views.py').current).toMatchObject({ score: 0.9, category: 'auto-approved' });
    expect(s.get('b/views.py')).toMatchObject({ decision: 'approved', decidedBy: 'auto' });
    expect(s.get('b/urls.py').current.category).toBe('auto-approved');
  });

  it('keeps findings on files the project lacks as project findings', async () => {
    const validate = async (): Promise<Finding[]> => [
      {
        file: 'shop/tests.py',
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'semantic.missing-tests',
        layer: 'semantic',
        message: 'no tests',
      },
    ];
    const s = new ReviewSession({ validate });
    await s.add({ path: 'shop/models.py', content: 'x = 1\n' });
    await s.complete();
    expect(s.projectFindings.map((f) => f.file)).toEqual(['shop/tests.py']);
  });
});

describe('approval policy', () => {
  it('parses the four policies and names them in the error', () => {
    expect(parseApprovalPolicy('high+medium')).toEqual({ ok: true, policy: 'high+medium' });
    expect(parseApprovalPolicy('most')).toEqual({
      ok: false,
      message: '--approve must be one of high, high+medium, all, none; got "most".',
    });
  });

  it.each([
    ['high', ['a/auto-warned.py', 'a/auto.py', 'a/high.py']],
    ['high+medium', ['a/auto-warned.py', 'a/auto.py', 'a/high.py', 'a/medium.py']],
    ['all', ['a/auto-warned.py', 'a/auto.py', 'a/error.py', 'a/high.py', 'a/low.py', 'a/medium.py']],
    ['none', ['a/auto-warned.py', 'a/auto.py']],
  ] as const)('%s approves exactly its bands and skips the rest', async (policy, approved) => {
    const s = await bandSession();
    applyApprovalPolicy(s, policy);
    expect(s.approvedFiles().map((f) => f.path)).toEqual(approved);
    expect(s.summary().pending).toBe(0);
  });
});

const hasPython = (await findAnalyzerPython()) !== null;

describe.skipIf(!hasPython)('with the real static layers', () => {
  it('auto-approves a clean project and flags a broken serializer once the run completes', async () => {
    const s = new ReviewSession({ validate: staticValidator(cleanErd()) });
    const files = withEdit('shop/serializers.py', "'title', 'price'", "'titel', 'price'");
    for (const f of files) await s.add(f);
    await s.complete();
    const serializer = s.get('shop/serializers.py');
    expect(serializer.current.category).toBe('error');
    expect(serializer.current.reasons[0]).toMatch(
      /^−0\.40 semantic\.unknown-field \(line 16\): serializer ProductSerializer/,
    );
    expect(s.summary().byCategory['auto-approved']).toEqual(
      cleanProject()
        .map((f) => f.path)
        .filter((p) => p !== 'shop/serializers.py')
        .sort(),
    );
  });
});

describe('project validation and the report', () => {
  it('uses validateProject once the run is complete, and reports per-file fields and metrics', async () => {
    const whole = vi.fn(async (files: readonly SourceFile[]): Promise<Finding[]> => [
      ...(await markerValidator(files)),
      {
        file: 'a/auto.py',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'runtime.test-failed',
        layer: 'runtime',
        message: 'boom',
      },
    ]);
    const s = new ReviewSession({ validate: markerValidator, validateProject: whole });
    await s.add({ path: 'a/auto.py', content: 'x = 1\n' });
    await s.add({ path: 'a/high.py', content: lines('#warn', 3) });
    expect(whole).not.toHaveBeenCalled();
    await s.complete();
    expect(whole).toHaveBeenCalledTimes(1);
    s.approve('a/high.py');
    expect(reviewVerdicts(s)).toEqual({
      files: [
        {
          path: 'a/auto.py',
          score: 0.6,
          category: 'error',
          findings: [expect.objectContaining({ rule: 'runtime.test-failed' })],
          approved: false,
          decidedBy: null,
          revisions: 0,
          keptDraft: null,
        },
        {
          path: 'a/high.py',
          score: 0.7,
          category: 'high',
          findings: expect.any(Array),
          approved: true,
          decidedBy: 'user',
          revisions: 0,
          keptDraft: null,
        },
      ],
      projectFindings: [],
      metrics: { autoApprovalRate: 0, avgQuality: 0.65, approved: 1, skipped: 0, pending: 1 },
    });
  });
});

const django = await findDjangoPython();

describe.skipIf(!django || !hasPython)('projectValidator on Django', () => {
  it('adds runtime findings after the static ones, and none for a clean project', async () => {
    const validate = projectValidator(cleanErd(), { runtime: { python: django?.python, tests: false } });
    expect(await validate(cleanProject())).toEqual([]);
    const broken = withEdit('shop/models.py', 'max_digits=12, decimal_places=2', 'max_digits=12');
    expect((await validate(broken)).map((f) => [f.file, f.line, f.rule])).toEqual([
      ['shop/models.py', 16, 'runtime.check.fields.E130'],
    ]);
  });
});

describe('ReviewSession live check of an edit', () => {
  it('judges the file alone, carries its cross-file findings over, and keeps nothing', async () => {
    const session = new ReviewSession({ validate: markerValidator });
    await session.add({ path: 'a/views.py', content: 'import b  #needs:a/models.py\n' });
    await session.complete();
    const before = session.get('a/views.py');
    expect(before.current.findings.map((f) => f.rule)).toEqual(['semantic.unresolved-import']);
    const seen = markerValidator.mock.calls.length;
    const live = await session.assess('a/views.py', 'import b  #needs:a/models.py\ny = 2  #warn\n');
    expect(markerValidator.mock.calls.at(seen)?.[0]).toEqual([
      { path: 'a/views.py', content: 'import b  #needs:a/models.py\ny = 2  #warn\n' },
    ]);
    expect(live.findings.map((f) => [f.rule, f.line])).toEqual([
      ['best-practice.test', 2],
      ['semantic.unresolved-import', 1],
    ]);
    expect(live).toMatchObject({ origin: 'edited', category: 'error' });
    expect(session.get('a/views.py').previous).toEqual([]);
    expect(session.get('a/views.py').current).toBe(before.current);
    await expect(session.assess('nope.py', '')).rejects.toThrow('No file "nope.py" in this review.');
  });
});
