import { describe, expect, it } from 'vitest';
import { lineColumnAt, pointerKey, scanJson } from './json-scan';
import { parseJsonDocument } from './json-text';

describe('scanJson', () => {
  it('records where each member starts, by JSON pointer', () => {
    const text = '{\n  "a": [1, {"b": true}],\n  "c": null\n}';
    const scan = scanJson(text);
    expect(scan.error).toBeUndefined();
    expect(scan.offsets.get(pointerKey([]))).toBe(0);
    expect(scan.offsets.get(pointerKey(['a']))).toBe(4);
    expect(scan.offsets.get(pointerKey(['a', 1]))).toBe(13);
    expect(scan.offsets.get(pointerKey(['a', 1, 'b']))).toBe(14);
    expect(scan.offsets.get(pointerKey(['c']))).toBe(29);
  });

  it('reports duplicate keys with the offset of the repeat', () => {
    expect(scanJson('{"a": 1, "b": {"x": 1, "x": 2}, "a": 3}').duplicateKeys).toEqual([
      { pointer: ['b', 'x'], offset: 23 },
      { pointer: ['a'], offset: 32 },
    ]);
  });

  it.each([
    ['{"a": 1,}', 8, 'Trailing comma before "}"'],
    ['[1, 2,]', 6, 'Trailing comma before "]"'],
    ["{'a': 1}", 1, 'Property names must be written in double quotes, not single quotes'],
    ['{"a": \'x\'}', 6, 'Strings must be written in double quotes, not single quotes'],
    ['{"a": 1 // c\n}', 8, 'Expected "," or "}" after the value of "a" but found "/"'],
    ['// c\n{}', 0, 'JSON does not allow comments'],
    ['{"a": "x', 6, 'Unterminated string: the closing double quote is missing'],
    ['{"a": 01}', 7, 'Invalid number'],
    ['{"a": "\\q"}', 7, 'Invalid escape sequence "\\q" in a string'],
    ['{"a": 1} x', 9, 'Unexpected text after the end of the JSON document'],
    ['{"a" 1}', 5, 'Expected ":" after the property name "a"'],
    ['{"a": [1, 2}', 11, 'Expected "," or "]" after an array element but found "}"'],
    ['{"a": 1', 7, 'Unexpected end of the text: "}" is missing'],
    ['{"a": tru}', 6, 'Unexpected "t" where a value was expected'],
  ])('explains %j at offset %i', (text, offset, message) => {
    expect(scanJson(text).error).toEqual({ offset, message });
  });
});

describe('lineColumnAt', () => {
  it('counts 1-based lines and columns', () => {
    expect(lineColumnAt('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\ncd\n', 99)).toEqual({ line: 3, column: 1 });
  });
});

describe('parseJsonDocument', () => {
  it('parses JSON and strips a byte-order mark', () => {
    const doc = parseJsonDocument('\uFEFF{"a": 1}', 'f.json');
    expect(doc.ok && doc.value).toEqual({ a: 1 });
  });

  it('names the file, line and column of a syntax error', () => {
    expect(parseJsonDocument('{\n  "a": 1,\n  "b": }', 'f.json')).toEqual({
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'erd.json-syntax',
        message: 'The file is not valid JSON: Unexpected "}" where a value was expected (line 3, column 8).',
        file: 'f.json',
        line: 3,
        column: 8,
      },
    });
  });
});
