/**
 * A `djforge-erd` model → DBML that dbdiagram.io (and `@dbml/core`) reads, and that imports back
 * into the same model: tables named like the entities, enums, notes from descriptions and help
 * texts, `indexes` for indexes and unique-together groups, refs with their delete action, layout
 * colours as `headercolor` and layout groups as `TableGroup`s.
 */
import type { Erd, Field, OnDelete } from '../../../src-shared/erd/model';
import { exportTables, literal, type ExportColumn } from './export-tables';
import { columnTypeFor } from './schema-types';

const ACTIONS: Readonly<Record<OnDelete, string | undefined>> = {
  CASCADE: 'cascade',
  PROTECT: 'no action',
  RESTRICT: 'restrict',
  SET_NULL: 'set null',
  SET_DEFAULT: 'set default',
  DO_NOTHING: undefined,
};

/** `name` quoted when DBML needs it. */
function ident(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`;
}

const note = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

const enumName = (entity: string, field: Field): string => `${entity}_${field.name}`;

function columnSettings(column: ExportColumn): string[] {
  const settings: string[] = [];
  if (column.key === 'pk') settings.push(...(column.increment === true ? ['pk', 'increment'] : ['pk']));
  else settings.push(column.notNull ? 'not null' : 'null');
  if (column.unique) settings.push('unique');
  const field = column.field;
  if (field !== undefined) {
    const value = field.autoNowAdd === true || field.autoNow === true ? '`now()`' : literal(field.default);
    if (value !== undefined) settings.push(`default: ${value}`);
    if (field.helpText !== undefined) settings.push(`note: ${note(field.helpText)}`);
  } else if (column.relation?.helpText !== undefined) settings.push(`note: ${note(column.relation.helpText)}`);
  return settings;
}

/** The DBML text of `erd`. */
export function exportDbml(erd: Erd): string {
  const out: string[] = [];
  out.push(`Project ${ident(erd.project.name)} {`, `  database_type: 'PostgreSQL'`);
  if (erd.project.description !== undefined) out.push(`  Note: ${note(erd.project.description)}`);
  out.push('}', '');
  for (const entity of erd.entities)
    for (const field of entity.fields.filter((f) => f.type === 'enum' && (f.choices ?? []).length > 0)) {
      out.push(`Enum ${ident(enumName(entity.name, field))} {`);
      for (const choice of field.choices ?? []) out.push(`  ${JSON.stringify(choice.value)}`);
      out.push('}', '');
    }
  const refs: string[] = [];
  for (const table of exportTables(erd)) {
    const settings: string[] = [];
    const color = erd.layout?.colors?.[table.name];
    if (color !== undefined && /^#[0-9A-Fa-f]{3,6}$/.test(color)) settings.push(`headercolor: ${color}`);
    out.push(`Table ${ident(table.name)}${settings.length > 0 ? ` [${settings.join(', ')}]` : ''} {`);
    for (const column of table.columns) {
      const field = column.field;
      const type =
        column.targetKey !== undefined
          ? columnTypeFor(column.targetKey, 'dbml')
          : field === undefined
            ? 'bigint'
            : field.type === 'enum' && (field.choices ?? []).length > 0
              ? ident(enumName(table.name, field))
              : columnTypeFor(field, 'dbml');
      const s = table.primaryKey !== undefined ? ['not null'] : columnSettings(column);
      out.push(
        `  ${ident(column.name)} ${/[\s(),]/.test(type) ? `"${type}"` : type}${s.length > 0 ? ` [${s.join(', ')}]` : ''}`,
      );
      if (column.references !== undefined) {
        const action = column.references.onDelete === undefined ? undefined : ACTIONS[column.references.onDelete];
        const arrow = column.unique ? '-' : '>';
        refs.push(
          `Ref: ${ident(table.name)}.${ident(column.name)} ${arrow} ${ident(column.references.table)}.${ident(column.references.column)}${action !== undefined ? ` [delete: ${action}]` : ''}`,
        );
      }
    }
    const indexes = [
      ...(table.primaryKey !== undefined ? [`(${table.primaryKey.map(ident).join(', ')}) [pk]`] : []),
      ...table.uniques.map((u) => `(${u.map(ident).join(', ')}) [unique]`),
      ...table.indexes.map(
        (i) => `(${i.columns.map(ident).join(', ')})${i.name !== undefined ? ` [name: '${i.name}']` : ''}`,
      ),
    ];
    if (indexes.length > 0) out.push('', '  indexes {', ...indexes.map((i) => `    ${i}`), '  }');
    if (table.entity?.description !== undefined) out.push('', `  Note: ${note(table.entity.description)}`);
    out.push('}', '');
  }
  out.push(...refs);
  for (const group of erd.layout?.groups ?? []) {
    const color =
      group.color !== undefined && /^#[0-9A-Fa-f]{3,6}$/.test(group.color) ? ` [color: ${group.color}]` : '';
    out.push('', `TableGroup ${ident(group.name)}${color} {`, ...group.entities.map((e) => `  ${ident(e)}`), '}');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
