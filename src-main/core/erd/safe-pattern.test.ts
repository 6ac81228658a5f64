import { describe, expect, it } from 'vitest';
import { checkPattern, PATTERN_LIMITS } from './safe-pattern';

const problem = (pattern: string) => {
  const checked = checkPattern(pattern);
  return checked.ok ? null : checked.problem;
};

describe('checkPattern', () => {
  it.each([
    '^[A-Z]{3}-\\d+$',
    '^(cat|dog)s?\\.(?:x)*$',
    '^[^a-z]+$',
    '^\\bword\\b$',
    '^(?:[a-z]{2}-)+$',
    '^\\+?[0-9 ()-]{7,20}$',
    '^[\\w.-]+@[\\w-]+\\.[a-z]{2,}$',
  ])('accepts the everyday pattern %s', (pattern) => {
    expect(problem(pattern)).toBeNull();
  });

  it.each([
    ['(a)\\1', 'backreferences like \\1 are not supported (at character 4)'],
    ['(?=a)a', 'lookarounds are not supported (at character 1)'],
    ['(?<!a)b', 'lookarounds are not supported (at character 1)'],
    ['(?i)abc', 'the group "(?i)" is not supported (at character 1)'],
    ['(?P<x>a)', 'the group "(?P<" is not supported (at character 1)'],
    ['a{1001}', 'the repetition {1001} exceeds 1000 (at character 2)'],
    ['a{5,2}', 'the repetition {5,2} has its bounds reversed (at character 2)'],
    ['a{,3}', 'a "{" does not start a repetition {n}, {n,} or {n,m}; escape a literal "{" as "\\{" (at character 2)'],
    ['a++', 'a repetition cannot be repeated again (at character 2)'],
    ['(a+)+', 'a repeated group holds an alternation or a variable repetition'],
    ['(a|b)*c', 'a repeated group holds an alternation or a variable repetition'],
    ['(?:a{1000}){1000}', `its shortest match is longer than ${PATTERN_LIMITS.maxSampleLength} characters`],
    ['[a-', 'a character class is not closed with "]" (at character 1)'],
    ['[z-a]', 'the range "z-a" is not valid (at character 3)'],
    ['\\p{L}', 'the escape \\p is not supported (at character 1)'],
    ['a)', 'a ")" has no matching "(" (at character 2)'],
    ['*a', '"*" has nothing to repeat (at character 1)'],
    ['x'.repeat(301), 'it is 301 characters long, more than the 300 allowed'],
    ['('.repeat(11) + ')'.repeat(11), 'groups are nested deeper than 10 (at character 11)'],
  ])('refuses %s: %s', (pattern, expected) => {
    expect(problem(pattern)).toContain(expected);
  });
});
