import { describe, expect, it } from 'vitest';
import type { Category, FileReview, ReviewDecision } from '@shared/api';
import {
  batchRecord,
  batchTargets,
  groupByCategory,
  rangeBetween,
  reviewFigures,
  stepFile,
  undoSteps,
  visibleOrder,
} from './review-model';

function file(path: string, category: Category, decision: ReviewDecision = 'pending', failed: string | null = null) {
  const score = { 'auto-approved': 1, high: 0.7, medium: 0.5, low: 0.2, error: 0 }[category];
  const version = { content: '', origin: 'generated' as const, score, category, reasons: [], findings: [] };
  return {
    path,
    agent: 'models',
    failed,
    score,
    category,
    reasons: [],
    findings: [],
    decision,
    decidedBy: decision === 'pending' ? null : 'user',
    versions: [version],
    current: 0,
  } satisfies FileReview;
}

const files = [
  file('core/views.py', 'medium'),
  file('core/models.py', 'auto-approved', 'approved'),
  file('core/admin.py', 'high'),
  file('README.md', 'low'),
  file('core/tests.py', 'error', 'pending', 'the model gave up'),
  file('core/urls.py', 'high', 'skipped'),
];

describe('the grouped, filtered list', () => {
  it('groups by category in their order, paths sorted, empty groups left out', () => {
    const groups = groupByCategory(files);
    expect(groups.map((g) => [g.category, g.files.map((f) => f.path)])).toEqual([
      ['auto-approved', ['core/models.py']],
      ['high', ['core/admin.py', 'core/urls.py']],
      ['medium', ['core/views.py']],
      ['low', ['README.md']],
      ['error', ['core/tests.py']],
    ]);
    expect(visibleOrder(groups)).toEqual([
      'core/models.py',
      'core/admin.py',
      'core/urls.py',
      'core/views.py',
      'README.md',
      'core/tests.py',
    ]);
  });

  it('filters by search text, category and decision together', () => {
    const order = (f: Parameters<typeof groupByCategory>[1]) => visibleOrder(groupByCategory(files, f));
    expect(order({ query: 'CORE/', categories: ['high', 'error'], decision: 'all' })).toEqual([
      'core/admin.py',
      'core/urls.py',
      'core/tests.py',
    ]);
    expect(order({ query: '', categories: [], decision: 'pending' })).toEqual([
      'core/admin.py',
      'core/views.py',
      'README.md',
      'core/tests.py',
    ]);
  });

  it('counts files per category and the approval rate', () => {
    expect(reviewFigures(files)).toEqual({
      files: 6,
      byCategory: { 'auto-approved': 1, high: 2, medium: 1, low: 1, error: 1 },
      approved: 1,
      skipped: 1,
      pending: 4,
      approvalRate: 1 / 6,
    });
    expect(reviewFigures([]).approvalRate).toBe(0);
  });
});

describe('what each batch operation would change', () => {
  it('follows the review session: pending files of its categories, never a failed file approved', () => {
    expect(batchTargets('approveHighQuality', files)).toEqual(['core/admin.py']);
    expect(batchTargets('approveHighAndMedium', files)).toEqual(['core/admin.py', 'core/views.py']);
    expect(batchTargets('skipProblematic', files)).toEqual(['core/tests.py', 'README.md']);
    expect(batchTargets('reviewEach', files)).toEqual(['core/admin.py', 'core/tests.py', 'core/views.py', 'README.md']);
    expect(batchTargets('approveSelection', files, ['core/models.py', 'core/urls.py'])).toEqual(['core/urls.py']);
  });

  it('undoes a batch by restoring each decision it changed', () => {
    const before = Object.fromEntries(files.map((f) => [f.path, f.decision]));
    const record = batchRecord('Approve selection', ['core/urls.py', 'core/views.py', 'README.md'], before);
    expect(record.before).toEqual({ 'core/urls.py': 'skipped', 'core/views.py': 'pending', 'README.md': 'pending' });
    expect(undoSteps(record)).toEqual([
      { decision: 'skipped', paths: ['core/urls.py'] },
      { decision: 'pending', paths: ['README.md', 'core/views.py'] },
    ]);
  });
});

describe('moving through the list', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('selects shift-click ranges in either direction', () => {
    expect(rangeBetween(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(order, 'd', 'a')).toEqual(['a', 'b', 'c', 'd']);
    expect(rangeBetween(order, null, 'c')).toEqual(['c']);
  });

  it('steps to the next or previous file, and in guided mode only to pending ones', () => {
    expect(stepFile(order, 'b', 1)).toBe('c');
    expect(stepFile(order, 'a', -1)).toBeNull();
    expect(stepFile(order, null, -1)).toBe('d');
    const pending = (p: string) => p === 'a' || p === 'd';
    expect(stepFile(order, 'a', 1, pending)).toBe('d');
    expect(stepFile(order, 'd', 1, pending)).toBeNull();
    expect(stepFile(order, null, 1, pending)).toBe('a');
  });
});
