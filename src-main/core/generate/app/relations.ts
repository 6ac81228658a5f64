/**
 * Relations as Django sees them: the model fields they become on their `from` entity, how their
 * target is referenced (`'self'`, `'Address'`, `'crm.Customer'` — by string, so class order never
 * matters), and the querysets that load them without N+1 queries.
 */
import type { Entity, Erd, OnDelete, Relation } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { appOf } from '../names';
import { findEntity } from './entities';
import { pyCall, pyName } from './py-format';

/** Relations declared on `entity` (its ForeignKey/OneToOne/ManyToMany fields), in ERD order. */
export function relationsFrom(erd: Erd, entity: Entity): Relation[] {
  return erd.relations.filter((r) => r.from === entity.name);
}

/** Forward single-valued relations (ForeignKey, OneToOneField) of `entity`. */
export function singleRelations(erd: Erd, entity: Entity): Relation[] {
  return relationsFrom(erd, entity).filter((r) => r.kind !== 'manyToMany');
}

/** Forward many-to-many relations of `entity`. */
export function manyRelations(erd: Erd, entity: Entity): Relation[] {
  return relationsFrom(erd, entity).filter((r) => r.kind === 'manyToMany');
}

/** Names for `select_related(...)`: every forward ForeignKey/OneToOneField. */
export function selectRelatedNames(erd: Erd, entity: Entity): string[] {
  return singleRelations(erd, entity).map((r) => r.name);
}

/** Names for `prefetch_related(...)`: every forward ManyToManyField. */
export function prefetchRelatedNames(erd: Erd, entity: Entity): string[] {
  return manyRelations(erd, entity).map((r) => r.name);
}

/** How a model refers to another by string: `'self'`, `'Address'`, or `'crm.Customer'` across apps. */
export function modelReference(erd: Erd, from: Entity, targetName: string, referrer: string): string {
  if (targetName === from.name) return pyName('self');
  const target = findEntity(erd, targetName, referrer);
  if (target.isUser === true) return 'settings.AUTH_USER_MODEL';
  const app = appOf(erd, target);
  return pyName(app === appOf(erd, from) ? target.name : `${app}.${target.name}`);
}

function where(rel: Relation): string {
  return `Relation ${rel.from}.${rel.name}`;
}

/** The relation's related_name; the ERD is normalized, so a missing one is a bug upstream. */
export function requireRelatedName(rel: Relation): string {
  if (rel.relatedName === undefined || rel.relatedName.length === 0) {
    throw new Error(`${where(rel)} has no relatedName: normalize the ERD before generating`);
  }
  return rel.relatedName;
}

function requireOnDelete(rel: Relation): OnDelete {
  if (rel.onDelete === undefined) throw new Error(`${where(rel)} has no onDelete: normalize the ERD before generating`);
  if (rel.onDelete === 'SET_DEFAULT') {
    throw new Error(`${where(rel)} uses SET_DEFAULT, but a relation cannot declare a default: use SET_NULL or PROTECT`);
  }
  return rel.onDelete;
}

/**
 * The model field line of a relation, e.g.
 * `customer = models.ForeignKey('crm.Customer', on_delete=models.PROTECT, related_name='orders')`.
 * Nullable single relations get `null=True, blank=True`; SET_NULL implies nullable (Django
 * requires it). Many-to-many gets `blank=True` unless required, `through=` when given, and
 * `symmetrical=False` on self references so the related name is a real reverse accessor, and
 * `db_table=` when it maps onto an existing join table.
 */
export function relationFieldCode(erd: Erd, from: Entity, rel: Relation, level: number): string {
  const args = [modelReference(erd, from, rel.to, where(rel))];
  const relatedName = pyName(requireRelatedName(rel));
  if (rel.kind === 'manyToMany') {
    args.push(`related_name=${relatedName}`);
    if (rel.to === from.name) args.push('symmetrical=False');
    if (rel.through !== undefined) args.push(`through=${modelReference(erd, from, rel.through, where(rel))}`);
    if (rel.required !== true) args.push('blank=True');
    if (rel.dbTable !== undefined && rel.through === undefined) args.push(`db_table=${pyStr(rel.dbTable)}`);
  } else {
    const onDelete = requireOnDelete(rel);
    args.push(`on_delete=models.${onDelete}`, `related_name=${relatedName}`);
    if (rel.nullable === true || onDelete === 'SET_NULL') args.push('null=True', 'blank=True');
  }
  if (rel.helpText !== undefined) args.push(`help_text=${pyStr(rel.helpText)}`);
  if (rel.dbColumn !== undefined && rel.kind !== 'manyToMany') args.push(`db_column=${pyStr(rel.dbColumn)}`);
  const cls = rel.kind === 'manyToMany' ? 'ManyToManyField' : rel.kind === 'oneToOne' ? 'OneToOneField' : 'ForeignKey';
  return pyCall(`${rel.name} = models.${cls}`, args, level);
}
