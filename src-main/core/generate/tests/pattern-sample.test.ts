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
    expect(patternSample('^(unclosed$')).toBeNull();
    expect(patternSample('^a$b$')).toBeNull();
  });

  it('samples negated classes and word boundaries', () => {
    expect(patternSample('^[^a-z]+$')).toEqual([{ text: 'A' }]);
    expect(patternSample('^\\bword\\b$')).toEqual([{ text: 'word' }]);
  });

  it('never expands a huge repetition: refused patterns give null at once', () => {
    const started = Date.now();
    for (const hostile of [
      'a{999999999}',
      '(?:a{1000}){1000}',
      '((a{30}){30}){30}',
      '(a+)+$',
      '(a|aa)*b',
      '(x*)*y',
      'a'.repeat(5000),
      '('.repeat(50) + 'a' + ')'.repeat(50),
      '(a)\\1',
    ]) {
      expect(patternSample(hostile), hostile.slice(0, 40)).toBeNull();
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('takes the shortest alternative, so a long branch never inflates the sample', () => {
    expect(patternSample('^(?:x{1000}|ok)$')).toEqual([{ text: 'ok' }]);
    expect(patternSample('^(?:ab-){3}$')).toEqual([{ text: 'ab-ab-ab-' }]);
  });
});
