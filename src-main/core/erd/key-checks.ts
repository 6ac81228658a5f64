/**
 * Validation of an entity's own primary key (`primaryKey` on a field, set by the SQL and DBML
 * importers for keys other than an integer `id`): one per entity, never nullable, of a type a
 * database key can have, and not beside a field named `id` (which the generator would also make
 * the key); `autoIncrement` only on an integer key.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Entity, FieldType } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { error, fieldPath, q } from './report';

/** Types no database key (or Django primary key) is made of. */
const NOT_A_KEY: readonly FieldType[] = ['json', 'file', 'image', 'boolean', 'float'];

/** Every problem with the primary key fields of `entity` (the `ei`-th entity). */
export function checkPrimaryKeys(entity: Entity, ei: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const keys = entity.fields.filter((f) => f.primaryKey === true);
  entity.fields.forEach((field, fi) => {
    const path = fieldPath(entity.name, field.name, fi, ei);
    const where = `${entity.name}.${field.name}`;
    if (field.autoIncrement === true && (field.primaryKey !== true || !['integer', 'bigInteger'].includes(field.type)))
      out.push(
        error(
          ERD_CODES.optionNotApplicable,
          `${path}.autoIncrement`,
          `${where}: autoIncrement applies only to an integer or bigInteger primary key.`,
        ),
      );
    if (field.primaryKey !== true) return;
    if (keys[0] !== field)
      out.push(
        error(
          ERD_CODES.conflictingOptions,
          `${path}.primaryKey`,
          `${entity.name} has more than one primary key field (${keys.map((k) => q(k.name)).join(', ')}); a Django model has one. Make the others unique and list them in uniqueTogether.`,
        ),
      );
    if (field.nullable === true)
      out.push(
        error(
          ERD_CODES.conflictingOptions,
          `${path}.nullable`,
          `${where} is the primary key, so it cannot be nullable.`,
        ),
      );
    if (NOT_A_KEY.includes(field.type))
      out.push(
        error(
          ERD_CODES.optionNotApplicable,
          `${path}.primaryKey`,
          `${where}: a ${field.type} field cannot be the primary key.`,
        ),
      );
    if (field.name !== 'id' && entity.fields.some((f) => f.name === 'id'))
      out.push(
        error(
          ERD_CODES.conflictingOptions,
          `${path}.primaryKey`,
          `${where} is the primary key, but ${entity.name} also has a field named "id", which Django would take as the key too. Rename that field.`,
        ),
      );
  });
  return out;
}
