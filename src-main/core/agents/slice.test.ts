import { describe, expect, it } from 'vitest';
import type { Entity, Erd } from '../../../src-shared/erd/model';
import { shopErd } from '../../../test-support/fixtures/app-erds';
import { entitySlice, indexErd, unitSlice } from './slice';

/** The slice by its plain definition: the whole ERD filtered for the entity. */
function referenceSlice(erd: Erd, entity: Entity): Record<string, unknown> {
  const relations = erd.relations.filter((r) => r.from === entity.name || r.to === entity.name);
  const related = [...new Set(relations.flatMap((r) => [r.from, r.to, ...(r.through ? [r.through] : [])]))]
    .filter((n) => n !== entity.name)
    .sort();
  return {
    entity,
    relations,
    related: Object.fromEntries(related.map((n) => [n, erd.entities.find((e) => e.name === n)?.app ?? null])),
    rules: (erd.rules ?? []).filter((r) => r.entity === entity.name),
  };
}

describe('entity slices', () => {
  it('are the same with a shared index as by filtering the ERD, for every entity and agent', () => {
    const erd = shopErd();
    expect(erd.relations.length).toBeGreaterThan(2);
    const index = indexErd(erd);
    for (const entity of erd.entities) {
      expect(entitySlice(erd, entity, index)).toEqual(referenceSlice(erd, entity));
      expect(JSON.stringify(entitySlice(erd, entity))).toBe(JSON.stringify(referenceSlice(erd, entity)));
      for (const agent of ['models', 'serializers', 'views', 'urls'] as const)
        expect(unitSlice(erd, agent, entity, index)).toEqual(unitSlice(erd, agent, entity));
    }
  });

  it('list a self-reference once and keep the ERD order of relations and rules', () => {
    const erd = shopErd();
    const first = erd.entities[0] as Entity;
    const other = erd.entities[1] as Entity;
    const withSelf: Erd = {
      ...erd,
      relations: [
        { name: 'parent', from: first.name, to: first.name, kind: 'manyToOne' },
        ...erd.relations,
        { name: 'buddy', from: other.name, to: first.name, kind: 'manyToOne' },
      ],
      rules: [{ entity: first.name, text: 'b' }, { text: 'global' }, { entity: first.name, text: 'a' }],
    };
    const slice = entitySlice(withSelf, first, indexErd(withSelf)) as {
      relations: { name: string }[];
      rules: { text: string }[];
    };
    expect(slice).toEqual(referenceSlice(withSelf, first));
    expect(slice.relations.filter((r) => r.name === 'parent')).toHaveLength(1);
    expect(slice.relations[0]?.name).toBe('parent');
    expect(slice.relations.at(-1)?.name).toBe('buddy');
    expect(slice.rules.map((r) => r.text)).toEqual(['b', 'a']);
  });
});
