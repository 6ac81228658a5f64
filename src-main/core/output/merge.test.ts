import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from './merge';

const BASE = 'a\nb\nc\nd\ne\n';

describe('mergeThreeWay', () => {
  it('takes the only side that changed', () => {
    expect(mergeThreeWay(BASE, BASE, 'a\nB\nc\nd\ne\n')).toEqual({ kind: 'clean', content: 'a\nB\nc\nd\ne\n' });
    expect(mergeThreeWay(BASE, 'a\nb\nc\nd\nE\n', BASE)).toEqual({ kind: 'clean', content: 'a\nb\nc\nd\nE\n' });
    expect(mergeThreeWay(BASE, 'same\n', 'same\n')).toEqual({ kind: 'clean', content: 'same\n' });
  });

  it('combines changes to different lines', () => {
    expect(mergeThreeWay(BASE, 'a\nmine\nc\nd\ne\n', 'a\nb\nc\nd\ntheirs\n')).toEqual({
      kind: 'clean',
      content: 'a\nmine\nc\nd\ntheirs\n',
    });
  });

  it('marks each region both sides changed differently, with the base, and counts them', () => {
    const merged = mergeThreeWay(BASE, 'A1\nb\nc\nd\nE1\n', 'A2\nb\nc\nd\nE2\n');
    expect(merged).toEqual({
      kind: 'conflict',
      conflicts: 2,
      content: [
        '<<<<<<< yours',
        'A1',
        '||||||| last generated',
        'a',
        '=======',
        'A2',
        '>>>>>>> generated now',
        'b',
        'c',
        'd',
        '<<<<<<< yours',
        'E1',
        '||||||| last generated',
        'e',
        '=======',
        'E2',
        '>>>>>>> generated now',
        '',
      ].join('\n'),
    });
  });

  it('treats the same change on both sides as no conflict', () => {
    expect(mergeThreeWay(BASE, 'a\nX\nc\nd\ne\nmine\n', 'a\nX\nc\nd\ne\n')).toEqual({
      kind: 'clean',
      content: 'a\nX\nc\nd\ne\nmine\n',
    });
  });
});
