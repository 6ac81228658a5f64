import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { validateErd } from './index';

function erd(names: string[], extra: Partial<Erd> = {}): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'webshop' },
    entities: names.map((name) => ({ name, fields: [{ name: 'label', type: 'string' }] })),
    relations: [],
    ...extra,
  };
}
const rows = (e: Erd) => validateErd(e).map((d) => [d.severity, d.code, d.path, d.message]);

describe('validateErd: API routes', () => {
  it('rejects entities that would share URL names or a URL', () => {
    expect(rows(erd(['OrderItem', 'Order_Item', 'Bus', 'Buse']))).toEqual([
      [
        'warning',
        'erd.invalid-identifier',
        'entities.Order_Item',
        'The entity name "Order_Item" is not PascalCase (e.g. "OrderItem"), as Django models usually are.',
      ],
      [
        'error',
        'erd.duplicate-name',
        'entities.Order_Item',
        'The entity "Order_Item" would get the same URL names as "OrderItem" ("order-item-list"); rename one of them.',
      ],
      [
        'error',
        'erd.duplicate-name',
        'entities.Buse',
        'The entity "Buse" would get the same URL "buses/" as "Bus"; rename one of them.',
      ],
    ]);
  });

  it('rejects an entity served where the project serves its own docs, unless URLs are versioned', () => {
    expect(rows(erd(['Doc']))).toEqual([
      [
        'error',
        'erd.reserved-name',
        'entities.Doc',
        'The entity "Doc" would be served at "docs/", which the generated project uses for its own endpoint; rename it or turn on URL versioning.',
      ],
    ]);
    expect(validateErd(erd(['Doc'], { api: { versioning: 'url' } }))).toEqual([]);
    expect(validateErd(erd(['Doc'], { api: { openapi: false } }))).toEqual([]);
  });

  it('rejects the name of the exception class generated views define', () => {
    expect(rows(erd(['StillReferenced']))).toEqual([
      [
        'error',
        'erd.reserved-name',
        'entities.StillReferenced',
        'The entity name "StillReferenced" cannot be used: generated views define the exception class "StillReferenced".',
      ],
    ]);
  });

  it('rejects role names longer than a Django group name', () => {
    const role = 'R'.repeat(151);
    expect(rows(erd(['Page'], { auth: { roles: [role] } }))).toEqual([
      [
        'error',
        'erd.invalid-value',
        'auth.roles[0]',
        `The role "${'R'.repeat(40)}"… is longer than the 150 characters of a Django group name.`,
      ],
    ]);
  });
});
