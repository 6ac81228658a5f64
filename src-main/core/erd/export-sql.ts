/**
 * A `djforge-erd` model → SQL DDL for PostgreSQL, MySQL or SQLite: `CREATE TABLE` per entity with
 * its own key (serial/AUTO_INCREMENT/INTEGER when the database numbers it) or Django's `id`, NOT NULL/UNIQUE/DEFAULT, foreign keys with their delete action, join tables
 * for many-to-many relations, enums (PostgreSQL `CREATE TYPE`, MySQL inline `ENUM`, SQLite a
 * CHECK), indexes and comments (PostgreSQL `COMMENT ON`, MySQL `COMMENT`). It re-imports into the
 * same model through the SQL importers.
 */
import type { Erd, Field, OnDelete } from '../../../src-shared/erd/model';
import { exportTables, literal, type ExportColumn, type ExportTable } from './export-tables';
import { columnTypeFor } from './schema-types';

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

const ACTIONS: Readonly<Record<OnDelete, string | undefined>> = {
  CASCADE: 'CASCADE',
  PROTECT: 'NO ACTION',
  RESTRICT: 'RESTRICT',
  SET_NULL: 'SET NULL',
  SET_DEFAULT: 'SET DEFAULT',
  DO_NOTHING: undefined,
};

const quote = (dialect: SqlDialect, name: string): string =>
  dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;

const text = (value: string): string => `'${value.replace(/'/g, "''")}'`;
/** MySQL literals with backslash escapes, which `@dbml/core`'s MySQL parser passes through unchanged. */
const mysqlText = (value: string): string =>
  `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}'`;

const enumType = (table: string, field: Field): string => `${table}_${field.name}`;

function columnType(dialect: SqlDialect, table: string, column: ExportColumn): string {
  const field = column.field;
  if (column.key === 'pk' && field === undefined)
    return dialect === 'postgres' ? 'bigserial' : dialect === 'mysql' ? 'bigint' : 'integer';
  if (column.key === 'pk' && column.increment === true && field !== undefined) {
    if (dialect === 'sqlite') return 'integer'; // SQLite numbers an INTEGER PRIMARY KEY (the rowid)
    if (dialect === 'postgres') return field.type === 'bigInteger' ? 'bigserial' : 'serial';
  }
  // Only the exact type INTEGER makes a SQLite key the rowid, which SQLite numbers itself.
  if (column.key === 'pk' && dialect === 'sqlite' && field?.type === 'integer' && column.increment !== true)
    return 'int';
  if (column.targetKey !== undefined) return columnTypeFor(column.targetKey, dialect);
  if (field === undefined) return dialect === 'sqlite' ? 'integer' : 'bigint';
  const choices = (field.choices ?? []).map((c) => c.value);
  if (field.type === 'enum' && choices.length > 0) {
    if (dialect === 'postgres') return quote(dialect, enumType(table, field));
    if (dialect === 'mysql') return `ENUM(${choices.map(text).join(', ')})`;
  }
  return columnTypeFor(field, dialect);
}

function columnLine(dialect: SqlDialect, table: ExportTable, column: ExportColumn): string {
  const parts = [quote(dialect, column.name), columnType(dialect, table.name, column)];
  if (column.key === 'pk') {
    parts.push(dialect === 'sqlite' ? 'NOT NULL PRIMARY KEY' : 'PRIMARY KEY');
    if (dialect === 'mysql' && column.increment === true) parts.push('AUTO_INCREMENT');
    return parts.join(' ');
  }
  parts.push(column.notNull ? 'NOT NULL' : 'NULL');
  if (column.unique) parts.push('UNIQUE');
  const field = column.field;
  if (field !== undefined) {
    const now = dialect === 'postgres' ? 'now()' : 'CURRENT_TIMESTAMP';
    const value = field.autoNowAdd === true || field.autoNow === true ? now : literal(field.default);
    if (value !== undefined) parts.push(`DEFAULT ${value}`);
    const choices = (field.choices ?? []).map((c) => c.value);
    if (dialect === 'sqlite' && field.type === 'enum' && choices.length > 0)
      parts.push(`CHECK (${quote(dialect, column.name)} IN (${choices.map(text).join(', ')}))`);
  }
  const help = field?.helpText ?? column.relation?.helpText;
  if (dialect === 'mysql' && help !== undefined) parts.push(`COMMENT ${mysqlText(help)}`);
  return parts.join(' ');
}

function tableStatement(dialect: SqlDialect, table: ExportTable): string {
  const q = (n: string): string => quote(dialect, n);
  const lines = table.columns.map((c) => `  ${columnLine(dialect, table, c)}`);
  if (table.primaryKey !== undefined) lines.push(`  PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  for (const unique of table.uniques) lines.push(`  UNIQUE (${unique.map(q).join(', ')})`);
  for (const column of table.columns) {
    if (column.references === undefined) continue;
    const action = column.references.onDelete === undefined ? undefined : ACTIONS[column.references.onDelete];
    lines.push(
      `  FOREIGN KEY (${q(column.name)}) REFERENCES ${q(column.references.table)} (${q(column.references.column)})${action !== undefined ? ` ON DELETE ${action}` : ''}`,
    );
  }
  const comment =
    dialect === 'mysql' && table.entity?.description !== undefined
      ? ` COMMENT=${mysqlText(table.entity.description)}`
      : '';
  return `CREATE TABLE ${q(table.name)} (\n${lines.join(',\n')}\n)${comment};`;
}

/** The DDL of `erd` in `dialect`. Tables come in model order; foreign keys may point forward. */
export function exportSql(erd: Erd, dialect: SqlDialect): string {
  const q = (n: string): string => quote(dialect, n);
  const tables = exportTables(erd);
  const out: string[] = [`-- ${erd.project.name}: generated by DjForge from the ERD (${dialect})`, ''];
  if (dialect === 'postgres')
    for (const table of tables)
      for (const field of table.entity?.fields ?? [])
        if (field.type === 'enum' && (field.choices ?? []).length > 0)
          out.push(
            `CREATE TYPE ${q(enumType(table.name, field))} AS ENUM (${(field.choices ?? []).map((c) => text(c.value)).join(', ')});`,
            '',
          );
  for (const table of tables) {
    out.push(tableStatement(dialect, table), '');
    table.indexes.forEach((index) => {
      // An unnamed index gets the name the importer reads back as "no name" (Django names it).
      const name = index.name ?? `${table.name}_${index.columns.join('_')}_idx`;
      out.push(`CREATE INDEX ${q(name)} ON ${q(table.name)} (${index.columns.map(q).join(', ')});`);
    });
    if (dialect !== 'postgres') continue;
    if (table.entity?.description !== undefined)
      out.push(`COMMENT ON TABLE ${q(table.name)} IS ${text(table.entity.description)};`);
    for (const column of table.columns) {
      const help = column.field?.helpText ?? column.relation?.helpText;
      if (help !== undefined) out.push(`COMMENT ON COLUMN ${q(table.name)}.${q(column.name)} IS ${text(help)};`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
