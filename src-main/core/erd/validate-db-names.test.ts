import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { validateErd } from './index';

function base(): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'shop' },
    entities: [
      { name: 'Product', dbTable: 'products', fields: [{ name: 'title', type: 'string', dbColumn: 'Title' }] },
      { name: 'Order', fields: [{ name: 'number', type: 'string' }] },
    ],
    relations: [
      {
        name: 'product',
        kind: 'manyToOne',
        from: 'Order',
        to: 'Product',
        onDelete: 'PROTECT',
        relatedName: 'orders',
        dbColumn: 'ProductRef',
      },
    ],
  };
}

const rows = (erd: Erd) => validateErd(erd).map((d) => [d.code, d.path, d.message]);

describe('validateErd: database names (dbTable, dbColumn)', () => {
  it('accepts tables and columns of an existing database', () => {
    expect(validateErd(base())).toEqual([]);
  });

  it('refuses a table two models share (ignoring case), or that Django creates', () => {
    const erd = base();
    erd.entities[1] = { ...erd.entities[1]!, dbTable: 'Products' };
    expect(rows(erd)).toEqual([
      ['erd.duplicate-name', 'entities.Order.dbTable', 'Order and Product both use the table "Products".'],
    ]);
    erd.entities[1] = { ...erd.entities[1]!, dbTable: 'django_session' };
    expect(rows(erd)).toEqual([
      [
        'erd.reserved-name',
        'entities.Order.dbTable',
        'Order cannot use the table "django_session": Django\'s own apps create it. Choose another dbTable.',
      ],
    ]);
  });

  it('refuses names no database accepts', () => {
    const erd = base();
    erd.entities[0] = { ...erd.entities[0]!, dbTable: `x${'y'.repeat(63)}` };
    erd.entities[1] = { ...erd.entities[1]!, fields: [{ name: 'number', type: 'string', dbColumn: 'a"b' }] };
    expect(rows(erd)).toEqual([
      [
        'erd.invalid-value',
        'entities.Product.dbTable',
        `The table name "x${'y'.repeat(63)}" of Product is 64 characters long; at most 63 are supported.`,
      ],
      [
        'erd.invalid-value',
        'entities.Order.fields.number.dbColumn',
        'The column name "a\\"b" of Order.number contains a quote or a backslash.',
      ],
    ]);
  });

  it('refuses two members in one column, Django\'s own "id" included, and a column on a many-to-many', () => {
    const erd = base();
    erd.entities[1] = {
      ...erd.entities[1]!,
      fields: [
        { name: 'number', type: 'string', dbColumn: 'productref' },
        { name: 'legacy_id', type: 'string', dbColumn: 'ID' },
      ],
    };
    erd.relations.push({ name: 'tags', kind: 'manyToMany', from: 'Product', to: 'Order', dbColumn: 'tag_id' });
    expect(rows(erd).filter(([code]) => code !== 'erd.related-name-derived')).toEqual([
      [
        'erd.duplicate-name',
        'entities.Order.fields.legacy_id.dbColumn',
        'Order.legacy_id and Order.id are both stored in the column "ID".',
      ],
      [
        'erd.duplicate-name',
        'relations.Order.product.dbColumn',
        'Order.product and Order.number are both stored in the column "ProductRef".',
      ],
      [
        'erd.invalid-value',
        'relations.Product.tags.dbColumn',
        'Product.tags is many-to-many: it has no column of its own, so dbColumn does not apply.',
      ],
    ]);
  });
});
