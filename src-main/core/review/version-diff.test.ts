import { describe, expect, it } from 'vitest';
import { versionDiff } from './version-diff';

describe('versionDiff', () => {
  it('shows changed lines with context and elides the rest', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n');
    const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h', 'i'].join('\n');
    expect(versionDiff(before, after)).toBe(
      ['…', '  b', '  c', '- d', '+ D', '  e', '  f', '  g', '  h', '+ i', ''].join('\n'),
    );
  });

  it('elides unchanged lines between two distant changes', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const after = ['A', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'J'].join('\n');
    expect(versionDiff(before, after)).toBe(
      ['- a', '+ A', '  b', '  c', '…', '  h', '  i', '- j', '+ J', ''].join('\n'),
    );
  });

  it('is empty for equal versions', () => {
    expect(versionDiff('x\n', 'x\n')).toBe('');
  });
});
