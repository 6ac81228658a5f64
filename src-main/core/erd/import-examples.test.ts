import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';
import { importErdText, serializeErd, type ImportResult } from './index';
import { EXAMPLES_DIR } from '../../../test-support/examples';

const EXAMPLES = EXAMPLES_DIR;
const load = (name: string): ImportResult => importErdText(readFileSync(`${EXAMPLES}/${name}`, 'utf8'), name);
const codes = (ds: Diagnostic[]): Record<string, number> =>
  ds.reduce<Record<string, number>>((m, d) => ({ ...m, [d.code]: (m[d.code] ?? 0) + 1 }), {});
const entity = (erd: Erd, name: string) => erd.entities.find((e) => e.name === name);
const relation = (erd: Erd, from: string, name: string) =>
  erd.relations.find((r) => r.from === from && r.name === name);

function imported(name: string): { erd: Erd; result: ImportResult } {
  const result = load(name);
  if (result.erd === null) throw new Error(`${name} did not import: ${JSON.stringify(result.diagnostics)}`);
  return { erd: result.erd, result };
}

describe('seed-legacy-jobboard.json', () => {
  const { erd, result } = imported('seed-legacy-jobboard.json');

  it('is detected as the flat format and named after the file', () => {
    expect(result.format).toBe('seed-legacy');
    expect(erd.project).toEqual({ name: 'jobboard' });
  });

  it('maps Django field classes and the ForeignKey notation', () => {
    expect(erd.entities.map((e) => e.name)).toEqual(['User', 'Job']);
    expect(entity(erd, 'User')?.fields).toEqual([
      { name: 'username', type: 'string', maxLength: 150, unique: true },
      { name: 'name', type: 'string' },
      { name: 'email', type: 'email', unique: true },
    ]);
    expect(entity(erd, 'User')).toMatchObject({ isUser: true, app: 'users' });
    expect(entity(erd, 'Job')?.fields).toEqual([
      { name: 'title', type: 'string' },
      { name: 'description', type: 'text', required: false },
    ]);
    expect(erd.relations).toEqual([
      {
        name: 'posted_by',
        kind: 'manyToOne',
        from: 'Job',
        to: 'User',
        onDelete: 'PROTECT',
        owner: true,
        relatedName: 'jobs',
      },
    ]);
  });

  it('drops the redundant has_many with an info at its position', () => {
    expect(result.diagnostics.filter((d) => d.code === 'erd.has-many-redundant')).toEqual([
      {
        severity: 'info',
        code: 'erd.has-many-redundant',
        message: '"User" has_many "Job" is already expressed by Job.posted_by; nothing is added.',
        path: 'entities.User.has_many[0]',
        file: 'seed-legacy-jobboard.json',
        line: 5,
        column: 18,
      },
    ]);
  });
});

describe('seed-legacy-enterprise.json', () => {
  const { erd, result } = imported('seed-legacy-enterprise.json');

  it('has 7 entities, 14 fields and 8 relations, one of them inferred from has_many', () => {
    expect(erd.entities).toHaveLength(7);
    expect(erd.entities.reduce((n, e) => n + e.fields.length, 0)).toBe(14);
    expect(erd.relations).toHaveLength(8);
    expect(codes(result.diagnostics)).toEqual({
      'erd.has-many-redundant': 7,
      'erd.has-many-inferred': 1,
      'erd.user-inferred': 1,
      'erd.constraint-inferred': 4,
      'erd.field-inferred': 1,
      'erd.owner-inferred': 2,
      'erd.on-delete-inferred': 7,
    });
  });

  it('adds a nullable ForeignKey for "Permission has_many TeamMembership" and says so as a warning', () => {
    expect(relation(erd, 'TeamMembership', 'permission')).toEqual({
      name: 'permission',
      kind: 'manyToOne',
      from: 'TeamMembership',
      to: 'Permission',
      nullable: true,
      onDelete: 'SET_NULL',
      relatedName: 'team_memberships',
    });
    const inferred = result.diagnostics.find((d) => d.code === 'erd.has-many-inferred');
    expect(inferred).toMatchObject({
      severity: 'warning',
      path: 'relations.TeamMembership.permission',
      line: 40,
      column: 18,
    });
  });
});

describe('seed-legacy-massive.json', () => {
  const { erd, result } = imported('seed-legacy-massive.json');

  it("has 37 entities, 186 fields (185 and the user's username) and 60 relations", () => {
    expect(erd.entities).toHaveLength(37);
    expect(erd.entities.reduce((n, e) => n + e.fields.length, 0)).toBe(186);
    expect(erd.relations).toHaveLength(60);
  });

  it('reports every decision: 37 redundant has_many, 1 contradicting a one-to-one, timestamps, the self-reference', () => {
    expect(codes(result.diagnostics)).toEqual({
      'erd.field-inferred': 20,
      'erd.has-many-redundant': 37,
      'erd.has-many-ignored': 1,
      'erd.self-reference-nullable': 1,
      'erd.related-name-derived': 4,
      'erd.user-inferred': 2,
      'erd.constraint-inferred': 60,
      'erd.owner-inferred': 15,
      'erd.on-delete-inferred': 60,
    });
    expect(result.diagnostics.find((d) => d.code === 'erd.has-many-ignored')).toMatchObject({
      severity: 'warning',
      path: 'entities.User.has_many[5]',
      line: 11,
      column: 75,
    });
  });

  it('maps OneToOneField, ImageField, JSONField, GenericIPAddressField and fills timestamps automatically', () => {
    expect(relation(erd, 'UserProfile', 'user')).toMatchObject({
      kind: 'oneToOne',
      to: 'User',
      relatedName: 'user_profile',
    });
    expect(entity(erd, 'UserProfile')?.fields.map((f) => f.type)).toEqual(['text', 'image', 'json', 'json', 'json']);
    expect(entity(erd, 'Analytics')?.fields.find((f) => f.name === 'ip_address')).toEqual({
      name: 'ip_address',
      type: 'ipAddress',
    });
    expect(entity(erd, 'User')?.fields.filter((f) => f.type === 'datetime')).toEqual([
      { name: 'created_at', type: 'datetime', autoNowAdd: true },
      { name: 'updated_at', type: 'datetime', autoNow: true },
    ]);
  });

  it('makes the self-referencing parent category nullable with SET_NULL', () => {
    expect(relation(erd, 'Category', 'parent_category')).toEqual({
      name: 'parent_category',
      kind: 'manyToOne',
      from: 'Category',
      to: 'Category',
      nullable: true,
      onDelete: 'SET_NULL',
      relatedName: 'categories',
    });
  });

  it('gives two relations to one entity distinct reverse accessors', () => {
    expect(relation(erd, 'Order', 'billing_address')?.relatedName).toBe('billing_address_orders');
    expect(relation(erd, 'Order', 'shipping_address')?.relatedName).toBe('shipping_address_orders');
    expect(relation(erd, 'SupportTicket', 'user')?.relatedName).toBe('user_support_tickets');
    expect(relation(erd, 'SupportTicket', 'assigned_to')?.relatedName).toBe('assigned_to_support_tickets');
    expect(relation(erd, 'Order', 'user')?.relatedName).toBe('orders');
    const accessors = new Map<string, string[]>();
    for (const r of erd.relations) accessors.set(r.to, [...(accessors.get(r.to) ?? []), r.relatedName ?? '']);
    for (const names of accessors.values()) expect(new Set(names).size).toBe(names.length);
  });
});

describe('seed-v2-jobboard.json', () => {
  const { erd, result } = imported('seed-v2-jobboard.json');

  it('is detected as the later seed format with 2 entities, 13 fields and 1 relation', () => {
    expect(result.format).toBe('seed-v2');
    expect(erd.project.name).toBe('jobboard');
    expect(erd.entities.map((e) => [e.name, e.fields.length])).toEqual([
      ['User', 6],
      ['Job', 7],
    ]);
    expect(erd.relations).toEqual([
      {
        name: 'posted_by',
        kind: 'manyToOne',
        from: 'Job',
        to: 'User',
        onDelete: 'PROTECT',
        owner: true,
        relatedName: 'jobs',
      },
    ]);
  });

  it('maps the short type names', () => {
    expect(entity(erd, 'Job')?.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'title:string',
      'description:text',
      'salary:decimal',
      'location:string',
      'is_active:boolean',
      'created_at:datetime',
      'updated_at:datetime',
    ]);
  });

  it('maps business rules, auth and API requirements', () => {
    expect(erd.rules).toEqual([
      { text: 'User can only post active jobs', entity: 'Job', field: 'is_active', kind: 'custom' },
      { text: 'Job salary must be positive', entity: 'Job', field: 'salary', kind: 'positive' },
    ]);
    expect(erd.auth).toEqual({
      schemes: ['session', 'jwt'],
      roles: ['JobSeeker', 'Employer', 'Admin'],
      permissions: {
        Job: {
          create: ['Employer', 'Admin'],
          read: ['JobSeeker', 'Employer', 'Admin'],
          update: ['Employer', 'Admin'],
          delete: ['Admin'],
        },
      },
    });
    expect(erd.api).toEqual({ pagination: true, filtering: true, versioning: 'url' });
  });

  it('reports the inferences as infos with their line:column', () => {
    expect(codes(result.diagnostics)).toEqual({
      'erd.field-inferred': 4,
      'erd.requirement-mapped': 2,
      'erd.user-inferred': 2,
      'erd.constraint-inferred': 4,
      'erd.owner-inferred': 1,
      'erd.on-delete-inferred': 1,
    });
    expect(
      result.diagnostics.filter((d) => d.code === 'erd.requirement-mapped').map((d) => [d.path, d.line, d.column]),
    ).toEqual([
      ['rules[1]', 37, 5],
      ['auth.schemes', 44, 5],
    ]);
  });
});

describe('serializeErd', () => {
  it.each([
    'seed-legacy-jobboard.json',
    'seed-legacy-enterprise.json',
    'seed-legacy-massive.json',
    'seed-v2-jobboard.json',
  ])('%s re-imports identically as a native document, with no new diagnostics', (name) => {
    const { erd } = imported(name);
    const text = serializeErd(erd);
    const again = importErdText(text, 'again.json');
    expect(again.format).toBe('djforge-erd');
    expect(again.diagnostics).toEqual([]);
    expect(again.erd).toEqual(erd);
    expect(serializeErd(again.erd as Erd)).toBe(text);
  });

  it('writes 2-space indented JSON with keys in schema order and one trailing newline', () => {
    const text = serializeErd({
      relations: [],
      entities: [],
      project: { title: 'T', name: 'p' },
      version: 1,
      format: 'djforge-erd',
    });
    expect(text).toBe(
      '{\n  "format": "djforge-erd",\n  "version": 1,\n  "project": {\n    "name": "p",\n    "title": "T"\n  },\n  "entities": [],\n  "relations": []\n}\n',
    );
  });
});
