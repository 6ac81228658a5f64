import { beforeAll, describe, expect, it } from 'vitest';
import { findAnalyzerPython } from './python-analyzer';
import { scoreFile } from './score';
import { treeSitterSyntax } from './syntax-layer';
import type { Finding, SourceFile } from './types';
import { validateStatic } from './validate-project';

/**
 * One file per kind of error CPython reports at import time, with where it reports it: parser
 * errors, tokenizer errors, compile-stage errors, indentation and tab errors, null bytes.
 */
const CASES: { path: string; content: string; rule: string; line: number; column?: number; text: RegExp }[] = [
  {
    path: 'c/invalid.py',
    content: 'x = 1\ndef f(:\n    pass\n',
    rule: 'syntax.syntax-error',
    line: 2,
    column: 7,
    text: /invalid syntax/,
  },
  {
    path: 'c/colon.py',
    content: 'if True\n    pass\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 8,
    text: /expected ':'/,
  },
  {
    path: 'c/unterminated.py',
    content: "a = 'open\n",
    rule: 'syntax.syntax-error',
    line: 1,
    column: 5,
    text: /unterminated string literal/,
  },
  {
    path: 'c/triple.py',
    content: 'a = 1\nb = """never\nclosed\n',
    rule: 'syntax.syntax-error',
    line: 2,
    column: 5,
    text: /unterminated triple-quoted/,
  },
  {
    path: 'c/unclosed.py',
    content: 'x = foo(1,\n  2\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 8,
    text: /'\(' was never closed/,
  },
  {
    path: 'c/unmatched.py',
    content: 'x = 1)\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 6,
    text: /unmatched '\)'/,
  },
  {
    path: 'c/literal.py',
    content: '1 = x\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 1,
    text: /cannot assign to literal/,
  },
  {
    path: 'c/print2.py',
    content: 'print "hello"\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 1,
    text: /Missing parentheses/,
  },
  {
    path: 'c/kwrepeat.py',
    content: 'f(a=1, a=2)\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 8,
    text: /keyword argument repeated/,
  },
  {
    path: 'c/default.py',
    content: 'def f(a=1, b):\n    pass\n',
    rule: 'syntax.syntax-error',
    line: 1,
    text: /(non-default|parameter without a default) .*follows/,
  },
  {
    path: 'c/char.py',
    content: 'x = 1 € 2\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 7,
    text: /invalid character/,
  },
  {
    path: 'c/return.py',
    content: 'x = 1\nreturn x\n',
    rule: 'syntax.syntax-error',
    line: 2,
    column: 1,
    text: /'return' outside function/,
  },
  {
    path: 'c/break.py',
    content: 'break\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 1,
    text: /'break' outside loop/,
  },
  {
    path: 'c/await.py',
    content: 'def f():\n    await g()\n',
    rule: 'syntax.syntax-error',
    line: 2,
    column: 5,
    text: /'await' outside async function/,
  },
  {
    path: 'c/nonlocal.py',
    content: 'nonlocal x\n',
    rule: 'syntax.syntax-error',
    line: 1,
    column: 1,
    text: /nonlocal declaration not allowed at module level/,
  },
  {
    path: 'c/dupe.py',
    content: 'def f(a, a):\n    pass\n',
    rule: 'syntax.syntax-error',
    line: 1,
    text: /duplicate argument 'a'/,
  },
  {
    path: 'c/indent.py',
    content: 'x = 1\n    y = 2\n',
    rule: 'syntax.indentation-error',
    line: 2,
    text: /unexpected indent/,
  },
  {
    path: 'c/block.py',
    content: 'def f():\nreturn 1\n',
    rule: 'syntax.indentation-error',
    line: 2,
    column: 1,
    text: /expected an indented block/,
  },
  {
    path: 'c/dedent.py',
    content: 'if True:\n        a = 1\n    b = 2\n',
    rule: 'syntax.indentation-error',
    line: 3,
    text: /unindent does not match/,
  },
  {
    path: 'c/tab.py',
    content: 'def f():\n\tif x:\n        pass\n',
    rule: 'syntax.tab-error',
    line: 3,
    text: /inconsistent use of tabs and spaces/,
  },
  {
    path: 'c/yield.py',
    content: 'x = 1\nyield x\n',
    rule: 'syntax.syntax-error',
    line: 2,
    text: /'yield' outside function/,
  },
  {
    path: 'c/fstring.py',
    content: 'x = f"{}"\n',
    rule: 'syntax.syntax-error',
    line: 1,
    text: /f-string: empty expression not allowed/,
  },
  {
    path: 'c/braces.py',
    content: 'from __future__ import braces\n',
    rule: 'syntax.syntax-error',
    line: 1,
    text: /not a chance/,
  },
  {
    path: 'c/future.py',
    content: 'x = 1\nfrom __future__ import annotations\n',
    rule: 'syntax.syntax-error',
    line: 2,
    text: /from __future__ imports must occur at the beginning/,
  },
  {
    path: 'c/star.py',
    content: '*a = [1]\n',
    rule: 'syntax.syntax-error',
    line: 1,
    text: /starred assignment target must be in a list or tuple/,
  },
  {
    path: 'c/walrus.py',
    content: '(a.b := 1)\n',
    rule: 'syntax.syntax-error',
    line: 1,
    text: /cannot use assignment expressions with attribute/,
  },
  {
    path: 'c/asynccomp.py',
    content: 'def f():\n    return [x async for x in y]\n',
    rule: 'syntax.syntax-error',
    line: 2,
    text: /asynchronous comprehension outside of an asynchronous function/,
  },
  { path: 'c/del.py', content: 'del 1\n', rule: 'syntax.syntax-error', line: 1, text: /cannot delete literal/ },
  {
    path: 'c/continue.py',
    content: 'continue\n',
    rule: 'syntax.syntax-error',
    line: 1,
    text: /'continue' not properly in loop/,
  },
  {
    path: 'c/global.py',
    content: 'def f(a):\n    global a\n',
    rule: 'syntax.syntax-error',
    line: 2,
    text: /name 'a' is parameter and global/,
  },
  { path: 'c/nul.py', content: 'x = 1\0\n', rule: 'syntax.', line: 1, text: /null bytes/ },
];

const hasPython = (await findAnalyzerPython()) !== null;

describe.skipIf(!hasPython)('syntax layer with CPython', () => {
  let findings: Finding[] = [];
  beforeAll(async () => {
    findings = (await validateStatic(CASES.map(({ path, content }) => ({ path, content })))).findings;
  });

  it.each(CASES)('$path: $rule at line $line', (c) => {
    const mine = findings.filter((f) => f.file === c.path && f.severity === 'error');
    expect(mine).toHaveLength(1);
    const [f] = mine as [Finding];
    expect(f.rule.startsWith(c.rule)).toBe(true);
    expect(f.layer).toBe('syntax');
    expect(f.line).toBe(c.line);
    if (c.column !== undefined) expect(f.column).toBe(c.column);
    expect(f.message).toMatch(c.text);
  });

  it('scores every file with a syntax error 0 in the error category, naming the line', () => {
    for (const c of CASES) {
      const s = scoreFile({ path: c.path, content: c.content, findings: findings.filter((f) => f.file === c.path) });
      expect(s.score).toBe(0);
      expect(s.category).toBe('error');
      expect(s.reasons[0]).toMatch(new RegExp(`^Does not parse \\(line ${c.line}\\)`));
    }
  });

  it('reports compiler warnings as warnings, not errors', async () => {
    const { findings: w } = await validateStatic([{ path: 'w.py', content: 'x = 1\nif x is 1:\n    pass\n' }]);
    expect(w).toEqual([
      expect.objectContaining({
        file: 'w.py',
        line: 2,
        severity: 'warning',
        rule: 'syntax.compiler-warning',
        message: expect.stringMatching(/SyntaxWarning: "is" with a literal/),
      }),
    ]);
  });
});

describe('syntax layer without Python (tree-sitter)', () => {
  it('finds malformed code with its position', async () => {
    const files: SourceFile[] = [
      { path: 'ok.py', content: 'def f(a):\n    return a\n' },
      { path: 'bad.py', content: 'x = 1\ndef f(:\n    pass\n' },
      { path: 'README.md', content: 'def f(:' },
    ];
    const { findings, layers, python } = await validateStatic(files, { noPython: true });
    expect(python).toBeNull();
    expect(findings.map((f) => [f.file, f.line, f.rule, f.severity])).toEqual([
      ['bad.py', 2, 'syntax.syntax-error', 'error'],
    ]);
    expect(layers.map((l) => [l.layer, l.ran])).toEqual([
      ['syntax', true],
      ['semantic', true],
      ['best-practice', true],
      ['security', true],
    ]);
    expect(layers[0]?.note).toMatch(
      /^no Python ≥ 3\.9 was found .*IndentationError, TabError and compile-stage errors are not detected$/,
    );
  });

  it('caps findings per file', async () => {
    const content = Array.from({ length: 20 }, (_, i) => `def f${i}(:\n    pass\n`).join('');
    const findings = await treeSitterSyntax([{ path: 'many.py', content }], 3);
    expect(findings).toHaveLength(3);
  });
});
