import { describe, expect, it } from 'vitest';
import { importErdText } from './index';

const one = (text: string, file = 'erd.json') => {
  const result = importErdText(text, file);
  return { ...result, only: result.diagnostics.length === 1 ? result.diagnostics[0] : result.diagnostics };
};

describe('importErdText: text that is not an ERD', () => {
  it('reports an empty file', () => {
    expect(one('  \n').only).toEqual({
      severity: 'error',
      code: 'erd.empty',
      message: 'The file is empty: expected a JSON object describing the ERD.',
      file: 'erd.json',
    });
  });

  it('reports invalid JSON with line:column and a plain reason', () => {
    const result = one('{\n  "Job": {\n    "title": "CharField",\n  }\n}');
    expect(result.erd).toBeNull();
    expect(result.format).toBeNull();
    expect(result.only).toEqual({
      severity: 'error',
      code: 'erd.json-syntax',
      message: 'The file is not valid JSON: Trailing comma before "}" (line 4, column 3).',
      file: 'erd.json',
      line: 4,
      column: 3,
    });
  });

  it('accepts an empty object as a flat ERD with no entities, with a warning', () => {
    const result = importErdText('{}', 'seed-legacy-empty.json');
    expect(result.format).toBe('seed-legacy');
    expect(result.erd).toEqual({
      format: 'djforge-erd',
      version: 1,
      project: { name: 'empty' },
      entities: [],
      relations: [],
    });
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([
      ['warning', 'erd.invalid-value', 'entities'],
    ]);
  });

  it('reports a document that is not an object', () => {
    expect(one('[1, 2]').only).toMatchObject({
      code: 'erd.not-object',
      message: 'The ERD must be a JSON object, but the file holds a list.',
    });
  });

  it('reports an unknown native format name at the "format" key', () => {
    expect(one('{\n  "format": "dbml"\n}').only).toEqual({
      severity: 'error',
      code: 'erd.unknown-format',
      path: 'format',
      message: 'The format "dbml" is not supported; expected "djforge-erd".',
      file: 'erd.json',
      line: 2,
      column: 3,
    });
  });

  it('reports a document whose members are not entities', () => {
    expect(one('{"Job": {"title": "CharField"}, "name": "x"}').only).toMatchObject({
      code: 'erd.unknown-format',
      path: 'name',
      line: 1,
      column: 33,
    });
  });

  it('reports duplicate keys, which JSON.parse would silently merge, and refuses the ERD', () => {
    const result = one('{\n  "Job": {"title": "CharField"},\n  "Job": {"name": "CharField"}\n}');
    expect(result.erd).toBeNull();
    expect(result.only).toEqual({
      severity: 'error',
      code: 'erd.duplicate-key',
      path: 'Job',
      message: 'The key "Job" appears more than once; JSON keeps only the last one, so rename or merge them.',
      file: 'erd.json',
      line: 3,
      column: 3,
    });
  });
});

describe('importErdText: the flat format', () => {
  it('reports every problem at once, each at its place', () => {
    const text = [
      '{',
      '  "Job": {',
      '    "title": "CharFeld",',
      '    "class": "IntegerField",',
      '    "owner": "ForeignKey:Usr",',
      '    "tags": ["a"],',
      '    "has_many": ["Ghost"]',
      '  },',
      '  "User": {"name": "CharField"}',
      '}',
    ].join('\n');
    const result = importErdText(text, 'bad.json');
    expect(result.erd).toBeNull();
    expect(result.format).toBe('seed-legacy');
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path, d.line, d.column])).toEqual([
      ['error', 'erd.unknown-type', 'entities.Job.fields.title', 3, 5],
      ['error', 'erd.invalid-value', 'entities.Job.fields.tags', 6, 5],
      ['error', 'erd.unknown-entity', 'entities.Job.has_many[0]', 7, 18],
      ['info', 'erd.on-delete-inferred', 'relations.Job.owner', 5, 5],
      ['error', 'erd.keyword', 'entities.Job.fields.class', 4, 5],
      ['error', 'erd.unknown-entity', 'relations.Job.owner', 5, 5],
    ]);
    expect(result.diagnostics[0]?.message).toBe('Unknown field type "CharFeld". Did you mean "CharField"?');
    expect(result.diagnostics[5]?.message).toBe(
      'The relation Job.owner points to "Usr", which is not an entity (did you mean "User"?).',
    );
  });

  it('reads call notations with arguments and reports the ones it cannot keep', () => {
    const text =
      '{"A": {"b": "models.ForeignKey(\'B\', on_delete=models.PROTECT, related_name=\'items\', db_index=True)"}, "B": {}}';
    const result = importErdText(text, 'x.json');
    expect(result.erd?.relations).toEqual([
      { name: 'b', kind: 'manyToOne', from: 'A', to: 'B', onDelete: 'PROTECT', relatedName: 'items' },
    ]);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'erd.option-dropped',
        path: 'relations.A.b',
        message: 'Ignored the argument(s) db_index=True of "b"; the ERD has no equivalent.',
        file: 'x.json',
        line: 1,
        column: 8,
      },
    ]);
  });

  it('reports a malformed relation notation', () => {
    const result = importErdText('{"A": {"b": "ForeignKey(B"}, "B": {}}', 'x.json');
    expect(result.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        'erd.relation-notation',
        'relations.A.b',
        '"ForeignKey(B" is not a valid relation: the closing ")" is missing or misplaced. Write it as "ForeignKey:Entity" or "ForeignKey(Entity)".',
      ],
    ]);
  });

  it('drops an AutoField primary key with an info, resolves self and accepts a differently cased class', () => {
    const result = importErdText(
      '{"Node": {"id": "AutoField", "label": "charfield", "parent": "ForeignKey(self)"}}',
      'tree.json',
    );
    expect(result.erd?.entities[0]?.fields).toEqual([{ name: 'label', type: 'string' }]);
    expect(result.erd?.relations[0]).toMatchObject({ from: 'Node', to: 'Node', nullable: true, onDelete: 'SET_NULL' });
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([
      ['info', 'erd.option-dropped', 'entities.Node.fields.id'],
      ['info', 'erd.type-normalized', 'entities.Node.fields.label'],
      ['info', 'erd.field-inferred', 'relations.Node.parent'],
      ['info', 'erd.on-delete-inferred', 'relations.Node.parent'],
      ['info', 'erd.related-name-derived', 'relations.Node.parent'],
    ]);
    expect(result.erd?.relations[0]?.relatedName).toBe('children');
  });
});

describe('importErdText: the later seed format', () => {
  it('reports unknown sections, relations under fields, and unsupported requirement values', () => {
    const text = JSON.stringify(
      {
        erd: { entities: { Job: { fields: { title: 'str', owner: 'ForeignKey(Job)' }, relations: {} } } },
        business_rules: [{ rule: 'Rating between 1 and 5', applies_to: 'Job', field: 'rating' }],
        auth_requirements: { authentication: 'OAuth', roles: ['Admin'], permissions: { Job: { create: ['Boss'] } } },
        api_requirements: { versioning: 'header', pagination: 'yes' },
        extra: 1,
      },
      null,
      2,
    );
    const result = importErdText(text, 'seed-v2-x.json');
    expect(result.format).toBe('seed-v2');
    expect(result.erd).toBeNull();
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path, d.line])).toEqual([
      ['warning', 'erd.unknown-key', 'extra', 37],
      ['warning', 'erd.unknown-key', 'entities.Job.relations', 9],
      ['error', 'erd.relation-notation', 'entities.Job.fields.owner', 7],
      ['info', 'erd.requirement-mapped', 'rules[0]', 14],
      ['error', 'erd.invalid-value', 'auth.schemes', 21],
      ['error', 'erd.invalid-value', 'api.pagination', 35],
      ['error', 'erd.invalid-value', 'api.versioning', 34],
      ['error', 'erd.unknown-field', 'rules[0]', 14],
      ['error', 'erd.unknown-role', 'auth.permissions.Job.create', 27],
    ]);
    expect(result.diagnostics[3]?.message).toBe(
      'The rule "Rating between 1 and 5" was read as a range rule min 1 max 5.',
    );
  });
});
