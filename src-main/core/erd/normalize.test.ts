import { describe, expect, it } from 'vitest';
import type { Erd, Relation } from '../../../src-shared/erd/model';
import { normalizeErd, validateErd } from './index';

function erd(entities: string[], relations: Relation[], extra: Partial<Erd> = {}): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'shop' },
    entities: entities.map((name) => ({ name, fields: [{ name: 'label', type: 'string' }] })),
    relations,
    ...extra,
  };
}

const link = (from: string, name: string, to: string, more: Partial<Relation> = {}): Relation => ({
  name,
  kind: 'manyToOne',
  from,
  to,
  ...more,
});

describe('normalizeErd: on delete', () => {
  it('defaults to PROTECT, SET_NULL when nullable, CASCADE for parts, and leaves many-to-many without one', () => {
    const { erd: out, diagnostics } = normalizeErd(
      erd(
        ['A', 'B', 'BLine'],
        [
          link('A', 'b', 'B'),
          link('A', 'maybe_b', 'B', { nullable: true }),
          { name: 'bs', kind: 'manyToMany', from: 'A', to: 'B' },
          link('BLine', 'b', 'B'),
          link('BLine', 'a', 'A'),
        ],
      ),
    );
    expect(out.relations.map((r) => [r.name, r.onDelete, r.nullable])).toEqual([
      ['b', 'PROTECT', undefined],
      ['maybe_b', 'SET_NULL', true],
      ['bs', undefined, undefined],
      ['b', 'CASCADE', undefined],
      ['a', 'PROTECT', undefined],
    ]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'erd.on-delete-inferred').map((d) => d.message)).toEqual([
      'A.b is on_delete PROTECT: deleting a B must not silently delete the A rows that refer to it.',
      'A.maybe_b is on_delete SET_NULL: the reference is optional, so the row stays and forgets it.',
      'BLine.b is on_delete CASCADE: BLine is a part of its B and goes with it.',
      'BLine.a is on_delete PROTECT: deleting a A must not silently delete the BLine rows that refer to it.',
    ]);
  });

  it('makes optional-by-name links (coupon, assigned_to, parent) nullable unless the ERD says otherwise', () => {
    const { erd: out } = normalizeErd(
      erd(
        ['Order', 'Coupon'],
        [link('Order', 'coupon', 'Coupon'), link('Order', 'parent', 'Order', { nullable: false })],
      ),
    );
    expect(out.relations.map((r) => [r.name, r.nullable, r.onDelete])).toEqual([
      ['coupon', true, 'SET_NULL'],
      ['parent', true, 'SET_NULL'],
    ]);
  });

  it('makes a SET_NULL link nullable and keeps an explicit choice', () => {
    const { erd: out, diagnostics } = normalizeErd(
      erd(['A', 'B'], [link('A', 'b', 'B', { onDelete: 'SET_NULL' }), link('A', 'c', 'B', { onDelete: 'PROTECT' })]),
    );
    expect(out.relations.map((r) => [r.onDelete, r.nullable])).toEqual([
      ['SET_NULL', true],
      ['PROTECT', undefined],
    ]);
    expect(diagnostics[0]).toEqual({
      severity: 'info',
      code: 'erd.field-inferred',
      path: 'relations.A.b',
      message: 'A.b uses on_delete SET_NULL, so it is nullable.',
    });
  });
});

describe('normalizeErd: rows can always be created in dependency order', () => {
  it('makes a required self-reference nullable, with a warning', () => {
    const { erd: out, diagnostics } = normalizeErd(
      erd(
        ['Employee'],
        [link('Employee', 'boss', 'Employee'), { name: 'peers', kind: 'manyToMany', from: 'Employee', to: 'Employee' }],
      ),
    );
    expect(out.relations[0]).toEqual({
      name: 'boss',
      kind: 'manyToOne',
      from: 'Employee',
      to: 'Employee',
      nullable: true,
      onDelete: 'SET_NULL',
      relatedName: 'boss_employees',
    });
    expect(out.relations[1]).toEqual({
      name: 'peers',
      kind: 'manyToMany',
      from: 'Employee',
      to: 'Employee',
      relatedName: 'peers_employees',
    });
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([
      {
        severity: 'warning',
        code: 'erd.self-reference-nullable',
        path: 'relations.Employee.boss',
        message:
          'Employee.boss refers to Employee itself, so it is made nullable: otherwise no first Employee could ever be created.',
      },
    ]);
  });

  it('breaks a cycle of required links at its last declared link', () => {
    const { erd: out, diagnostics } = normalizeErd(
      erd(
        ['A', 'B', 'C'],
        [link('A', 'b', 'B'), link('B', 'c', 'C'), link('C', 'a', 'A'), link('C', 'b', 'B', { nullable: true })],
      ),
    );
    expect(
      out.relations.map((r) => `${r.from}.${r.name}:${r.nullable === true ? 'null' : 'required'}:${r.onDelete}`),
    ).toEqual(['A.b:required:PROTECT', 'B.c:required:PROTECT', 'C.a:null:SET_NULL', 'C.b:null:SET_NULL']);
    expect(diagnostics.filter((d) => d.code === 'erd.cycle-broken')).toEqual([
      {
        severity: 'warning',
        code: 'erd.cycle-broken',
        path: 'relations.C.a',
        message:
          'The required links A → B → C → A form a cycle, so no row could be created first; C.a is made nullable to break it.',
      },
    ]);
  });

  it('breaks every cycle, one link each, including two-entity cycles of one-to-one links', () => {
    const { erd: out, diagnostics } = normalizeErd(
      erd(
        ['A', 'B', 'C', 'D'],
        [
          link('A', 'b', 'B', { kind: 'oneToOne' }),
          link('B', 'a', 'A', { kind: 'oneToOne' }),
          link('C', 'd', 'D'),
          link('D', 'c', 'C'),
        ],
      ),
    );
    expect(out.relations.filter((r) => r.nullable === true).map((r) => `${r.from}.${r.name}`)).toEqual(['B.a', 'D.c']);
    expect(diagnostics.filter((d) => d.code === 'erd.cycle-broken')).toHaveLength(2);
  });
});

describe('normalizeErd: reverse accessors', () => {
  it('derives plural names, prefixes them when one entity links twice, and avoids taken names', () => {
    const input = erd(
      ['Order', 'Address', 'User', 'Profile'],
      [
        link('Order', 'billing_address', 'Address'),
        link('Order', 'shipping_address', 'Address'),
        link('Order', 'customer', 'User'),
        link('Address', 'owner', 'User', { relatedName: 'addresses' }),
        link('Profile', 'user', 'User', { kind: 'oneToOne' }),
      ],
    );
    input.entities[2]?.fields.push({ name: 'orders', type: 'integer' });
    const { erd: out, diagnostics } = normalizeErd(input);
    expect(out.relations.map((r) => r.relatedName)).toEqual([
      'billing_address_orders',
      'shipping_address_orders',
      'customer_orders',
      'addresses',
      'profile',
    ]);
    expect(diagnostics.filter((d) => d.code === 'erd.related-name-derived').map((d) => d.message)).toEqual([
      'Order.billing_address gets the reverse accessor "billing_address_orders" on Address, because Order links to Address more than once.',
      'Order.shipping_address gets the reverse accessor "shipping_address_orders" on Address, because Order links to Address more than once.',
      'Order.customer gets the reverse accessor "customer_orders" on User, because "orders" is already a member or reverse accessor of User.',
    ]);
    expect(validateErd(out)).toEqual([]);
  });

  it('never derives a reserved name: an entity called Object does not get "objects"', () => {
    const { erd: out } = normalizeErd(erd(['Object', 'Box'], [link('Object', 'box', 'Box')]));
    expect(out.relations[0]?.relatedName).toBe('box_objects');
  });

  it('keeps names the user gave and numbers a derived name that is still taken', () => {
    const first = normalizeErd(erd(['A', 'B'], [link('A', 'x', 'B', { relatedName: 'as' }), link('A', 'y', 'B')]));
    expect(first.erd.relations.map((r) => r.relatedName)).toEqual(['as', 'y_as']);
    const { erd: out } = normalizeErd(
      erd(['A', 'B'], [link('A', 'x', 'B'), link('A', 'z', 'B'), link('A', 'y', 'B', { relatedName: 'x_as' })]),
    );
    expect(out.relations.map((r) => r.relatedName)).toEqual(['x_as_2', 'z_as', 'x_as']);
  });
});

describe('normalizeErd: options that do not apply', () => {
  it('drops field and relation options that do not apply to the type or kind, with a warning each', () => {
    const input = erd(
      ['A', 'B'],
      [
        link('A', 'b', 'B', { required: true }),
        { name: 'bs', kind: 'manyToMany', from: 'A', to: 'B', onDelete: 'CASCADE', nullable: true },
      ],
    );
    input.entities[0]?.fields.push({ name: 'count', type: 'integer', maxLength: 5, autoNow: true, decimalPlaces: 2 });
    const { erd: out, diagnostics } = normalizeErd(input);
    expect(out.entities[0]?.fields[1]).toEqual({ name: 'count', type: 'integer', min: 0 });
    expect(out.relations[0]).not.toHaveProperty('required');
    expect(out.relations[1]).not.toHaveProperty('onDelete');
    expect(out.relations[1]).not.toHaveProperty('nullable');
    expect(diagnostics.filter((d) => d.code === 'erd.option-dropped').map((d) => [d.path, d.message])).toEqual([
      ['entities.A.fields.count', '"maxLength" does not apply to integer fields and is ignored.'],
      ['entities.A.fields.count', '"decimalPlaces" does not apply to integer fields and is ignored.'],
      ['entities.A.fields.count', '"autoNow" does not apply to integer fields and is ignored.'],
      ['relations.A.b', '"required" does not apply to a many-to-one relation and is ignored.'],
      ['relations.A.bs', '"onDelete" does not apply to a many-to-many relation and is ignored.'],
      ['relations.A.bs', '"nullable" does not apply to a many-to-many relation and is ignored.'],
    ]);
  });
});

describe('normalizeErd: contract', () => {
  it('never modifies its input and is idempotent', () => {
    const input = erd(['A', 'B'], [link('A', 'b', 'B'), link('B', 'a', 'A'), link('A', 'self_ref', 'A')]);
    const copy = structuredClone(input);
    const once = normalizeErd(input);
    expect(input).toEqual(copy);
    const twice = normalizeErd(once.erd);
    expect(twice.erd).toEqual(once.erd);
    expect(twice.diagnostics).toEqual([]);
  });
});
