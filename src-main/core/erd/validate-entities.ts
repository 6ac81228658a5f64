/**
 * Validation of entities: unique, safe class names; unique, safe member names (fields and the
 * relations declared on the entity); field options; and the entity options that refer to members
 * by name (ordering, uniqueTogether, indexes, displayField).
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Entity, Erd, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { checkFieldOptions } from './field-checks';
import { checkEntityName, checkFieldName, checkPackageName, checkSafeText } from './name-checks';
import { entityPath, error, fieldPath, q, relationPath, warning } from './report';
import { checkPrimaryKeys } from './key-checks';
import { GENERATED_CLASS_SUFFIXES } from './reserved-names';
import { didYouMean } from './suggest';

const INDEX_NAME = /^[A-Za-z][A-Za-z0-9_]{0,29}$/;

type OwnRelation = { relation: Relation; index: number };

/** The relations of `erd` grouped by the entity that declares them, with their indexes. */
function groupByFrom(erd: Erd): Map<string, OwnRelation[]> {
  const groups = new Map<string, OwnRelation[]>();
  erd.relations.forEach((relation, index) => {
    const list = groups.get(relation.from) ?? [];
    list.push({ relation, index });
    groups.set(relation.from, list);
  });
  return groups;
}

const links = (own: readonly OwnRelation[], many: boolean): Relation[] =>
  own.map((o) => o.relation).filter((r) => (r.kind === 'manyToMany') === many);

/** Names an option may refer to: fields (timestamps included), single relations, the primary key. */
function columnNames(entity: Entity, own: readonly OwnRelation[]): string[] {
  const names = entity.fields.map((f) => f.name);
  if (entity.timestamps === true) names.push('created_at', 'updated_at');
  for (const r of links(own, false)) names.push(r.name);
  const ownKey = entity.fields.some((f) => f.primaryKey === true && f.name !== 'id');
  return [...new Set([...names, ...(ownKey ? [] : ['id']), 'pk'])];
}

function checkMembers(entity: Entity, ei: number, own: readonly OwnRelation[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const singleLinks = new Set(links(own, false).map((r) => r.name));
  entity.fields.forEach((field, fi) => {
    const path = fieldPath(entity.name, field.name, fi, ei);
    out.push(...checkFieldName(field.name, path, 'field name', field.type === 'uuid' || field.primaryKey === true));
    if (seen.has(field.name))
      out.push(error(ERD_CODES.duplicateName, path, `${entity.name} has more than one member named ${q(field.name)}.`));
    const link = field.name.endsWith('_id') ? field.name.slice(0, -3) : undefined;
    if (link !== undefined && singleLinks.has(link)) {
      out.push(
        error(
          ERD_CODES.duplicateName,
          path,
          `The field ${q(field.name)} clashes with the database column of the relation ${entity.name}.${link}.`,
        ),
      );
    }
    seen.add(field.name);
    out.push(...checkFieldOptions(field, path));
  });
  own.forEach(({ relation: r, index }) => {
    const path = relationPath(r.from, r.name, index);
    if (seen.has(r.name))
      out.push(error(ERD_CODES.duplicateName, path, `${entity.name} has more than one member named ${q(r.name)}.`));
    seen.add(r.name);
  });
  return out;
}

function checkReferences(entity: Entity, ei: number, own: readonly OwnRelation[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base = entityPath(entity.name, ei);
  const columns = columnNames(entity, own);
  const manyToMany = new Set(links(own, true).map((r) => r.name));
  const refer = (name: string, path: string, what: string): void => {
    if (columns.includes(name)) return;
    const why = manyToMany.has(name)
      ? 'a many-to-many relation cannot be used there'
      : `it is not a field of ${entity.name}${didYouMean(name, columns)}`;
    out.push(error(ERD_CODES.unknownField, path, `${what} names ${q(name)}, but ${why}.`));
  };
  (entity.ordering ?? []).forEach((term, i) => {
    if (term === '?') return;
    const name = term.replace(/^-/, '');
    const [head, ...lookup] = name.split('__');
    const isLink = links(own, false).some((r) => r.name === head);
    if (lookup.length > 0 && isLink) return;
    refer(name, `${base}.ordering[${i}]`, 'ordering');
  });
  (entity.uniqueTogether ?? []).forEach((group, i) => {
    group.forEach((name) => refer(name, `${base}.uniqueTogether[${i}]`, 'uniqueTogether'));
    if (new Set(group).size !== group.length)
      out.push(
        error(ERD_CODES.invalidReference, `${base}.uniqueTogether[${i}]`, 'uniqueTogether lists the same field twice.'),
      );
  });
  (entity.indexes ?? []).forEach((index, i) => {
    index.fields.forEach((name) => refer(name.replace(/^-/, ''), `${base}.indexes[${i}]`, 'An index'));
    if (index.name !== undefined && !INDEX_NAME.test(index.name)) {
      out.push(
        error(
          ERD_CODES.invalidIndexName,
          `${base}.indexes[${i}].name`,
          `The index name ${q(index.name)} must start with a letter and hold at most 30 letters, digits and underscores.`,
        ),
      );
    }
  });
  if (entity.displayField !== undefined && !columns.includes(entity.displayField)) {
    refer(entity.displayField, `${base}.displayField`, 'displayField');
  }
  return out;
}

/** Every problem with the entities of `erd` and their members. */
export function validateEntities(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (erd.entities.length === 0)
    out.push(
      warning(ERD_CODES.invalidValue, 'entities', 'The ERD has no entities, so the generated app has no models.'),
    );
  const seen = new Map<string, string>();
  const names = new Set(erd.entities.map((e) => e.name));
  const indexNames = new Map<string, string>();
  const byFrom = groupByFrom(erd);
  erd.entities.forEach((entity, ei) => {
    const path = entityPath(entity.name, ei);
    const lower = entity.name.toLowerCase();
    const earlier = seen.get(lower);
    if (earlier !== undefined) {
      const how = earlier === entity.name ? '' : ` (Django model names ignore case, so it clashes with ${q(earlier)})`;
      out.push(
        error(
          ERD_CODES.duplicateName,
          `entities[${ei}]`,
          `The entity name ${q(entity.name)} is used more than once${how}.`,
        ),
      );
    } else {
      seen.set(lower, entity.name);
    }
    const suffixOf = GENERATED_CLASS_SUFFIXES.map((s) =>
      entity.name.endsWith(s) ? entity.name.slice(0, -s.length) : '',
    ).find((stem) => stem !== '' && names.has(stem));
    out.push(...checkEntityName(entity.name, path, suffixOf));
    if (entity.app !== undefined) out.push(...checkPackageName(entity.app, 'app label', `${path}.app`));
    for (const label of [entity.verboseName, entity.verboseNamePlural])
      if (label !== undefined) out.push(...checkSafeText(label, 'verbose name', path));
    const own = byFrom.get(entity.name) ?? [];
    out.push(...checkMembers(entity, ei, own), ...checkReferences(entity, ei, own), ...checkPrimaryKeys(entity, ei));
    (entity.indexes ?? []).forEach((index, i) => {
      if (index.name === undefined) return;
      const owner = indexNames.get(index.name);
      if (owner !== undefined) {
        out.push(
          error(
            ERD_CODES.invalidIndexName,
            `${path}.indexes[${i}].name`,
            `The index name ${q(index.name)} is already used by ${owner}; index names must be unique.`,
          ),
        );
      }
      indexNames.set(index.name, entity.name);
    });
  });
  return out;
}
