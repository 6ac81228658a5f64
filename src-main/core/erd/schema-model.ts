/**
 * The database schema every DBML and SQL importer produces before anything Django-specific is
 * decided: tables, columns, references, enums and groups exactly as the source states them, each
 * with its line:column. One mapper (`schema-to-erd.ts`) turns it into a `djforge-erd` model, so
 * the naming, type and relation decisions are made once for every format.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';

/** Where a construct starts in the source text (1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A column's default as written: a literal, or an expression such as `now()`. */
export type ColumnDefault =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'expression'; text: string };

/** A column type: its name without schema (`varchar`), its numeric arguments and whether it is an array. */
export interface ColumnType {
  name: string;
  args: number[];
  /** Values of an inline MySQL `ENUM('a','b')` / `SET(...)`. */
  values?: string[];
  array?: boolean;
  /** The type as written, for messages. */
  text: string;
}

export interface SchemaColumn {
  name: string;
  type: ColumnType;
  /** Part of a single-column primary key. */
  pk: boolean;
  increment: boolean;
  unique: boolean;
  /** true: NOT NULL; false: NULL stated; undefined: not stated (nullable). */
  notNull?: boolean;
  default?: ColumnDefault;
  note?: string;
  at?: SourcePosition;
}

export interface SchemaIndex {
  columns: string[];
  unique: boolean;
  name?: string;
  /** Some index columns are expressions (`lower(email)`), which a Django index cannot list. */
  hasExpressions?: boolean;
  at?: SourcePosition;
}

export interface SchemaTable {
  schema?: string;
  name: string;
  columns: SchemaColumn[];
  /** Every column of the primary key (one or more), whether stated inline or as a constraint. */
  primaryKey: string[];
  indexes: SchemaIndex[];
  note?: string;
  color?: string;
  at?: SourcePosition;
}

export type RefCardinality = 'manyToOne' | 'oneToOne' | 'manyToMany';

/** A reference from `from` (the column holding the key) to `to` (the referenced table). */
export interface SchemaRef {
  from: { schema?: string; table: string; columns: string[] };
  /** `columns` is empty for `REFERENCES t` with no column list (the primary key). */
  to: { schema?: string; table: string; columns: string[] };
  cardinality: RefCardinality;
  /** Referential action as written, lower case: `cascade`, `set null`, `restrict`, `no action`, `set default`. */
  onDelete?: string;
  at?: SourcePosition;
}

export interface SchemaEnum {
  schema?: string;
  name: string;
  values: string[];
  at?: SourcePosition;
}

export interface SchemaGroup {
  name: string;
  tables: { schema?: string; table: string }[];
  color?: string;
}

/** Everything an importer read, plus what it noticed and could not represent (as diagnostics). */
export interface SchemaDocument {
  projectName?: string;
  projectNote?: string;
  tables: SchemaTable[];
  refs: SchemaRef[];
  enums: SchemaEnum[];
  groups: SchemaGroup[];
  /**
   * The delete action of a reference that states none: SQL's `no action` for DDL (the database
   * refuses the delete, Django's PROTECT); undefined for DBML, where nothing is implied.
   */
  defaultOnDelete?: string;
  diagnostics: Diagnostic[];
}

/** `schema.table` for messages and lookups (no schema part when the default one is meant). */
export function qualifiedName(schema: string | undefined, table: string): string {
  return schema === undefined ? table : `${schema}.${table}`;
}
