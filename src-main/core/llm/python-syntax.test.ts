import { afterAll, describe, expect, it } from 'vitest';
import {
  formatSyntaxIssue,
  startCpythonChecker,
  startSyntaxChecker,
  startTreeSitterChecker,
  type SyntaxChecker,
} from './python-syntax';

const checkers: SyntaxChecker[] = [];
afterAll(async () => {
  await Promise.all(checkers.map((c) => c.close()));
});

describe('the CPython syntax checker', () => {
  it('accepts valid code and names the first error with its line, many checks in parallel', async () => {
    const checker = await startCpythonChecker('python3');
    checkers.push(checker);
    expect(checker.kind).toBe('cpython');
    const results = await Promise.all([
      checker.check('class Job:\n    title = 1\n'),
      checker.check('def f(:\n    pass\n'),
      checker.check('if True:\n\tx = 1\n        y = 2\n'),
      checker.check('print "hello"\n'),
      checker.check('x = 1\x00\n'),
    ]);
    expect(results[0]).toBeNull();
    expect(results[1]).toMatchObject({ line: 1 });
    expect(results[1]?.message).toMatch(/^SyntaxError/);
    expect(results[2]?.message).toMatch(/^(TabError|IndentationError)/);
    expect(results[3]?.message).toMatch(/^SyntaxError: Missing parentheses/);
    expect(results[4]?.message).toMatch(/null bytes/);
    expect(formatSyntaxIssue(results[1] as never)).toMatch(/\(line 1, column \d+\)$/);
  });

  it('refuses an interpreter that does not exist, and the combined starter falls back to tree-sitter', async () => {
    await expect(startCpythonChecker('/nonexistent/python9')).rejects.toThrow(/cannot start \/nonexistent\/python9/);
    const checker = await startSyntaxChecker({ python: '/nonexistent/python9' });
    checkers.push(checker);
    expect(checker.kind).toBe('tree-sitter');
  });
});

describe('the tree-sitter syntax checker', () => {
  it('accepts valid code and locates an error', async () => {
    const checker = await startTreeSitterChecker();
    checkers.push(checker);
    expect(
      await checker.check(
        'from django.db import models\n\n\nclass Job(models.Model):\n    title = models.CharField(max_length=20)\n',
      ),
    ).toBeNull();
    const issue = await checker.check('class Job(models.Model):\n    title = models.CharField(max_length=\n');
    expect(issue?.message).toMatch(/^SyntaxError/);
    expect(issue?.line).toBeGreaterThanOrEqual(2);
  });
});
