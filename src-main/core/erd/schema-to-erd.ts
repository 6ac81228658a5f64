/**
 * A database schema (from DBML or SQL DDL) → a draft `djforge-erd` model, with every decision
 * reported: tables become PascalCase models, columns snake_case fields; a single integer key named
 * `id` is Django's own, any other single key becomes a unique field, a composite key
 * `uniqueTogether`; single-column references become relations (one-to-one when the column is
 * unique), composite ones are reported and kept as plain columns; join tables become
 * many-to-many relations (see schema-join-tables.ts); TableGroups become layout groups (and apps
 * when asked).
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import {
  ERD_FORMAT,
  ERD_VERSION,
  type Entity,
  type Erd,
  type Layout,
  type Relation,
} from '../../../src-shared/erd/model';
import { appsFromGroups } from './apps-from-groups';
import { ERD_CODES } from './diagnostic-codes';
import type { ImporterOutput } from './importer';
import { pluralize, snakeCase } from './naming';
import { DJANGO_TABLES, dbNameProblem } from './validate-db-names';
import { info, q, warning } from './report';
import { at } from './schema-fields';
import { mapMembers } from './schema-members';
import { convertJoinTables } from './schema-join-tables';
import { qualifiedName, type SchemaDocument, type SchemaRef, type SchemaTable } from './schema-model';
import { attributeName, modelClassName, NameScope } from './schema-names';
import { SchemaIndexLookup } from './schema-lookup';

/** How a schema becomes a project. */
export interface SchemaImportOptions {
  /** The Django project package name. */
  projectName: string;
  /** Make each TableGroup a Django app (its entities move there); otherwise groups are layout only. */
  groupsAsApps?: boolean;
}

/** What the mapper knows about each table while it builds the model. */
export interface MappedTable {
  table: SchemaTable;
  entity: Entity;
  /** Column name → field or relation name. */
  members: Map<string, string>;
  scope: NameScope;
  /** The single-column references leaving this table, by column. */
  links: Map<string, Relation>;
}

const ON_DELETE: Readonly<Record<string, Relation['onDelete']>> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'set null': 'SET_NULL',
  'set default': 'SET_DEFAULT',
  'no action': 'PROTECT',
};

/** The draft ERD of `doc` (normalization and validation follow in the caller). */
export function schemaToErd(doc: SchemaDocument, options: SchemaImportOptions): ImporterOutput {
  const notes: Diagnostic[] = [...doc.diagnostics];
  if (doc.tables.length === 0) {
    notes.push(warning(ERD_CODES.empty, undefined, 'The schema has no table, so the ERD has no entity.'));
  }
  const lookup = new SchemaIndexLookup(doc);
  const classes = new NameScope('');
  const mapped = doc.tables.map((table) => mapTableName(table, classes, lookup));
  dropClashingTables(mapped);
  const fkColumns = foreignKeyColumns(doc.refs, lookup, notes);
  const indexNames = new Set<string>();
  mapped.forEach((m) => mapMembers(m, fkColumns.get(m.table) ?? new Set(), lookup, notes, indexNames));
  const relations: Relation[] = [];
  for (const ref of doc.refs) {
    const relation = mapReference(ref, mapped, lookup, notes, doc.defaultOnDelete);
    if (relation !== undefined) relations.push(relation);
  }
  const kept = convertJoinTables(mapped, relations, notes);
  const erd: Erd = {
    format: ERD_FORMAT,
    version: ERD_VERSION,
    project: { name: options.projectName },
    entities: kept.map((m) => m.entity),
    relations,
  };
  if (doc.projectNote !== undefined && doc.projectNote.trim() !== '') erd.project.description = doc.projectNote.trim();
  if (doc.projectName !== undefined) erd.project.title = doc.projectName;
  const layout = layoutOf(doc, kept, lookup);
  if (layout !== undefined) erd.layout = layout;
  if (options.groupsAsApps === true) notes.push(...appsFromGroups(erd, 'always'));
  notes.push(
    info(
      ERD_CODES.nameChanged,
      undefined,
      `Table names became model classes and columns snake_case fields (for example ${q(doc.tables[0]?.name ?? '')} → ` +
        `${q(kept[0]?.entity.name ?? '')}); the models keep the database's table and column names (dbTable, dbColumn).`,
    ),
  );
  return { erd, diagnostics: notes };
}

function mapTableName(table: SchemaTable, classes: NameScope, lookup: SchemaIndexLookup): MappedTable {
  const base = modelClassName(table.name);
  const name = lookup.clashes(table) ? modelClassName(`${table.schema ?? ''}_${table.name}`) : base;
  const entity: Entity = { name: classes.claim(name), fields: [] };
  const dbTable = tableNameFor(table, lookup);
  if (dbTable !== undefined) entity.dbTable = dbTable;
  if (table.note !== undefined && table.note.trim() !== '') entity.description = table.note.trim();
  return { table, entity, members: new Map(), scope: new NameScope(), links: new Map() };
}

/**
 * The table name the model keeps (`Meta.db_table`), so its migrations and queries use the
 * database's own table: none for a name no database accepts or that Django's own apps use, and
 * the schema-qualified name (`sales_orders`) when several schemas have a table of that name.
 */
function tableNameFor(table: SchemaTable, lookup: SchemaIndexLookup): string | undefined {
  const name = lookup.clashes(table) && table.schema !== undefined ? `${table.schema}_${table.name}` : table.name;
  return dbNameProblem(name) === null && !DJANGO_TABLES.test(name) ? name : undefined;
}

/** Tables whose names differ only in case keep the first's name; the others get Django's (SQLite ignores case). */
function dropClashingTables(mapped: readonly MappedTable[]): void {
  const seen = new Set<string>();
  for (const { entity } of mapped) {
    if (entity.dbTable === undefined) continue;
    const key = entity.dbTable.toLowerCase();
    if (seen.has(key)) delete entity.dbTable;
    else seen.add(key);
  }
}

/** Per table, the columns that hold a single-column reference (they become relations, not fields). */
function foreignKeyColumns(
  refs: readonly SchemaRef[],
  lookup: SchemaIndexLookup,
  notes: Diagnostic[],
): Map<SchemaTable, Set<string>> {
  const out = new Map<SchemaTable, Set<string>>();
  for (const ref of refs) {
    if (ref.cardinality === 'manyToMany') continue;
    const from = lookup.table(ref.from.schema, ref.from.table);
    const to = lookup.table(ref.to.schema, ref.to.table);
    const label = `${qualifiedName(ref.from.schema, ref.from.table)}(${ref.from.columns.join(', ')}) → ${qualifiedName(ref.to.schema, ref.to.table)}`;
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? ref.from : ref.to;
      notes.push(
        at(
          warning(
            ERD_CODES.constructUnmapped,
            undefined,
            `The reference ${label} names the table ${q(qualifiedName(missing.schema, missing.table))}, which the schema does not define; it is skipped.`,
          ),
          ref.at,
        ),
      );
      continue;
    }
    if (ref.from.columns.length !== 1 || ref.to.columns.length > 1) {
      notes.push(
        at(
          warning(
            ERD_CODES.constructUnmapped,
            undefined,
            `The composite reference ${label} cannot be a Django relation; its columns stay plain fields.`,
          ),
          ref.at,
        ),
      );
      continue;
    }
    const column = ref.from.columns[0] ?? '';
    if (lookup.column(from, column) === undefined) {
      notes.push(
        at(
          warning(
            ERD_CODES.constructUnmapped,
            undefined,
            `The reference ${label} names the column ${q(column)}, which ${q(from.name)} does not have; it is skipped.`,
          ),
          ref.at,
        ),
      );
      continue;
    }
    const set = out.get(from) ?? new Set<string>();
    if (set.has(column)) {
      notes.push(
        at(
          warning(
            ERD_CODES.constructUnmapped,
            undefined,
            `${label} is a second reference from the same column; only the first is kept.`,
          ),
          ref.at,
        ),
      );
      continue;
    }
    set.add(column);
    out.set(from, set);
  }
  return out;
}

function mapReference(
  ref: SchemaRef,
  mapped: readonly MappedTable[],
  lookup: SchemaIndexLookup,
  notes: Diagnostic[],
  defaultOnDelete: string | undefined,
): Relation | undefined {
  const fromTable = lookup.table(ref.from.schema, ref.from.table);
  const toTable = lookup.table(ref.to.schema, ref.to.table);
  const from = mapped.find((m) => m.table === fromTable);
  const to = mapped.find((m) => m.table === toTable);
  if (from === undefined || to === undefined || ref.from.columns.length !== 1 || ref.to.columns.length > 1)
    return undefined;
  if (ref.cardinality === 'manyToMany') {
    const name = from.scope.claim(pluralize(attributeName(snakeCase(to.entity.name))));
    return { name, kind: 'manyToMany', from: from.entity.name, to: to.entity.name };
  }
  const column = ref.from.columns[0] ?? '';
  const name = from.members.get(column);
  if (name === undefined || from.links.has(column)) return undefined;
  const schemaColumn = lookup.column(from.table, column);
  const unique = schemaColumn !== undefined && (schemaColumn.unique || isSoleUnique(from.table, column));
  const relation: Relation = {
    name,
    kind: ref.cardinality === 'oneToOne' || unique ? 'oneToOne' : 'manyToOne',
    from: from.entity.name,
    to: to.entity.name,
  };
  if (schemaColumn?.notNull === true)
    relation.nullable = false; // stated: the normalizer must not infer it optional
  else if (!from.table.primaryKey.includes(column)) relation.nullable = true; // key columns are NOT NULL
  const action = ref.onDelete ?? defaultOnDelete;
  const onDelete = action === undefined ? undefined : ON_DELETE[action.toLowerCase()];
  if (onDelete !== undefined) relation.onDelete = onDelete;
  if (schemaColumn?.note !== undefined && schemaColumn.note.trim() !== '') relation.helpText = schemaColumn.note.trim();
  if (column !== `${name}_id` && column.toLowerCase() !== 'id' && dbNameProblem(column) === null)
    relation.dbColumn = column;
  const target = ref.to.columns[0];
  const targetKey = toTable?.primaryKey;
  if (target !== undefined && targetKey !== undefined && !(targetKey.length === 1 && targetKey[0] === target)) {
    notes.push(
      at(
        info(
          ERD_CODES.keyMapped,
          undefined,
          `${qualifiedName(ref.from.schema, ref.from.table)}.${column} references ${qualifiedName(ref.to.schema, ref.to.table)}.${target}, which is not its single-column primary key; the relation points at the model's "id".`,
        ),
        ref.at,
      ),
    );
  }
  from.links.set(column, relation);
  return relation;
}

/** The column alone is the table's primary key or has a single-column unique index. */
function isSoleUnique(table: SchemaTable, column: string): boolean {
  if (table.primaryKey.length === 1 && table.primaryKey[0] === column) return true;
  return table.indexes.some((i) => i.unique && i.columns.length === 1 && i.columns[0] === column);
}

function layoutOf(doc: SchemaDocument, kept: readonly MappedTable[], lookup: SchemaIndexLookup): Layout | undefined {
  const layout: Layout = {};
  for (const m of kept)
    if (m.table.color !== undefined) layout.colors = { ...layout.colors, [m.entity.name]: m.table.color };
  const groups = doc.groups
    .map((g) => {
      const entities = g.tables
        .map((t) => kept.find((m) => m.table === lookup.table(t.schema, t.table))?.entity.name)
        .filter((n): n is string => n !== undefined);
      return g.color === undefined ? { name: g.name, entities } : { name: g.name, entities, color: g.color };
    })
    .filter((g) => g.entities.length > 0);
  if (groups.length > 0) layout.groups = groups;
  return Object.keys(layout).length > 0 ? layout : undefined;
}
