import { describe, expect, it } from 'vitest';
import type { Entity, Erd, Relation } from '../../../src-shared/erd/model';
import { normalizeErd } from './index';

function erd(entities: Entity[], relations: Relation[] = []): Erd {
  return { format: 'djforge-erd', version: 1, project: { name: 'site' }, entities, relations };
}

const member: Entity = {
  name: 'Member',
  fields: [
    { name: 'email', type: 'string' },
    { name: 'password', type: 'string' },
    { name: 'first_name', type: 'text' },
    { name: 'is_active', type: 'boolean' },
    { name: 'bio', type: 'text' },
  ],
};

describe('normalizeErd: the login user', () => {
  it('makes a Member with login fields the AbstractUser in the users app, conforming its fields', () => {
    const { erd: out, diagnostics } = normalizeErd(erd([member, { name: 'Post', fields: [] }]));
    const user = out.entities[0];
    expect(user).toMatchObject({ name: 'Member', isUser: true, app: 'users' });
    expect(user?.fields).toEqual([
      { name: 'username', type: 'string', maxLength: 150, unique: true },
      { name: 'email', type: 'email', unique: true },
      { name: 'first_name', type: 'string', maxLength: 150, required: false },
      { name: 'is_active', type: 'boolean', default: true },
      { name: 'bio', type: 'text', required: false },
    ]);
    expect(out.entities[1]?.isUser).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.path)).toEqual([
      'entities.Member.fields.first_name',
    ]);
  });

  it('keeps an entity marked isUser: false a plain model, and takes the one marked true', () => {
    const plain = normalizeErd(erd([{ ...member, isUser: false }])).erd.entities[0];
    expect(plain?.isUser).toBe(false);
    expect(plain?.app).toBeUndefined();
    const marked = normalizeErd(erd([member, { name: 'Person', isUser: true, app: 'people', fields: [] }])).erd;
    expect(marked.entities.map((e) => [e.name, e.isUser, e.app])).toEqual([
      ['Member', undefined, undefined],
      ['Person', true, 'people'],
    ]);
  });

  it('does not take a Customer without login fields for the user', () => {
    const out = normalizeErd(erd([{ name: 'Customer', fields: [{ name: 'name', type: 'string' }] }])).erd;
    expect(out.entities[0]?.isUser).toBeUndefined();
  });
});

describe('normalizeErd: owners', () => {
  const post: Entity = { name: 'Post', fields: [{ name: 'title', type: 'string' }] };
  it('marks the required link to the user named author as the owner, one per entity, and leaves others', () => {
    const { erd: out } = normalizeErd(
      erd(
        [member, post],
        [
          { name: 'author', kind: 'manyToOne', from: 'Post', to: 'Member' },
          { name: 'user', kind: 'manyToOne', from: 'Post', to: 'Member' },
          { name: 'reviewer', kind: 'manyToOne', from: 'Post', to: 'Member' },
        ],
      ),
    );
    expect(out.relations.map((r) => [r.name, r.owner, r.onDelete])).toEqual([
      ['author', true, 'PROTECT'],
      ['user', undefined, 'PROTECT'],
      ['reviewer', undefined, 'PROTECT'],
    ]);
  });

  it('respects owner: false and never marks a nullable link or a link to another entity', () => {
    const { erd: out } = normalizeErd(
      erd(
        [member, post, { name: 'Blog', fields: [] }],
        [
          { name: 'author', kind: 'manyToOne', from: 'Post', to: 'Member', owner: false },
          { name: 'owner', kind: 'manyToOne', from: 'Blog', to: 'Member', nullable: true },
          { name: 'owner', kind: 'manyToOne', from: 'Post', to: 'Blog' },
        ],
      ),
    );
    expect(out.relations.map((r) => r.owner)).toEqual([false, undefined, undefined]);
  });
});

describe('normalizeErd: constraints from names', () => {
  it('infers unique, optional, true defaults and non-negative bounds, and never overrides the ERD', () => {
    const { erd: out, diagnostics } = normalizeErd(
      erd([
        {
          name: 'Product',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'slug', type: 'slug', unique: false },
            { name: 'order_number', type: 'string' },
            { name: 'external_id', type: 'uuid' },
            { name: 'address_line_2', type: 'string' },
            { name: 'notes', type: 'text', required: true },
            { name: 'is_public', type: 'boolean' },
            { name: 'is_featured', type: 'boolean' },
            { name: 'unit_price', type: 'decimal' },
            { name: 'stock_quantity', type: 'integer', min: 1 },
            { name: 'rating', type: 'integer' },
          ],
        },
      ]),
    );
    expect(out.entities[0]?.fields).toEqual([
      { name: 'sku', type: 'string', unique: true },
      { name: 'slug', type: 'slug', unique: false },
      { name: 'order_number', type: 'string', unique: true },
      { name: 'external_id', type: 'uuid', unique: true },
      { name: 'address_line_2', type: 'string', required: false },
      { name: 'notes', type: 'text', required: true },
      { name: 'is_public', type: 'boolean', default: true },
      { name: 'is_featured', type: 'boolean' },
      { name: 'unit_price', type: 'decimal', min: 0 },
      { name: 'stock_quantity', type: 'integer', min: 1 },
      { name: 'rating', type: 'integer' },
    ]);
    expect(diagnostics.filter((d) => d.code === 'erd.constraint-inferred')).toHaveLength(6);
    expect(diagnostics.every((d) => d.severity === 'info')).toBe(true);
  });
});

describe('normalizeErd: reverse accessors of self-references', () => {
  it('reverses following as followers and parent as children, unless the name is taken or given', () => {
    const { erd: out } = normalizeErd(
      erd(
        [{ name: 'Person', fields: [{ name: 'children', type: 'integer' }] }],
        [
          { name: 'following', kind: 'manyToMany', from: 'Person', to: 'Person' },
          { name: 'parent', kind: 'manyToOne', from: 'Person', to: 'Person' },
          { name: 'blocked', kind: 'manyToMany', from: 'Person', to: 'Person', relatedName: 'blockers' },
        ],
      ),
    );
    expect(out.relations.map((r) => r.relatedName)).toEqual(['followers', 'persons', 'blockers']);
  });
});
