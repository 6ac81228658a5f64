/**
 * `@dbml/core`'s parsed Database → the importers' schema model. The same walker serves DBML and
 * the SQL dialects read with `@dbml/core`'s own parsers (MySQL, SQLite through its MySQL grammar,
 * SQL Server), so every format that goes through that library is mapped identically.
 */
import type { Database, Field, Ref, Table } from '@dbml/core';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { ERD_CODES } from './diagnostic-codes';
import { info } from './report';
import type {
  ColumnDefault,
  ColumnType,
  RefCardinality,
  SchemaColumn,
  SchemaDocument,
  SchemaRef,
  SchemaTable,
  SourcePosition,
} from './schema-model';

interface Located {
  token?: { start?: { line?: number; column?: number } };
}

function position(element: Located): SourcePosition | undefined {
  const start = element.token?.start;
  return start?.line === undefined || start.column === undefined
    ? undefined
    : { line: start.line, column: start.column };
}

const schemaOf = (name: string | null | undefined): string | undefined =>
  name === null || name === undefined || name === 'public' ? undefined : name;

/** `varchar(254)` / `decimal(10,2)` / `text[]` → name, numeric arguments, array flag. */
export function columnType(raw: { type_name?: string; args?: unknown; schemaName?: string | null }): ColumnType {
  const written = String(raw.type_name ?? '').trim();
  const array = /\[\s*\]$/.test(written);
  const bare = written.replace(/(\[\s*\])+$/, '');
  const open = bare.indexOf('(');
  const name = (open >= 0 ? bare.slice(0, open) : bare).trim().replace(/^"|"$/g, '');
  const rawArgs = Array.isArray(raw.args) ? raw.args.join(',') : raw.args;
  const argText =
    rawArgs === null || rawArgs === undefined
      ? open >= 0
        ? bare.slice(open + 1, bare.lastIndexOf(')'))
        : ''
      : String(rawArgs);
  const args = argText
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '') // `decimal` with no arguments is not `decimal(0)`
    .map(Number)
    .filter((n) => Number.isFinite(n));
  const values =
    /^(enum|set)$/i.test(name) && argText !== ''
      ? argText.split(',').map((a) => a.trim().replace(/^'(.*)'$/, '$1'))
      : undefined;
  const text = raw.schemaName ? `${raw.schemaName}.${written}` : written;
  const type: ColumnType = { name, args: values === undefined ? args : [], text };
  if (values !== undefined) type.values = values;
  if (array) type.array = true;
  return type;
}

/** Decodes the text of a string literal the parser returned as written (its MySQL importer does). */
export type LiteralDecoder = (text: string) => string;

const asWritten: LiteralDecoder = (text) => text;

/** MySQL string-literal escapes: `''`, `\'`, `\\`, `\n`, `\t`, `\r`, `\0`. */
export const decodeMysqlLiteral: LiteralDecoder = (text) =>
  text.replace(/''|\\(.)/gs, (match: string, escaped: string | undefined) => {
    if (escaped === undefined) return "'";
    return { n: '\n', t: '\t', r: '\r', '0': '\0' }[escaped] ?? escaped;
  });

function columnDefault(raw: unknown, decode: LiteralDecoder): ColumnDefault | undefined {
  if (raw === null || raw === undefined || typeof raw !== 'object') return undefined;
  const { type, value } = raw as { type?: string; value?: unknown };
  if (value === null || value === undefined || String(value).toLowerCase() === 'null') return { kind: 'null' };
  if (type === 'number') return { kind: 'number', value: Number(value) };
  if (type === 'boolean') return { kind: 'boolean', value: String(value).toLowerCase() === 'true' };
  if (type === 'expression') return { kind: 'expression', text: String(value) };
  return { kind: 'string', value: decode(String(value)) };
}

/** SQL Server's `INT IDENTITY(1,1)` reaches us as the type name `INT IDENTITY` with the seed and step as arguments. */
const IDENTITY = /\s+identity$/i;

function column(field: Field, decode: LiteralDecoder): SchemaColumn {
  const type = columnType(field.type as { type_name?: string; args?: unknown; schemaName?: string | null });
  const identity = IDENTITY.test(type.name);
  if (identity) Object.assign(type, { name: type.name.replace(IDENTITY, ''), args: [] });
  const out: SchemaColumn = {
    name: field.name,
    type,
    pk: field.pk === true,
    increment: field.increment === true || identity,
    unique: field.unique === true,
  };
  if (field.not_null !== undefined && field.not_null !== null) out.notNull = field.not_null;
  const dflt = columnDefault(field.dbdefault, decode);
  if (dflt !== undefined) out.default = dflt;
  if (typeof field.note === 'string' && field.note !== '') out.note = decode(field.note);
  const at = position(field);
  if (at !== undefined) out.at = at;
  return out;
}

function table(t: Table, notes: Diagnostic[], decode: LiteralDecoder): SchemaTable {
  const columns = t.fields.map((f) => column(f, decode));
  const primaryKey = columns.filter((c) => c.pk).map((c) => c.name);
  const out: SchemaTable = { name: t.name, columns, primaryKey, indexes: [] };
  const schema = schemaOf(t.schema?.name);
  if (schema !== undefined) out.schema = schema;
  for (const index of t.indexes) {
    const names = index.columns.map((c) => String(c.value));
    const hasExpressions = index.columns.some((c) => c.type !== 'column');
    if (index.pk && !hasExpressions) {
      out.primaryKey = names;
      continue;
    }
    const entry: SchemaTable['indexes'][number] = { columns: names, unique: index.unique === true };
    if (typeof index.name === 'string' && index.name !== '') entry.name = index.name;
    if (hasExpressions) entry.hasExpressions = true;
    const at = position(index);
    if (at !== undefined) entry.at = at;
    out.indexes.push(entry);
  }
  if (typeof t.note === 'string' && t.note !== '') out.note = decode(t.note);
  const color: unknown = t.headerColor;
  if (typeof color === 'string' && color !== '') out.color = color;
  const at = position(t);
  if (at !== undefined) out.at = at;
  const checks = (t as { checks?: unknown[] }).checks ?? [];
  if (checks.length > 0)
    notes.push({
      ...info(
        ERD_CODES.constructUnmapped,
        undefined,
        `${t.name} has ${checks.length} check constraint${checks.length === 1 ? '' : 's'}, which the ERD does not model; they are skipped.`,
      ),
      ...(at ?? {}),
    });
  return out;
}

function endpointColumns(e: Ref['endpoints'][number]): string[] {
  const names = e.fieldNames as string[] | undefined;
  if (Array.isArray(names) && names.length > 0) return names;
  return [];
}

function reference(r: Ref, tables: SchemaTable[]): SchemaRef | undefined {
  const [a, b] = r.endpoints;
  if (a === undefined || b === undefined) return undefined;
  const many = (e: typeof a): boolean => String(e.relation).includes('*');
  let cardinality: RefCardinality = 'manyToOne';
  let from = a;
  let to = b;
  if (many(a) && many(b)) cardinality = 'manyToMany';
  else if (!many(a) && !many(b)) {
    cardinality = 'oneToOne';
    const isKey = (e: typeof a): boolean => {
      const t = tables.find((x) => x.name === e.tableName && x.schema === schemaOf(e.schemaName));
      const cols = endpointColumns(e);
      return t !== undefined && (cols.length === 0 || cols.join() === t.primaryKey.join());
    };
    if (isKey(a) && !isKey(b)) [from, to] = [b, a];
  } else if (many(b)) [from, to] = [b, a];
  const out: SchemaRef = {
    from: { table: from.tableName, columns: endpointColumns(from) },
    to: { table: to.tableName, columns: endpointColumns(to) },
    cardinality,
  };
  const fromSchema = schemaOf(from.schemaName);
  const toSchema = schemaOf(to.schemaName);
  if (fromSchema !== undefined) out.from.schema = fromSchema;
  if (toSchema !== undefined) out.to.schema = toSchema;
  if (typeof r.onDelete === 'string' && r.onDelete !== '') out.onDelete = r.onDelete.toLowerCase();
  const at = position(r);
  if (at !== undefined) out.at = at;
  return out;
}

/** The schema model of a parsed `@dbml/core` Database. */
export function databaseToSchema(db: Database, decode: LiteralDecoder = asWritten): SchemaDocument {
  const notes: Diagnostic[] = [];
  const doc: SchemaDocument = { tables: [], refs: [], enums: [], groups: [], diagnostics: notes };
  if (typeof db.name === 'string' && db.name !== '') doc.projectName = db.name;
  if (typeof db.note === 'string' && db.note !== '') doc.projectNote = db.note;
  for (const schema of db.schemas) {
    for (const t of schema.tables) doc.tables.push(table(t, notes, decode));
  }
  for (const schema of db.schemas) {
    for (const r of schema.refs) {
      const ref = reference(r, doc.tables);
      if (ref !== undefined) doc.refs.push(ref);
    }
    for (const e of schema.enums) {
      const entry: SchemaDocument['enums'][number] = { name: e.name, values: e.values.map((v) => String(v.name)) };
      const s = schemaOf(schema.name);
      if (s !== undefined) entry.schema = s;
      doc.enums.push(entry);
    }
    for (const g of schema.tableGroups) {
      const group: SchemaDocument['groups'][number] = {
        name: g.name,
        tables: g.tables.map((t) => {
          const s = schemaOf(t.schema?.name);
          return s === undefined ? { table: t.name } : { schema: s, table: t.name };
        }),
      };
      const color = (g as { color?: string }).color;
      if (typeof color === 'string' && color !== '') group.color = color;
      doc.groups.push(group);
    }
  }
  const records = db.records?.length ?? 0;
  if (records > 0)
    notes.push(
      info(
        ERD_CODES.statementsSkipped,
        undefined,
        `${records} block${records === 1 ? '' : 's'} of sample records skipped: the ERD holds the schema only.`,
      ),
    );
  const sticky = db.notes?.length ?? 0;
  if (sticky > 0)
    notes.push(
      info(ERD_CODES.statementsSkipped, undefined, `${sticky} sticky note${sticky === 1 ? '' : 's'} skipped.`),
    );
  return doc;
}
