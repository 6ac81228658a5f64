import { describe, expect, it } from 'vitest';
import { shopErd } from '../../../test-support/fixtures/app-erds';
import { generateProject } from './index';
import { mutantsOf } from './mutants';

const files = generateProject(shopErd());

function changed(description: string): [string, string] {
  const mutant = mutantsOf(files).find((m) => m.description === description);
  if (mutant === undefined) throw new Error(`no mutant ${description}`);
  const before = files.find((f) => f.path === mutant.file)?.content ?? '';
  const after = mutant.files.find((f) => f.path === mutant.file)?.content ?? '';
  return [before, after];
}

describe('mutantsOf', () => {
  it('changes exactly one file per mutant, the one it names', () => {
    for (const mutant of mutantsOf(files)) {
      const differ = mutant.files.filter((f, i) => f.content !== files[i]?.content).map((f) => f.path);
      expect(differ, mutant.description).toEqual([mutant.file]);
    }
  });

  it('breaks every promise the generated tests check, at most two of a kind per file', () => {
    const mutants = mutantsOf(files);
    const kinds = new Set(mutants.map((m) => m.description.split(': ')[1]?.split(' (')[0]));
    for (const kind of [
      'drop the validators',
      'loosen a bound',
      'drop unique',
      'PROTECT → CASCADE',
      'make an optional field required',
      'shorten a max_length',
      'drop a filter field',
      'reverse the default ordering',
      'drop an ordering field',
      'make a field read-only',
    ])
      expect(kinds, kind).toContain(kind);
    const perFileKind = new Map<string, number>();
    for (const m of mutants) {
      const key = `${m.file} ${m.description.split(': ')[1]?.split(' (')[0] ?? ''}`;
      perFileKind.set(key, (perFileKind.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perFileKind.values())).toBeLessThanOrEqual(2);
  });

  it('reverses the default ordering of views.py', () => {
    const [before, after] = changed(
      mutantsOf(files).find((m) => m.description.includes('reverse the default ordering'))?.description ?? '',
    );
    expect(before).toContain("ordering = ['-id']");
    expect(after.split("ordering = ['id']").length).toBe(2);
  });
});
