import { describe, expect, it } from 'vitest';
import { refusalPlace } from './text-edit';

describe('the place of a text refusal', () => {
  it('is the line and column the importer names, or nothing', () => {
    expect(refusalPlace('document.dbml (2:12): The DBML does not parse: Expected "]".')).toEqual({
      line: 2,
      column: 12,
    });
    expect(refusalPlace('The model has 2 errors.')).toBeNull();
  });
});
