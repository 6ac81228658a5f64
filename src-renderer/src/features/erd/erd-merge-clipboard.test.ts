import { describe, expect, it } from 'vitest';
import type { Erd } from '@shared/erd/model';
import { applyEdit } from './erd-edits';
import { clipOf, parseClip, pasteEdit } from './erd-clipboard';
import { mergeErd } from './erd-merge';
import { withTablesOf } from './text-edit';

const shop: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'shop' },
  entities: [
    { name: 'Customer', fields: [{ name: 'email', type: 'email' }] },
    { name: 'Order', fields: [{ name: 'total', type: 'decimal', maxDigits: 8, decimalPlaces: 2 }] },
  ],
  relations: [{ name: 'customer', kind: 'manyToOne', from: 'Order', to: 'Customer', relatedName: 'orders' }],
  auth: { defaultAccess: 'authenticated' },
  layout: { positions: { Customer: { x: 0, y: 0 }, Order: { x: 300, y: 0 } } },
};

describe('merging an import', () => {
  it('replaces same-named entities and relations, adds the rest, keeps what the import lacks', () => {
    const imported: Erd = {
      format: 'djforge-erd',
      version: 1,
      project: { name: 'other' },
      entities: [
        { name: 'Order', fields: [{ name: 'number', type: 'string', maxLength: 20 }] },
        { name: 'Invoice', fields: [] },
      ],
      relations: [
        { name: 'customer', kind: 'manyToOne', from: 'Order', to: 'Customer', nullable: true },
        { name: 'order', kind: 'oneToOne', from: 'Invoice', to: 'Order' },
      ],
    };
    const { erd, added, replaced } = mergeErd(shop, imported);
    expect(added).toEqual(['Invoice']);
    expect(replaced).toEqual(['Order']);
    expect(erd.entities.map((e) => e.name)).toEqual(['Customer', 'Order', 'Invoice']);
    expect(erd.entities[1]?.fields.map((f) => f.name)).toEqual(['number']);
    expect(erd.relations).toEqual([imported.relations[0], imported.relations[1]]);
    expect(erd.project.name).toBe('shop');
    expect(erd.auth).toEqual(shop.auth);
    expect(erd.layout).toEqual(shop.layout);
  });
});

describe('copy and paste of entities', () => {
  it('pastes a copy under free names with its inner relations, one undoable step', () => {
    const clip = parseClip(JSON.stringify(clipOf(shop, ['Order', 'Customer'])));
    expect(clip?.entities.map((e) => e.name)).toEqual(['Customer', 'Order']);
    const edit = pasteEdit(shop, clip!);
    const pasted = applyEdit(shop, edit!);
    expect(pasted.entities.map((e) => e.name)).toEqual(['Customer', 'Order', 'CustomerCopy', 'OrderCopy']);
    expect(pasted.relations.at(-1)).toEqual({
      name: 'customer',
      kind: 'manyToOne',
      from: 'OrderCopy',
      to: 'CustomerCopy',
    });
    expect(pasted.layout?.positions?.['OrderCopy']).toEqual({ x: 340, y: 40 });
    expect(applyEdit(pasted, edit!, 'undo')).toEqual(shop);
  });

  it('keeps a relation to an entity the target has, drops one to an entity it lacks', () => {
    const clip = clipOf(shop, ['Order'])!;
    const elsewhere: Erd = { ...shop, entities: [], relations: [], layout: {} };
    const intoEmpty = applyEdit(elsewhere, pasteEdit(elsewhere, clip)!);
    expect(intoEmpty.entities.map((e) => e.name)).toEqual(['Order']);
    expect(intoEmpty.relations).toEqual([]);
    const intoShop = applyEdit(shop, pasteEdit(shop, clip)!);
    expect(intoShop.relations.at(-1)).toMatchObject({ from: 'OrderCopy', to: 'Customer' });
  });

  it('reads only its own clips', () => {
    expect(parseClip('Table users { id int }')).toBeNull();
    expect(parseClip('{"format": "djforge-erd-clip", "entities": 3}')).toBeNull();
    expect(clipOf(shop, ['Ghost'])).toBeNull();
  });
});

describe('DBML text applied to the document', () => {
  it('takes the tables and keeps settings, auth and the positions of entities still there', () => {
    const parsed: Erd = {
      ...shop,
      project: { name: 'x' },
      auth: {},
      entities: [shop.entities[1]!],
      relations: [],
      layout: {},
    };
    const next = withTablesOf(shop, parsed);
    expect(next.entities.map((e) => e.name)).toEqual(['Order']);
    expect(next.project.name).toBe('shop');
    expect(next.auth).toEqual(shop.auth);
    expect(next.layout?.positions).toEqual({ Order: { x: 300, y: 0 } });
  });
});
