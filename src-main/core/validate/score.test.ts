import { describe, expect, it } from 'vitest';
import { categoryOf, findingWeight, isPlaceholder, scoreFile } from './score';
import { finding, type Finding } from './types';

const warn = (rule = 'best-practice.x', line = 1): Finding =>
  finding('best-practice', 'warning', rule, 'a.py', { line }, 'w');
const err = (line = 1): Finding => finding('security', 'error', 'security.x', 'a.py', { line }, 'e');
const info = (): Finding => finding('best-practice', 'info', 'best-practice.i', 'a.py', { line: 1 }, 'i');

describe('scoreFile', () => {
  it('weights errors 0.4, warnings 0.1 (security warnings 0.15), infos 0.02, and lists the reasons largest first', () => {
    expect([err(), warn(), warn('security.w'), info()].map(findingWeight)).toEqual([0.4, 0.1, 0.15, 0.02]);
    const s = scoreFile({ path: 'a.py', content: 'x = 1\n', findings: [info(), warn('best-practice.x', 7), err(3)] });
    expect(s).toEqual({
      score: 0.48,
      category: 'error',
      reasons: [
        '−0.40 security.x (line 3): e',
        '−0.10 best-practice.x (line 7): w',
        '−0.02 best-practice.i (line 1): i',
      ],
    });
  });

  it('weights drift from the ERD 0.25, so one model or field the ERD lacks keeps a file from auto-approval', () => {
    expect(['semantic.field-not-in-erd', 'semantic.model-not-in-erd'].map((r) => findingWeight(warn(r)))).toEqual([
      0.25, 0.25,
    ]);
    const s = scoreFile({ path: 'a.py', content: 'x = 1\n', findings: [warn('semantic.field-not-in-erd')] });
    expect([s.score, s.category]).toEqual([0.75, 'high']);
  });

  it('puts a file with any error in the error category whatever its score, so no default batch approves it', () => {
    const security = finding('security', 'error', 'security.dynamic-import', 'a.py', { line: 2 }, 'e');
    expect(scoreFile({ path: 'a.py', content: 'x = 1\n', findings: [security], threshold: 0.5 }).category).toBe(
      'error',
    );
  });

  it('never goes below 0', () => {
    expect(scoreFile({ path: 'a.py', content: 'x', findings: [err(), err(), err()] }).score).toBe(0);
  });

  it('says so when there is nothing to hold against a file', () => {
    expect(scoreFile({ path: 'a.py', content: 'x = 1\n', findings: [] })).toEqual({
      score: 1,
      category: 'auto-approved',
      reasons: ['No findings in any layer that ran.'],
    });
  });

  it('scores failed files and placeholders 0, in the error category', () => {
    expect(scoreFile({ path: 'a.py', content: 'x = 1\n', findings: [], failed: 'rate limited' })).toEqual({
      score: 0,
      category: 'error',
      reasons: ['Generation failed: rate limited'],
    });
    expect(scoreFile({ path: 'a.py', content: '# Error generating a.py: timeout\n', findings: [] })).toMatchObject({
      score: 0,
      category: 'error',
    });
    expect(scoreFile({ path: 'a.py', content: '   \n', findings: [] })).toMatchObject({ score: 0, category: 'error' });
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => scoreFile({ path: 'a.py', content: 'x', findings: [], threshold: 0 })).toThrow(
      'The auto-approval threshold must be in (0, 1]; got 0.',
    );
  });
});

describe('categoryOf', () => {
  it.each([
    [1, false, 'auto-approved'],
    [0.8, false, 'auto-approved'],
    [0.79, false, 'high'],
    [0.6, false, 'high'],
    [0.59, false, 'medium'],
    [0.4, false, 'medium'],
    [0.39, false, 'low'],
    [0, false, 'low'],
    [1, true, 'error'],
  ] as const)('%s (errors: %s) → %s', (score, hasError, category) => {
    expect(categoryOf(score, hasError)).toBe(category);
  });

  it('moves the auto-approved band with the threshold', () => {
    expect(categoryOf(0.85, false, 0.9)).toBe('high');
    expect(categoryOf(0.7, false, 0.7)).toBe('auto-approved');
  });
});

describe('isPlaceholder', () => {
  it('recognises empty modules and error stubs but not empty packages or real code', () => {
    expect(isPlaceholder('core/__init__.py', '')).toBe(false);
    expect(isPlaceholder('core/models.py', '')).toBe(true);
    expect(isPlaceholder('README.md', '')).toBe(false);
    expect(isPlaceholder('core/models.py', '# Error generating core/models.py: 429\n')).toBe(true);
    expect(isPlaceholder('core/models.py', '# Generation failed while generating views\n')).toBe(true);
    expect(
      isPlaceholder('core/models.py', '"""Models."""\n# error handling below is generated from rules\nx = 1\n'),
    ).toBe(false);
  });
});
