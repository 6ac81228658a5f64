/**
 * The tables an ERD stands for, as the exporters write them: one table per entity, named by its
 * `dbTable` when it maps onto an existing database and like the entity otherwise (so a re-import
 * gives the same model names), its own key field or Django's `id` key, a column per field (its
 * `dbColumn` or its name) and per many-to-one/one-to-one relation (its `dbColumn` or
 * `<relation>_id`), and per many-to-many relation without a through entity a join table — its
 * `dbTable` or `<table>_<relation>` (the importer reads the relation name back from it) — with
 * the columns Django gives its own join tables (`<model>_id`).
 */
import type { Entity, Erd, Field, OnDelete, Relation } from '../../../src-shared/erd/model';
import { djangoJoinColumns } from './schema-join-tables';

export interface ExportColumn {
  name: string;
  /** The field, for plain columns; absent for keys. */
  field?: Field;
  /** The relation, for foreign-key columns. */
  relation?: Relation;
  key?: 'pk' | 'fk';
  /** A key the database numbers (Django's `id`, or a field with `autoIncrement`). */
  increment?: boolean;
  notNull: boolean;
  unique: boolean;
  /** The referenced table and its key column (the target's own key, or Django's `id`). */
  references?: { table: string; column: string; onDelete?: OnDelete };
  /** For a foreign key to a model with a key field of its own (a uuid `id`, a `primaryKey`): that field (the column's type). */
  targetKey?: Field;
}

export interface ExportTable {
  name: string;
  entity?: Entity;
  columns: ExportColumn[];
  /** Composite primary key (join tables). */
  primaryKey?: string[];
  uniques: string[][];
  indexes: { columns: string[]; name?: string }[];
}

/** The column of an entity's member: a field's `dbColumn` or name, a link's `dbColumn` or `<name>_id`. */
function memberColumn(entity: Entity, relations: readonly Relation[], member: string): string {
  const link = relations.find((r) => r.from === entity.name && r.name === member && r.kind !== 'manyToMany');
  if (link !== undefined) return link.dbColumn ?? `${member}_id`;
  return entity.fields.find((f) => f.name === member)?.dbColumn ?? member;
}

/** The table an entity is stored in. */
function tableOf(erd: Erd, entity: string): string {
  return erd.entities.find((e) => e.name === entity)?.dbTable ?? entity;
}

/** The tables of `erd`, in entity order, join tables last. */
export function exportTables(erd: Erd): ExportTable[] {
  const tables: ExportTable[] = erd.entities.map((entity) => {
    const links = erd.relations.filter((r) => r.from === entity.name && r.kind !== 'manyToMany');
    const ownKey = keyField(erd, entity.name);
    const columns: ExportColumn[] =
      ownKey !== undefined ? [] : [{ name: 'id', key: 'pk', increment: true, notNull: true, unique: false }];
    for (const field of entity.fields) {
      const column: ExportColumn = {
        name: field.dbColumn ?? field.name,
        field,
        notNull: field.nullable !== true,
        unique: field.unique === true,
      };
      if (field === ownKey)
        Object.assign(column, { key: 'pk', notNull: true, unique: false, increment: field.autoIncrement === true });
      columns.push(column);
    }
    for (const relation of links) {
      const references: ExportColumn['references'] = {
        table: tableOf(erd, relation.to),
        column: keyColumn(erd, relation.to),
      };
      if (relation.onDelete !== undefined) references.onDelete = relation.onDelete;
      const targetKey = keyField(erd, relation.to);
      columns.push({
        name: relation.dbColumn ?? `${relation.name}_id`,
        relation,
        ...(targetKey === undefined ? {} : { targetKey }),
        key: 'fk',
        notNull: relation.nullable !== true,
        unique: relation.kind === 'oneToOne',
        references,
      });
    }
    const column = (member: string): string => memberColumn(entity, erd.relations, member);
    const uniques = (entity.uniqueTogether ?? []).map((g) => g.map(column));
    for (const through of erd.relations.filter((r) => r.through === entity.name)) {
      const pair = [through.from, through.to].map((target, i) => {
        const link = links.find((l) => l.to === target && (through.from !== through.to || links.indexOf(l) === i));
        return link === undefined ? undefined : (link.dbColumn ?? `${link.name}_id`);
      });
      const [a, b] = pair;
      if (a !== undefined && b !== undefined && !uniques.some((u) => u.length === 2 && u.includes(a) && u.includes(b)))
        uniques.push([a, b]);
    }
    const indexes = [
      ...entity.fields
        .filter((f) => f.index === true && f.unique !== true)
        .map((f) => ({ columns: [f.dbColumn ?? f.name] })),
      ...(entity.indexes ?? []).map((i) => {
        const out: { columns: string[]; name?: string } = { columns: i.fields.map((f) => column(f.replace(/^-/, ''))) };
        if (i.name !== undefined) out.name = i.name;
        return out;
      }),
    ];
    return { name: tableOf(erd, entity.name), entity, columns, uniques, indexes };
  });
  for (const relation of erd.relations.filter((r) => r.kind === 'manyToMany' && r.through === undefined)) {
    const [fromColumn, toColumn] = djangoJoinColumns(relation.from, relation.to);
    const key = (name: string, table: string): ExportColumn => ({
      name,
      key: 'fk',
      ...(keyField(erd, table) === undefined ? {} : { targetKey: keyField(erd, table) }),
      notNull: true,
      unique: false,
      references: { table: tableOf(erd, table), column: keyColumn(erd, table), onDelete: 'CASCADE' },
    });
    tables.push({
      name: relation.dbTable ?? `${tableOf(erd, relation.from)}_${relation.name}`,
      columns: [key(fromColumn, relation.from), key(toColumn, relation.to)],
      primaryKey: [fromColumn, toColumn],
      uniques: [],
      indexes: [],
    });
  }
  return tables;
}

/** The entity's own key field (one marked `primaryKey`, or a field `id`), if it has one. */
function keyField(erd: Erd, entity: string): Field | undefined {
  const fields = erd.entities.find((e) => e.name === entity)?.fields ?? [];
  return fields.find((f) => f.primaryKey === true) ?? fields.find((f) => f.name === 'id');
}

/** The column of the entity's key: its key field's column, or Django's `id`. */
function keyColumn(erd: Erd, entity: string): string {
  const key = keyField(erd, entity);
  return key === undefined ? 'id' : (key.dbColumn ?? key.name);
}

/** A default value as an SQL/DBML literal, or undefined for none. */
export function literal(value: string | number | boolean | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `'${value.replace(/'/g, "''")}'`;
}
