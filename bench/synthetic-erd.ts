/**
 * Synthetic ERDs of any size for benchmarks: every entity has a spread of field types and up to
 * two foreign keys to earlier entities, so the generator does realistic work at scale.
 */
import type { Erd } from '../src-shared/erd/model';
import { normalizeErd } from '../src-main/core/erd';

/** Names of the groups a grouped synthetic ERD uses, in turn (then numbered). */
const GROUP_NAMES = ['Catalog', 'Sales', 'Inventory', 'Billing', 'Support', 'Marketing', 'Shipping', 'Accounts'];

/**
 * `count` entities; with `groupSize`, consecutive entities form layout groups of that size (as a
 * person groups the tables of a large schema), which a large ERD's generation turns into apps.
 */
export function syntheticErd(count: number, options: { groupSize?: number } = {}): Erd {
  const entities: Erd['entities'] = [];
  const relations: Erd['relations'] = [];
  for (let i = 0; i < count; i++) {
    const name = `Entity${i}`;
    entities.push({
      name,
      fields: [
        { name: 'name', type: 'string', maxLength: 120 },
        { name: 'description', type: 'text', required: false },
        { name: 'quantity', type: 'integer', min: 0 },
        { name: 'price', type: 'decimal', maxDigits: 10, decimalPlaces: 2 },
        { name: 'is_active', type: 'boolean', default: true },
        { name: 'contact', type: 'email', required: false },
        { name: 'starts_on', type: 'date', nullable: true, required: false },
        { name: 'created_at', type: 'datetime', autoNowAdd: true },
      ],
    });
    if (i > 0) relations.push({ name: 'parent', kind: 'manyToOne', from: name, to: `Entity${Math.floor(i / 2)}` });
    if (i > 2) relations.push({ name: 'owner', kind: 'manyToOne', from: name, to: `Entity${i % 3}`, nullable: true });
  }
  const draft: Erd = {
    format: 'djforge-erd',
    version: 1,
    project: { name: `synthetic_${count}` },
    entities,
    relations,
  };
  const size = options.groupSize;
  if (size !== undefined && size > 0) {
    const groups = [];
    for (let start = 0; start < count; start += size) {
      const k = start / size;
      const name = (GROUP_NAMES[k % GROUP_NAMES.length] ?? 'Group') + (k >= GROUP_NAMES.length ? ` ${k}` : '');
      groups.push({ name, entities: entities.slice(start, start + size).map((e) => e.name) });
    }
    draft.layout = { groups };
  }
  return normalizeErd(draft).erd;
}
