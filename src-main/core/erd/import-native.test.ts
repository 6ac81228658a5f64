import { describe, expect, it } from 'vitest';
import { importErdText } from './index';
import { nativePath } from './import-native';

const README_EXAMPLE = `{
  "format": "djforge-erd",
  "version": 1,
  "project": { "name": "jobboard", "title": "Job board" },
  "entities": [
    { "name": "Company", "fields": [{ "name": "name", "type": "string", "unique": true }] },
    {
      "name": "Job",
      "fields": [
        { "name": "title", "type": "string", "maxLength": 200 },
        { "name": "salary", "type": "decimal", "maxDigits": 10, "decimalPlaces": 2, "min": 0 },
        { "name": "status", "type": "enum", "choices": [{ "value": "open" }, { "value": "closed" }] }
      ],
      "ordering": ["-id"]
    }
  ],
  "relations": [{ "name": "company", "kind": "manyToOne", "from": "Job", "to": "Company", "onDelete": "CASCADE" }],
  "rules": [{ "text": "Job salary must be positive", "entity": "Job", "field": "salary", "kind": "positive" }],
  "auth": { "schemes": ["session", "token"], "roles": ["Employer"], "permissions": { "Job": { "create": ["Employer"] } } },
  "api": { "pagination": true, "filtering": true, "search": true, "ordering": true, "versioning": "url" }
}`;

describe('native djforge-erd documents', () => {
  it('imports the README example unchanged except for the derived related name', () => {
    const result = importErdText(README_EXAMPLE, 'jobboard.json');
    expect(result.format).toBe('djforge-erd');
    expect(result.diagnostics).toEqual([]);
    expect(result.erd?.relations).toEqual([
      { name: 'company', kind: 'manyToOne', from: 'Job', to: 'Company', onDelete: 'CASCADE', relatedName: 'jobs' },
    ]);
    expect(result.erd?.entities[1]?.fields[2]).toEqual({
      name: 'status',
      type: 'enum',
      choices: [{ value: 'open' }, { value: 'closed' }],
    });
    expect(result.erd?.project).toEqual({ name: 'jobboard', title: 'Job board' });
  });

  it('turns schema violations into diagnostics with named paths and line:column', () => {
    const text = README_EXAMPLE.replace('"type": "decimal"', '"type": "money"')
      .replace('"maxLength": 200', '"maxLength": -1')
      .replace('"version": 1', '"version": 2');
    const result = importErdText(text, 'bad.json');
    expect(result.erd).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['erd.schema', 'version', 3, 3],
      ['erd.schema', 'entities.Job.fields.title.maxLength', 10, 46],
      ['erd.unknown-type', 'entities.Job.fields.salary.type', 11, 29],
    ]);
    expect(result.diagnostics[2]?.message).toBe(
      'Unknown field type "money"; expected one of string, text, integer, bigInteger, float, decimal, boolean, date, datetime, time, duration, email, url, slug, uuid, json, file, image, enum, ipAddress.',
    );
    expect(result.diagnostics[0]?.message).toBe('"version": invalid input: expected 1.');
  });

  it('asks for a missing field type', () => {
    const result = importErdText(README_EXAMPLE.replace('"type": "decimal", ', ''), 'bad.json');
    expect(result.diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['erd.schema', 'entities.Job.fields.salary.type', 11, 9],
    ]);
    expect(result.diagnostics[0]?.message).toMatch(
      /^"entities\.Job\.fields\.salary\.type": a field type is required, one of string, text,/,
    );
  });

  it('suggests the intended field type for a near miss', () => {
    const result = importErdText(README_EXAMPLE.replace('"type": "decimal"', '"type": "decimel"'), 'bad.json');
    expect(result.diagnostics[0]?.message).toMatch(
      /^Unknown field type "decimel" \(did you mean "decimal"\?\); expected one of/,
    );
  });

  it('warns about unknown properties instead of dropping them silently', () => {
    const text = README_EXAMPLE.replace('"maxLength": 200', '"maxlength": 200').replace(
      '"title": "Job board"',
      '"titel": "Job board"',
    );
    const result = importErdText(text, 'typo.json');
    expect(result.erd).not.toBeNull();
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path, d.line, d.message])).toEqual([
      [
        'warning',
        'erd.unknown-key',
        'project.titel',
        4,
        'Unknown property "titel" is ignored (did you mean "title"?).',
      ],
      [
        'warning',
        'erd.unknown-key',
        'entities.Job.fields.title.maxlength',
        10,
        'Unknown property "maxlength" is ignored (did you mean "maxLength"?).',
      ],
    ]);
  });

  it('treats a document with entities and relations but no format as native and asks for the format', () => {
    const result = importErdText('{"project": {"name": "p"}, "entities": [], "relations": []}', 'x.json');
    expect(result.format).toBe('djforge-erd');
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['erd.schema', 'format'],
      ['erd.schema', 'version'],
    ]);
  });
});

describe('nativePath', () => {
  const root = {
    entities: [{ name: 'Job', fields: [{ name: 'title' }, { name: 'a.b' }] }, { fields: [] }],
    relations: [{ name: 'owner', from: 'Job' }],
  };
  it('names entities, fields and relations, and falls back to indexes', () => {
    expect(nativePath(root, ['entities', 0, 'fields', 0, 'type'])).toBe('entities.Job.fields.title.type');
    expect(nativePath(root, ['entities', 0, 'fields', 1])).toBe('entities.Job.fields[1]');
    expect(nativePath(root, ['entities', 1, 'name'])).toBe('entities[1].name');
    expect(nativePath(root, ['relations', 0, 'to'])).toBe('relations.Job.owner.to');
    expect(nativePath(root, ['api', 'pagination'])).toBe('api.pagination');
  });
});
