import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indent, pyComment, pyLiteral, pyStr } from './python';

const PYTHON = '/usr/bin/python3';
const hasPython = existsSync(PYTHON);
if (!hasPython) console.warn(`python.test: ${PYTHON} is missing, so the round-trip through CPython is skipped`);

const HOSTILE = [
  'plain',
  'Say "hi" \'there\'',
  'back\\slash\\',
  '"""triple""" \'\'\'',
  'line\nbreak\r\ncrlf\ttab',
  'nul\u0000 bell\u0007 del\u007f c1\u0085',
  'separators\u2028\u2029',
  'unicode: café 日本 🎉',
  '{braces} %s f"{x}"',
  '# not a comment',
  '',
];

describe('pyStr', () => {
  it('escapes quotes, backslashes and control characters', () => {
    expect(pyStr('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(pyStr('\u0000\u007f\u2028')).toBe('"\\x00\\x7f\\u2028"');
    expect(pyStr('café 🎉')).toBe('"café 🎉"');
  });

  it.skipIf(!hasPython)('round-trips any text through CPython unchanged, each literal on one line', () => {
    const literals = HOSTILE.map(pyStr);
    for (const literal of literals) expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    const script =
      'import ast, json, sys\nprint(json.dumps([ast.literal_eval(line) for line in sys.stdin.read().split("\\n")]))';
    const run = spawnSync(PYTHON, ['-c', script], { input: literals.join('\n'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(HOSTILE);
  });
});

describe('pyLiteral, pyComment, indent', () => {
  it('writes Python literals and refuses what Python cannot express', () => {
    expect([null, true, false, 3, -1.5, 'x'].map(pyLiteral)).toEqual(['None', 'True', 'False', '3', '-1.5', '"x"']);
    expect(() => pyLiteral(Number.NaN)).toThrow('Cannot express NaN as a Python literal');
    expect(() => pyLiteral(Infinity)).toThrow('Cannot express Infinity as a Python literal');
  });

  it('keeps a comment on one line', () => {
    expect(pyComment('  two\nlines\r\u2028and\ttab  ')).toBe('two lines and tab');
  });

  it('indents non-empty lines only', () => {
    expect(indent('a\n\n  b', 2)).toBe('        a\n\n          b');
  });
});
