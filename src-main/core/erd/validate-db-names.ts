/**
 * Validation of the database names an ERD may carry to map its models onto an existing database
 * (`dbTable` on entities, `dbColumn` on fields and single relations — the SQL and DBML importers
 * set them): each must be a name every supported database accepts, two models may not share a
 * table, two members of one model may not share a column, and no model may take a table Django's
 * own apps create (Django would refuse to migrate, or worse, write into its tables).
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { entityPath, error, fieldPath, q, relationPath } from './report';

/** PostgreSQL's identifier limit, the smallest of the supported databases. */
export const MAX_DB_NAME = 63;

/** Tables of the apps every generated project installs (auth, contenttypes, sessions, admin, tokens). */
export const DJANGO_TABLES =
  /^(auth_(group|group_permissions|permission|user|user_groups|user_user_permissions)|django_(admin_log|content_type|migrations|session)|authtoken_token|token_blacklist_\w+)$/i;

/** The problem with `name` as a table or column name, or null when it is usable. */
export function dbNameProblem(name: string): string | null {
  if (name.trim() === '') return 'is empty';
  if (name.length > MAX_DB_NAME) return `is ${name.length} characters long; at most ${MAX_DB_NAME} are supported`;
  if (/["'`\\]/.test(name)) return 'contains a quote or a backslash';
  if (/\p{Cc}/u.test(name)) return 'contains a control character';
  if (name !== name.trim()) return 'starts or ends with a space';
  return null;
}

/** Every problem with the database names of `erd`'s entities, fields and relations. */
export function validateDbNames(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tables = new Map<string, string>();
  erd.entities.forEach((entity, ei) => {
    const path = `${entityPath(entity.name, ei)}.dbTable`;
    const columns = new Map<string, { member: string; explicit: boolean }>();
    /** Same-named members and `<relation>_id` fields are validate-entities' errors; only clashes a dbColumn makes are new. */
    const claimColumn = (column: string, member: string, where: string, explicit: boolean) => {
      const problem = dbNameProblem(column);
      if (problem !== null) {
        out.push(
          error(ERD_CODES.invalidValue, where, `The column name ${q(column)} of ${entity.name}.${member} ${problem}.`),
        );
        return;
      }
      const earlier = columns.get(column.toLowerCase());
      if (earlier === undefined) columns.set(column.toLowerCase(), { member, explicit });
      else if (explicit || earlier.explicit)
        out.push(
          error(
            ERD_CODES.duplicateName,
            where,
            `${entity.name}.${member} and ${entity.name}.${earlier.member} are both stored in the column ${q(column)}.`,
          ),
        );
    };
    // Django's own key is stored in `id` when the entity declares no `id` field of its own.
    if (!entity.fields.some((f) => f.name === 'id' || f.primaryKey === true))
      columns.set('id', { member: 'id', explicit: false });
    entity.fields.forEach((field, fi) => {
      const where = `${fieldPath(entity.name, field.name, fi, ei)}.dbColumn`;
      claimColumn(field.dbColumn ?? field.name, field.name, where, field.dbColumn !== undefined);
    });
    erd.relations.forEach((relation, ri) => {
      if (relation.from !== entity.name || relation.kind === 'manyToMany') return;
      const where = `${relationPath(relation.from, relation.name, ri)}.dbColumn`;
      claimColumn(relation.dbColumn ?? `${relation.name}_id`, relation.name, where, relation.dbColumn !== undefined);
    });
    if (entity.dbTable === undefined) return;
    const problem = dbNameProblem(entity.dbTable);
    if (problem !== null) {
      out.push(
        error(ERD_CODES.invalidValue, path, `The table name ${q(entity.dbTable)} of ${entity.name} ${problem}.`),
      );
      return;
    }
    if (DJANGO_TABLES.test(entity.dbTable))
      out.push(
        error(
          ERD_CODES.reservedName,
          path,
          `${entity.name} cannot use the table ${q(entity.dbTable)}: Django's own apps create it. Choose another dbTable.`,
        ),
      );
    const earlier = tables.get(entity.dbTable.toLowerCase());
    if (earlier !== undefined)
      out.push(
        error(ERD_CODES.duplicateName, path, `${entity.name} and ${earlier} both use the table ${q(entity.dbTable)}.`),
      );
    else tables.set(entity.dbTable.toLowerCase(), entity.name);
  });
  erd.relations.forEach((relation, ri) => {
    if (relation.dbTable !== undefined) out.push(...joinTableProblems(relation, ri, tables));
    if (relation.dbColumn !== undefined && relation.kind === 'manyToMany')
      out.push(
        error(
          ERD_CODES.invalidValue,
          `${relationPath(relation.from, relation.name, ri)}.dbColumn`,
          `${relation.from}.${relation.name} is many-to-many: it has no column of its own, so dbColumn does not apply.`,
        ),
      );
  });
  return out;
}

/** The problems with a many-to-many relation's join table name (`dbTable`); claims it in `tables`. */
function joinTableProblems(relation: Relation, ri: number, tables: Map<string, string>): Diagnostic[] {
  const path = `${relationPath(relation.from, relation.name, ri)}.dbTable`;
  const where = `${relation.from}.${relation.name}`;
  const table = relation.dbTable ?? '';
  if (relation.kind !== 'manyToMany' || relation.through !== undefined)
    return [
      error(
        ERD_CODES.invalidValue,
        path,
        `${where} has no join table of its own (it is not a many-to-many relation without a through entity), so dbTable does not apply.`,
      ),
    ];
  const problem = dbNameProblem(table);
  if (problem !== null)
    return [error(ERD_CODES.invalidValue, path, `The join table name ${q(table)} of ${where} ${problem}.`)];
  if (DJANGO_TABLES.test(table))
    return [
      error(ERD_CODES.reservedName, path, `${where} cannot use the table ${q(table)}: Django's own apps create it.`),
    ];
  const earlier = tables.get(table.toLowerCase());
  if (earlier !== undefined)
    return [error(ERD_CODES.duplicateName, path, `${where} and ${earlier} both use the table ${q(table)}.`)];
  tables.set(table.toLowerCase(), where);
  return [];
}
