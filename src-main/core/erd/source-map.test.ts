import { describe, expect, it } from 'vitest';
import { scanJson } from './json-scan';
import { SourceMap } from './source-map';

const TEXT = '{\n  "Job": {\n    "title": "CharField"\n  },\n  "entities": [{"name": "X", "fields": []}]\n}';

describe('SourceMap', () => {
  it('locates a path through its closest recorded ancestor (seed formats)', () => {
    const map = new SourceMap(TEXT, scanJson(TEXT), false);
    map.record('entities.Job', ['Job']);
    map.record('entities.Job.fields.title', ['Job', 'title']);
    expect(map.pointerOf('entities.Job.fields.title.maxLength')).toEqual(['Job', 'title']);
    expect(map.pointerOf('entities.Job.ordering[0]')).toEqual(['Job']);
    expect(map.pointerOf('project.name')).toBeUndefined();
    const d = map.locate({ severity: 'error', code: 'c', message: 'm', path: 'entities.Job.fields.title' });
    expect(d).toEqual({
      severity: 'error',
      code: 'c',
      message: 'm',
      path: 'entities.Job.fields.title',
      line: 3,
      column: 5,
    });
  });

  it('appends the remaining segments as JSON keys in the native format, down to the deepest that exists', () => {
    const map = new SourceMap(TEXT, scanJson(TEXT), true);
    map.record('entities.X', ['entities', 0]);
    expect(map.pointerOf('entities.X.fields')).toEqual(['entities', 0, 'fields']);
    expect(map.positionOf(['entities', 0, 'fields'])).toEqual({ line: 5, column: 30 });
    expect(map.positionOf(['entities', 0, 'missing', 'deeper'])).toEqual({ line: 5, column: 16 });
    expect(map.pointerOf('Job.title')).toEqual(['Job', 'title']);
  });

  it('keeps the first record of a path and leaves located or pathless diagnostics alone', () => {
    const map = new SourceMap(TEXT, scanJson(TEXT), false);
    map.record('a', ['Job']);
    map.record('a', ['entities']);
    expect(map.pointerOf('a')).toEqual(['Job']);
    const located = { severity: 'info' as const, code: 'c', message: 'm', path: 'a', line: 9, column: 9 };
    expect(map.locate(located)).toBe(located);
    const pathless = { severity: 'info' as const, code: 'c', message: 'm' };
    expect(map.locate(pathless)).toBe(pathless);
  });
});
