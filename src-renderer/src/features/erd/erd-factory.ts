/**
 * The edits the canvas makes from a gesture: a new entity or field with a free name, a relation
 * drawn between two entities (its field named after the target, de-duplicated, with a sensible
 * `on_delete`), a duplicate of the selection, a delete of the selection. Each returns one edit
 * record, so each gesture is one undo step.
 */
import type { Entity, Erd, Relation, RelationKind } from '@shared/erd/model';
import type { ErdEdit, Point } from './erd-edits';

/** `JobPosting` → `job_posting`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

/** `base`, else `base2`, `base3`, … — the first not in `taken`. */
export function freeName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

/** Every attribute name on `entity`: its fields and the relations it holds. */
export function memberNames(erd: Erd, entity: string): string[] {
  const fields = erd.entities.find((e) => e.name === entity)?.fields.map((f) => f.name) ?? [];
  return [...fields, ...erd.relations.filter((r) => r.from === entity).map((r) => r.name)];
}

/** A new entity with an `id`-less, single `name` field, placed at `position`. */
export function addEntityEdit(erd: Erd, position: Point, base = 'Entity'): ErdEdit {
  const name = freeName(
    base,
    erd.entities.map((e) => e.name),
  );
  const entity: Entity = { name, fields: [{ name: 'name', type: 'string', maxLength: 255 }] };
  return { kind: 'addEntity', entity, index: erd.entities.length, position };
}

/** A new `string` field at the end of `entity`. */
export function addFieldEdit(erd: Erd, entity: string, base = 'field'): ErdEdit {
  const target = erd.entities.find((e) => e.name === entity);
  if (!target) throw new Error(`No entity ${entity} to add a field to.`);
  const name = freeName(base, memberNames(erd, entity)).replace(/(\D)(\d+)$/, '$1_$2');
  return { kind: 'addField', entity, field: { name, type: 'string' }, index: target.fields.length };
}

/**
 * The relation drawn from `from` to `to`: `author` for a many-to-one to `Author`, `tags` for a
 * many-to-many to `Tag`, de-duplicated against the names `from` already has. A self-reference is
 * nullable with SET_NULL (a tree needs a root); other foreign keys CASCADE.
 */
export function drawRelationEdit(erd: Erd, from: string, to: string, kind: RelationKind): ErdEdit {
  for (const name of [from, to]) {
    if (!erd.entities.some((e) => e.name === name)) throw new Error(`No entity ${name} to relate.`);
  }
  const base = from === to && kind !== 'manyToMany' ? 'parent' : snakeCase(to);
  const wanted = kind === 'manyToMany' ? plural(base) : base;
  const taken = memberNames(erd, from);
  let name = wanted;
  for (let n = 2; taken.includes(name); n++) name = `${wanted}_${n}`;
  const relation: Relation = { name, kind, from, to };
  if (kind !== 'manyToMany') {
    if (from === to) Object.assign(relation, { nullable: true, onDelete: 'SET_NULL' });
    else relation.onDelete = 'CASCADE';
  }
  return { kind: 'addRelation', relation, index: erd.relations.length };
}

/**
 * Deletes the entities (with the relations that touch them) and the relations (`From.name`)
 * selected. Removals run from the highest index down, so the inverse re-inserts each at its own
 * index when undone in reverse.
 */
export function deleteEdit(erd: Erd, entities: readonly string[], relations: readonly string[]): ErdEdit | null {
  const gone = new Set(entities);
  const edits: ErdEdit[] = [];
  erd.relations.forEach((relation, index) => {
    if (gone.has(relation.from) || gone.has(relation.to) || relations.includes(`${relation.from}.${relation.name}`)) {
      edits.unshift({ kind: 'removeRelation', relation, index });
    }
  });
  const entityEdits: ErdEdit[] = [];
  erd.entities.forEach((entity, index) => {
    if (!gone.has(entity.name)) return;
    const position = erd.layout?.positions?.[entity.name];
    entityEdits.unshift({ kind: 'removeEntity', entity, index, ...(position ? { position } : {}) });
  });
  const all = [...edits, ...entityEdits];
  if (all.length === 0) return null;
  return all.length === 1 ? (all[0] as ErdEdit) : { kind: 'batch', label: `Delete ${all.length} items`, edits: all };
}

/** Copies of the entities (named `JobCopy`, …), offset by 40 px, with the relations among them. */
export function duplicateEdit(erd: Erd, entities: readonly string[]): ErdEdit | null {
  const taken = erd.entities.map((e) => e.name);
  const names = new Map<string, string>();
  const edits: ErdEdit[] = [];
  for (const entity of erd.entities) {
    if (!entities.includes(entity.name)) continue;
    const name = freeName(`${entity.name}Copy`, taken);
    taken.push(name);
    names.set(entity.name, name);
    const at = erd.layout?.positions?.[entity.name] ?? { x: 0, y: 0 };
    edits.push({
      kind: 'addEntity',
      entity: { ...structuredClone(entity), name },
      index: erd.entities.length + edits.length,
      position: { x: at.x + 40, y: at.y + 40 },
    });
  }
  let index = erd.relations.length;
  for (const r of erd.relations) {
    const from = names.get(r.from);
    if (!from) continue;
    const copy = { ...structuredClone(r), from, to: names.get(r.to) ?? r.to };
    if (copy.relatedName !== undefined) delete copy.relatedName;
    edits.push({ kind: 'addRelation', relation: copy, index: index++ });
  }
  if (edits.length === 0) return null;
  return { kind: 'batch', label: `Duplicate ${names.size} ${names.size === 1 ? 'entity' : 'entities'}`, edits };
}
