/**
 * Read-only queries over a normalized ERD that several app modules share: which entities an app
 * holds, the fields a model really has (timestamps included), which fields are text-like, and the
 * API options with their documented defaults applied.
 */
import type { Entity, Erd, Field, FieldType } from '../../../../src-shared/erd/model';
import { appOf } from '../names';

/** The entities of `app`, in ERD order. */
export function appEntities(erd: Erd, app: string): Entity[] {
  return erd.entities.filter((e) => appOf(erd, e) === app);
}

/** The entity called `name`, or an Error saying who referred to it. */
export function findEntity(erd: Erd, name: string, referrer: string): Entity {
  const entity = erd.entities.find((e) => e.name === name);
  if (entity === undefined) throw new Error(`${referrer} refers to unknown entity '${name}'`);
  return entity;
}

const CREATED_AT: Field = { name: 'created_at', type: 'datetime', autoNowAdd: true };
const UPDATED_AT: Field = { name: 'updated_at', type: 'datetime', autoNow: true };

/** The entity's scalar fields as generated: ERD fields, then created_at/updated_at when `timestamps` asks. */
export function modelFields(entity: Entity): Field[] {
  const fields = [...entity.fields];
  if (entity.timestamps === true) {
    for (const stamp of [CREATED_AT, UPDATED_AT]) {
      if (!fields.some((f) => f.name === stamp.name)) fields.push(stamp);
    }
  }
  return fields;
}

/** Whether the field is stored as a `TextChoices` enum (an enum, or a string with choices). */
export function hasChoices(field: Field): boolean {
  return field.type === 'enum' || (field.type === 'string' && (field.choices?.length ?? 0) > 0);
}

const TEXT_SEARCHABLE: readonly FieldType[] = ['string', 'text', 'email', 'slug'];
/** Fields `SearchFilter` and admin search look in: free text, not enums. */
export function isSearchable(field: Field): boolean {
  return TEXT_SEARCHABLE.includes(field.type) && !hasChoices(field);
}

const UNSORTABLE: readonly FieldType[] = ['json', 'file', 'image'];
/** Fields the API may order by (ordering by JSON or stored file paths means nothing). */
export function isOrderable(field: Field): boolean {
  return !UNSORTABLE.includes(field.type);
}

/** True when the field is filled by Django (auto_now/auto_now_add) and so read-only in the API. */
export function isAutoField(field: Field): boolean {
  return field.autoNow === true || field.autoNowAdd === true;
}

/** API options with their documented defaults (filtering, search and ordering default to on). */
export interface ResolvedApiOptions {
  filtering: boolean;
  search: boolean;
  ordering: boolean;
}

export function apiOptions(erd: Erd): ResolvedApiOptions {
  return {
    filtering: erd.api?.filtering ?? true,
    search: erd.api?.search ?? true,
    ordering: erd.api?.ordering ?? true,
  };
}

/**
 * The field that is the model's primary key: the one marked `primaryKey`, else a field named `id`
 * (a uuid key); undefined when Django adds its own AutoField `id`.
 */
export function keyField(entity: Entity): Field | undefined {
  return entity.fields.find((f) => f.primaryKey === true) ?? entity.fields.find((f) => f.name === 'id');
}

/** The name the key has in the model and in API responses: its field's name, or Django's `id`. */
export function keyName(entity: Entity): string {
  return keyField(entity)?.name ?? 'id';
}

/** The model's default order (Meta.ordering and the ViewSet's): newest key first unless the ERD says otherwise. */
export function defaultOrdering(entity: Entity): string[] {
  return entity.ordering ?? [`-${keyName(entity)}`];
}

/** A primary key the database does not number: the client supplies it on create, and it never changes. */
export function isSuppliedKey(field: Field): boolean {
  return field.primaryKey === true && field.autoIncrement !== true && field.type !== 'uuid';
}

/** A primary key the database numbers (AutoField/BigAutoField); read-only in the API. */
export function isNumberedKey(field: Field): boolean {
  return field.primaryKey === true && field.autoIncrement === true;
}
