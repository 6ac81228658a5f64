import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../../src-shared/erd/model';
import { ERD_SCHEMA_FILE, erdJsonSchemaText } from './json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('resources/erd.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing the model)', () => {
    expect(readFileSync(path.join(root, ERD_SCHEMA_FILE), 'utf8')).toBe(erdJsonSchemaText());
  });

  it('describes the native format: required members, the field type enum, closed objects', () => {
    const schema = JSON.parse(erdJsonSchemaText()) as {
      required: string[];
      additionalProperties: boolean;
      properties: {
        format: { const: string };
        entities: { items: { properties: { fields: { items: { properties: { type: { enum: string[] } } } } } } };
      };
    };
    expect(schema.required).toEqual(['format', 'version', 'project', 'entities', 'relations']);
    expect(schema.properties.format.const).toBe('djforge-erd');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.entities.items.properties.fields.items.properties.type.enum).toEqual([...FIELD_TYPES]);
  });
});
