import { describe, expect, it } from 'vitest';
import { usedNames } from './used-names';

describe('usedNames', () => {
  it('collects names but not attributes, strings, f-string text or comments', () => {
    const source = [
      'x = datetime.date(2024, 1, 1)  # uuid in a comment',
      "y = f'{n} Decimal' + \"json\" + '''status'''",
      'z = obj.reverse(Model)',
    ].join('\n');
    expect([...usedNames(source)].sort()).toEqual(['Model', 'datetime', 'f', 'obj', 'x', 'y', 'z']);
  });

  it('handles escaped quotes inside literals', () => {
    expect([...usedNames("a = 'it\\'s skip' + b")].sort()).toEqual(['a', 'b']);
  });
});
