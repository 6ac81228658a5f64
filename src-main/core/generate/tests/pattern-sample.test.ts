import { describe, expect, it } from 'vitest';
import { patternSample, renderSample } from './pattern-sample';

describe('patternSample', () => {
  it('turns an open digit run into the sequence number and keeps literals', () => {
    const pieces = patternSample('^[A-Z]{3}-\\d+$');
    expect(pieces).toEqual([{ text: 'AAA-' }, { digits: 1 }]);
    expect(renderSample(pieces ?? [], 42)).toBe('AAA-42');
  });

  it('pads the sequence number to the minimum count of an open quantifier', () => {
    expect(patternSample('^INV\\d{4,}$')).toEqual([{ text: 'INV' }, { digits: 4 }]);
    expect(renderSample([{ text: 'INV' }, { digits: 4 }], 7)).toBe('INV0007');
  });

  it('repeats fixed counts, takes the first alternative and the minimum of optional parts', () => {
    expect(patternSample('^SN-\\d{4}-[A-Z]$')).toEqual([{ text: 'SN-7777-A' }]);
    expect(patternSample('^(cat|dog)s?\\.(?:x)*$')).toEqual([{ text: 'cat.' }]);
    expect(patternSample('[a-z0-9_]+@corp')).toEqual([{ digits: 1 }, { text: '@corp' }]);
  });

  it('returns null for what it does not understand or cannot satisfy', () => {
    expect(patternSample('^(?=L)L\\d+$')).toBeNull();
    expect(patternSample('^[^a-z]+$')).toBeNull();
    expect(patternSample('^\\bword$')).toBeNull();
    expect(patternSample('^(unclosed$')).toBeNull();
    expect(patternSample('^a$b$')).toBeNull();
  });
});
