/**
 * Renames that follow every reference, so renaming an entity or a field never leaves a relation,
 * a permission, a rule, a position or an index pointing at the old name (and renaming back
 * restores the document exactly).
 */
import type { Entity, Erd } from '@shared/erd/model';

function renameKey<T>(record: Record<string, T> | undefined, from: string, to: string): Record<string, T> | undefined {
  if (!record || !(from in record)) return record;
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) out[key === from ? to : key] = value;
  return out;
}

/** `from` → `to` in the entity list, relations, through models, auth, rules and layout. */
export function renameEntityEverywhere(erd: Erd, from: string, to: string): Erd {
  if (from === to) return erd;
  if (erd.entities.some((e) => e.name === to)) throw new Error(`An entity named ${to} already exists.`);
  const swap = (name: string): string => (name === from ? to : name);
  const next: Erd = {
    ...erd,
    entities: erd.entities.map((e) => (e.name === from ? { ...e, name: to } : e)),
    relations: erd.relations.map((r) => {
      if (r.from !== from && r.to !== from && r.through !== from) return r;
      const renamed = { ...r, from: swap(r.from), to: swap(r.to) };
      return r.through === undefined ? renamed : { ...renamed, through: swap(r.through) };
    }),
  };
  if (erd.rules) next.rules = erd.rules.map((r) => (r.entity === from ? { ...r, entity: to } : r));
  const permissions = renameKey(erd.auth?.permissions, from, to);
  if (erd.auth && permissions) next.auth = { ...erd.auth, permissions };
  if (erd.layout) {
    const positions = renameKey(erd.layout.positions, from, to);
    const colors = renameKey(erd.layout.colors, from, to);
    next.layout = {
      ...erd.layout,
      ...(positions ? { positions } : {}),
      ...(colors ? { colors } : {}),
      ...(erd.layout.groups
        ? { groups: erd.layout.groups.map((g) => ({ ...g, entities: g.entities.map(swap) })) }
        : {}),
    };
  }
  return next;
}

function renameInEntity(entity: Entity, from: string, to: string): Entity {
  const swap = (name: string): string => (name === from ? to : name);
  const swapOrdering = (o: string): string => (o.startsWith('-') ? `-${swap(o.slice(1))}` : swap(o));
  const next: Entity = { ...entity, fields: entity.fields.map((f) => (f.name === from ? { ...f, name: to } : f)) };
  if (entity.ordering) next.ordering = entity.ordering.map(swapOrdering);
  if (entity.uniqueTogether) next.uniqueTogether = entity.uniqueTogether.map((set) => set.map(swap));
  if (entity.indexes) next.indexes = entity.indexes.map((i) => ({ ...i, fields: i.fields.map(swap) }));
  if (entity.displayField !== undefined) next.displayField = swap(entity.displayField);
  return next;
}

/** A field of `entity` renamed, with its ordering, unique sets, indexes, display field and rules. */
export function renameFieldEverywhere(erd: Erd, entity: string, from: string, to: string): Erd {
  if (from === to) return erd;
  const target = erd.entities.find((e) => e.name === entity);
  if (!target) throw new Error(`The edit names entity ${entity}, which the document does not have.`);
  if (!target.fields.some((f) => f.name === from)) throw new Error(`${entity} has no field ${from}.`);
  if (target.fields.some((f) => f.name === to) || erd.relations.some((r) => r.from === entity && r.name === to)) {
    throw new Error(`${entity} already has a member named ${to}.`);
  }
  const next: Erd = { ...erd, entities: erd.entities.map((e) => (e === target ? renameInEntity(e, from, to) : e)) };
  if (erd.rules) {
    next.rules = erd.rules.map((r) => (r.entity === entity && r.field === from ? { ...r, field: to } : r));
  }
  return next;
}
