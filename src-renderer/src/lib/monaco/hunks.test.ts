import { describe, expect, it } from 'vitest';
import { changeAt, revertChange } from './hunks';

const original = ['a', 'b', 'c', 'd'].join('\n');

describe('reverting one change of a diff', () => {
  it('puts back the original lines of a modified block', () => {
    const modified = ['a', 'B', 'C', 'd'].join('\n');
    const change = {
      originalStartLineNumber: 2,
      originalEndLineNumber: 3,
      modifiedStartLineNumber: 2,
      modifiedEndLineNumber: 3,
    };
    expect(changeAt([change], 3)).toBe(change);
    expect(changeAt([change], 4)).toBeNull();
    expect(revertChange(original, modified, change)).toBe(original);
  });

  it('removes inserted lines and restores deleted ones', () => {
    const inserted = ['a', 'b', 'x', 'y', 'c', 'd'].join('\n');
    const insertion = {
      originalStartLineNumber: 2,
      originalEndLineNumber: 0,
      modifiedStartLineNumber: 3,
      modifiedEndLineNumber: 4,
    };
    expect(revertChange(original, inserted, insertion)).toBe(original);
    const deleted = ['a', 'd'].join('\n');
    const deletion = {
      originalStartLineNumber: 2,
      originalEndLineNumber: 3,
      modifiedStartLineNumber: 1,
      modifiedEndLineNumber: 0,
    };
    expect(changeAt([deletion], 2)).toBe(deletion);
    expect(revertChange(original, deleted, deletion)).toBe(original);
  });
});
