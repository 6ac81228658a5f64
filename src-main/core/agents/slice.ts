/**
 * ERD slices: the part of the ERD a unit reads. A slice is what the model sees of the ERD in the
 * unit's prompt and one input of its cache key, so it must hold everything the unit depends on
 * and nothing more: renaming a field of one entity then changes only the slices of the units of
 * that entity. (The draft's hash is in the key too, so a slice that misses something can never
 * serve a stale answer; it can only cost a cache hit.)
 */
import type { Entity, Erd } from '../../../src-shared/erd/model';
import type { AgentId } from '../generate/types';

/**
 * Relations and rules of every entity, and each entity by name, looked up once per ERD: a plan of a
 * large ERD takes a slice per unit, and filtering the whole ERD for each is quadratic. The lists
 * keep the ERD's order, so a slice is the same object whether or not an index is used.
 */
export interface ErdIndex {
  relationsOf: ReadonlyMap<string, readonly Erd['relations'][number][]>;
  rulesOf: ReadonlyMap<string, readonly NonNullable<Erd['rules']>[number][]>;
  entities: ReadonlyMap<string, Entity>;
}

/** The index of `erd` for `entitySlice` / `unitSlice` (the ERD must not change while it is used). */
export function indexErd(erd: Erd): ErdIndex {
  const relationsOf = new Map<string, Erd['relations'][number][]>();
  const add = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const relation of erd.relations) {
    add(relationsOf, relation.from, relation);
    if (relation.to !== relation.from) add(relationsOf, relation.to, relation);
  }
  const rulesOf = new Map<string, NonNullable<Erd['rules']>[number][]>();
  for (const rule of erd.rules ?? []) if (rule.entity !== undefined) add(rulesOf, rule.entity, rule);
  const entities = new Map<string, Entity>();
  for (const entity of erd.entities) if (!entities.has(entity.name)) entities.set(entity.name, entity);
  return { relationsOf, rulesOf, entities };
}

/** The entity itself, the relations on either side, the names of related entities, its rules. */
export function entitySlice(erd: Erd, entity: Entity, index: ErdIndex = indexErd(erd)): Record<string, unknown> {
  const relations = [...(index.relationsOf.get(entity.name) ?? [])];
  const related = [...new Set(relations.flatMap((r) => [r.from, r.to, ...(r.through ? [r.through] : [])]))]
    .filter((n) => n !== entity.name)
    .sort();
  const relatedApps = Object.fromEntries(related.map((name) => [name, index.entities.get(name)?.app ?? null]));
  return {
    entity,
    relations,
    related: relatedApps,
    rules: [...(index.rulesOf.get(entity.name) ?? [])],
  };
}

/** The project-wide options a unit of `agent` reads besides its entity. */
export function projectSlice(erd: Erd, agent: AgentId): Record<string, unknown> {
  const base = { project: erd.project, api: erd.api ?? {}, auth: erd.auth ?? {} };
  switch (agent) {
    case 'models':
      return { project: erd.project, globalRules: (erd.rules ?? []).filter((r) => r.entity === undefined) };
    case 'admin':
      return { project: erd.project };
    case 'serializers':
    case 'filters':
    case 'urls':
      return { project: erd.project, api: erd.api ?? {} };
    case 'permissions':
    case 'app-config':
      return { project: erd.project, auth: erd.auth ?? {} };
    default:
      return base;
  }
}

/** The slice of a whole-file unit: project options, plus the entity list for files that read it. */
export function fileSlice(erd: Erd, agent: AgentId): Record<string, unknown> {
  const base = projectSlice(erd, agent);
  if (agent === 'docs') return { ...base, entities: erd.entities, relations: erd.relations, rules: erd.rules ?? [] };
  if (agent === 'settings' || agent === 'urls')
    return { ...base, apps: [...new Set(erd.entities.map((e) => e.app ?? null))] };
  return base;
}

/** The slice of a unit of `agent`, per entity or for the app's header unit. */
export function unitSlice(
  erd: Erd,
  agent: AgentId,
  entity: Entity | undefined,
  index?: ErdIndex,
): Record<string, unknown> {
  const project = projectSlice(erd, agent);
  if (!entity) return { ...project, entities: erd.entities.map((e) => e.name) };
  if (agent === 'permissions' || agent === 'urls') return { ...project, entity: entity.name };
  return { ...project, ...entitySlice(erd, entity, index) };
}
