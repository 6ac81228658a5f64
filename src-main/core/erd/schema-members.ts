/**
 * The members of one table: columns become fields (or relation names for foreign-key columns),
 * Django's `id` is recognised, other single keys become the model's primary key (a uuid one its
 * `id`), composite keys `uniqueTogether`, and
 * indexes become `index`, `indexes` or `uniqueTogether` — each decision reported at its line.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Entity, Field } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { snakeCase } from './naming';
import { info, q, warning } from './report';
import { at, columnToField } from './schema-fields';
import type { SchemaIndexLookup } from './schema-lookup';
import { qualifiedName, type SchemaColumn } from './schema-model';
import { attributeName, relationName } from './schema-names';
import type { MappedTable } from './schema-to-erd';
import { mapColumnType } from './schema-types';
import { dbNameProblem } from './validate-db-names';

const INDEX_NAME = /^[A-Za-z][A-Za-z0-9_]{0,29}$/;

/** Fills `m.entity` from `m.table`; `fks` are the columns that become relations. */
export function mapMembers(
  m: MappedTable,
  fks: Set<string>,
  lookup: SchemaIndexLookup,
  notes: Diagnostic[],
  indexNames: Set<string>,
): void {
  const { table, entity } = m;
  const pk = table.primaryKey;
  for (const column of table.columns) {
    const where = `${qualifiedName(table.schema, table.name)}.${column.name}`;
    const isFk = fks.has(column.name);
    const isDjangoId =
      !isFk &&
      pk.length === 1 &&
      pk[0] === column.name &&
      /^id$/i.test(column.name) &&
      isIntegerColumn(column.type.name);
    if (isDjangoId) continue;
    const soleKey = !isFk && pk.length === 1 && pk[0] === column.name;
    const uuidKey = soleKey && mapColumnType(column.type, undefined).field.type === 'uuid';
    const wanted =
      uuidKey || (soleKey && /^id$/i.test(column.name))
        ? 'id'
        : isFk
          ? relationName(column.name)
          : attributeName(column.name);
    const name = m.scope.claim(wanted);
    m.members.set(column.name, name);
    const plain = isFk ? snakeCase(column.name).replace(/_(id|fk|key)$/, '') : snakeCase(column.name);
    if (name !== wanted) {
      notes.push(
        at(
          info(
            ERD_CODES.nameChanged,
            undefined,
            `${where} becomes ${q(name)}: ${q(wanted)} is taken by another column.`,
          ),
          column.at,
        ),
      );
    } else if (plain !== '' && name !== plain && !uuidKey) {
      notes.push(
        at(
          info(
            ERD_CODES.nameChanged,
            undefined,
            `${where} becomes ${q(name)}: ${q(plain)} is not usable as a Python or Django name.`,
          ),
          column.at,
        ),
      );
    }
    if (isFk) continue;
    const enumValues = lookup.enumValues(column.type.text, column.type.name, table.schema);
    const field = columnToField(column, name, where, enumValues, notes);
    // A non-key column named `id` cannot keep its name: Django's own key is stored in `id`.
    const keepsColumn = name === 'id' || column.name.toLowerCase() !== 'id';
    if (column.name !== name && keepsColumn && dbNameProblem(column.name) === null) field.dbColumn = column.name;
    if (uuidKey) {
      delete field.nullable;
      delete field.required;
      if (!/^id$/i.test(column.name))
        notes.push(
          at(
            info(ERD_CODES.keyMapped, undefined, `${where} is the uuid primary key; it becomes the model's "id" key.`),
            column.at,
          ),
        );
    } else if (soleKey) {
      markPrimaryKey(field, column, where, notes);
    }
    entity.fields.push(field);
  }
  if (pk.length > 1) {
    const names = pk.map((c) => m.members.get(c)).filter((n): n is string => n !== undefined);
    if (names.length === pk.length) addUniqueTogether(entity, names);
    notes.push(
      at(
        warning(
          ERD_CODES.keyMapped,
          undefined,
          `${qualifiedName(table.schema, table.name)} has the composite primary key (${pk.join(', ')}); it becomes unique together and Django adds its own "id" key.`,
        ),
        table.at,
      ),
    );
  }
  for (const index of table.indexes) {
    const where = `${qualifiedName(table.schema, table.name)}`;
    const names = index.columns.map((c) => m.members.get(c));
    if (index.hasExpressions === true || names.some((n) => n === undefined)) {
      notes.push(
        at(
          info(
            ERD_CODES.constructUnmapped,
            undefined,
            `The index ${index.name !== undefined ? q(index.name) + ' ' : ''}on ${where}(${index.columns.join(', ')}) uses an expression or a column Django does not model; it is skipped.`,
          ),
          index.at,
        ),
      );
      continue;
    }
    const fields = names as string[];
    if (index.unique && fields.length === 1) {
      const field = entity.fields.find((f) => f.name === fields[0]);
      if (field !== undefined) field.unique = true;
      continue;
    }
    if (index.unique) {
      addUniqueTogether(entity, fields);
      continue;
    }
    const duplicate =
      (entity.indexes ?? []).some((i) => i.fields.join() === fields.join()) ||
      (fields.length === 1 && entity.fields.some((f) => f.name === fields[0] && f.index === true));
    if (duplicate) continue;
    const entry: { fields: string[]; name?: string } = { fields };
    const conventional = `${table.name}_${index.columns.join('_')}_idx`;
    if (
      index.name !== undefined &&
      index.name !== conventional &&
      INDEX_NAME.test(index.name) &&
      !indexNames.has(index.name.toLowerCase())
    ) {
      entry.name = index.name;
      indexNames.add(index.name.toLowerCase());
    }
    if (fields.length === 1 && entry.name === undefined) {
      const field = entity.fields.find((f) => f.name === fields[0]);
      if (field !== undefined) {
        field.index = true;
        continue;
      }
    }
    entity.indexes = [...(entity.indexes ?? []), entry];
  }
}

function addUniqueTogether(entity: Entity, fields: string[]): void {
  const existing = entity.uniqueTogether ?? [];
  if (new Set(fields).size !== fields.length) return;
  if (existing.some((g) => g.length === fields.length && g.every((f, i) => f === fields[i]))) return;
  entity.uniqueTogether = [...existing, fields];
}

/**
 * The table's own single-column key becomes the model's primary key: numbered by the database
 * (serial, identity, AUTO_INCREMENT, SQLite's rowid) → AutoField/BigAutoField; otherwise a plain
 * field with primary_key=True whose value the client supplies on create.
 */
function markPrimaryKey(field: Field, column: SchemaColumn, where: string, notes: Diagnostic[]): void {
  delete field.nullable;
  delete field.required;
  delete field.unique;
  field.primaryKey = true;
  const numbered =
    (field.type === 'integer' || field.type === 'bigInteger') &&
    (column.increment || /^(small|big)?serial[248]?$/i.test(column.type.name));
  if (numbered) {
    field.autoIncrement = true;
    delete field.default;
  }
  const how = numbered
    ? `the database numbers new rows, so it becomes ${field.type === 'bigInteger' ? 'a BigAutoField' : 'an AutoField'} with primary_key=True`
    : "it becomes the model's key (primary_key=True), which a client supplies when it creates a row";
  notes.push(
    at(info(ERD_CODES.keyMapped, undefined, `${where} is the primary key; ${how} (no extra "id").`), column.at),
  );
}

function isIntegerColumn(type: string): boolean {
  return /^(int|integer|int2|int4|int8|smallint|bigint|mediumint|tinyint|serial|serial2|serial4|serial8|smallserial|bigserial|number|numeric)$/i.test(
    type,
  );
}
