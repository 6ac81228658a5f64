/**
 * Collects the schema model from PostgreSQL statements in file order: tables and columns with
 * inline constraints, table constraints, `ALTER TABLE … ADD` of columns and constraints, enums,
 * domains (resolved to their base type), indexes and comments.
 */
import { ERD_CODES } from './diagnostic-codes';
import { info } from './report';
import { type ByteLines, columnTypeOf, defaultOf, listOf, nodeOf, strings, textOf, type PgNode } from './pg-ast';
import type { ColumnType, SchemaColumn, SchemaDocument, SchemaTable, SourcePosition } from './schema-model';

const DELETE_ACTIONS: Readonly<Record<string, string>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

const schemaName = (s: string | undefined): string | undefined => (s === undefined || s === 'public' ? undefined : s);

export class PgSchemaBuilder {
  private readonly doc: SchemaDocument = {
    tables: [],
    refs: [],
    enums: [],
    groups: [],
    defaultOnDelete: 'no action',
    diagnostics: [],
  };
  private readonly domains = new Map<string, ColumnType>();

  constructor(private readonly lines: ByteLines) {}

  document(): SchemaDocument {
    return this.doc;
  }

  private position(node: PgNode | undefined): SourcePosition | undefined {
    const location = node?.location;
    return typeof location === 'number' && location >= 0 ? this.lines.at(location) : undefined;
  }

  private findTable(relation: PgNode | undefined): SchemaTable | undefined {
    const name = textOf(relation, 'relname') ?? '';
    const schema = schemaName(textOf(relation, 'schemaname'));
    return (
      this.doc.tables.find((t) => t.name === name && t.schema === schema) ??
      this.doc.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() && t.schema === schema)
    );
  }

  /** Adds a table; false for a partition (`PARTITION OF`), which is storage, not a model. */
  createTable(node: PgNode, schema: string | undefined): boolean {
    const relation = nodeOf(node, 'relation') ?? (node.relation as PgNode | undefined);
    if (node.partbound !== undefined) return false;
    const table: SchemaTable = {
      name: textOf(relation, 'relname') ?? 'table',
      columns: [],
      primaryKey: [],
      indexes: [],
    };
    const s = schemaName(textOf(relation, 'schemaname') ?? schema);
    if (s !== undefined) table.schema = s;
    const at = this.position(relation);
    if (at !== undefined) table.at = at;
    this.doc.tables.push(table);
    for (const element of listOf(node, 'tableElts')) {
      const column = nodeOf(element, 'ColumnDef');
      if (column !== undefined) this.addColumn(table, column);
      const constraint = nodeOf(element, 'Constraint');
      if (constraint !== undefined) this.addConstraint(table, constraint, []);
    }
    return true;
  }

  private addColumn(table: SchemaTable, def: PgNode): void {
    const typeName = nodeOf(def, 'typeName') ?? (def.typeName as PgNode | undefined);
    let type = columnTypeOf(typeName);
    const domain = this.domains.get(type.name.toLowerCase());
    if (domain !== undefined && !type.array) type = domain;
    const column: SchemaColumn = {
      name: textOf(def, 'colname') ?? 'column',
      type,
      pk: false,
      increment: /serial/i.test(type.name),
      unique: false,
    };
    const at = this.position(def);
    if (at !== undefined) column.at = at;
    table.columns.push(column);
    for (const c of listOf(def, 'constraints')) {
      const constraint = nodeOf(c, 'Constraint');
      if (constraint !== undefined) this.addConstraint(table, constraint, [column.name]);
    }
  }

  /** A column (`columns` = [it]) or table constraint. */
  private addConstraint(table: SchemaTable, c: PgNode, columns: string[]): void {
    const keys = columns.length > 0 ? columns : strings(listOf(c, 'keys'));
    const column = columns.length === 1 ? table.columns.find((x) => x.name === columns[0]) : undefined;
    switch (c.contype) {
      case 'CONSTR_NOTNULL':
        if (column !== undefined) column.notNull = true;
        return;
      case 'CONSTR_NULL':
        if (column !== undefined) column.notNull = false;
        return;
      case 'CONSTR_DEFAULT':
        if (column !== undefined) column.default = defaultOf(c.raw_expr);
        return;
      case 'CONSTR_IDENTITY':
        if (column !== undefined) column.increment = true;
        return;
      case 'CONSTR_PRIMARY':
        table.primaryKey = keys;
        for (const key of keys) {
          const col = table.columns.find((x) => x.name === key);
          if (col !== undefined) {
            col.notNull = true;
            if (keys.length === 1) col.pk = true;
          }
        }
        return;
      case 'CONSTR_UNIQUE':
        if (column !== undefined) column.unique = true;
        else table.indexes.push({ columns: keys, unique: true, ...this.at(c) });
        return;
      case 'CONSTR_FOREIGN': {
        const pktable = nodeOf(c, 'pktable') ?? (c.pktable as PgNode | undefined);
        const from = columns.length > 0 ? columns : strings(listOf(c, 'fk_attrs'));
        const ref: SchemaDocument['refs'][number] = {
          from: { table: table.name, columns: from },
          to: { table: textOf(pktable, 'relname') ?? '', columns: strings(listOf(c, 'pk_attrs')) },
          cardinality: 'manyToOne',
          ...this.at(c),
        };
        if (table.schema !== undefined) ref.from.schema = table.schema;
        const toSchema = schemaName(textOf(pktable, 'schemaname'));
        if (toSchema !== undefined) ref.to.schema = toSchema;
        const action = DELETE_ACTIONS[String(c.fk_del_action ?? 'a')];
        if (action !== undefined && action !== 'no action') ref.onDelete = action;
        this.doc.refs.push(ref);
        return;
      }
      case 'CONSTR_CHECK':
        this.doc.diagnostics.push({
          ...info(
            ERD_CODES.constructUnmapped,
            undefined,
            `The check constraint on ${table.name}${columns.length > 0 ? `.${columns.join()}` : ''} is not modelled by the ERD; it is skipped.`,
          ),
          ...(this.position(c) ?? {}),
        });
        return;
      default:
        return;
    }
  }

  private at(node: PgNode): { at?: SourcePosition } {
    const position = this.position(node);
    return position === undefined ? {} : { at: position };
  }

  /** Applies `ALTER TABLE … ADD`; returns the kinds of the commands it did not apply. */
  alterTable(node: PgNode): string[] {
    const table = this.findTable(nodeOf(node, 'relation') ?? (node.relation as PgNode | undefined));
    const skipped: string[] = [];
    for (const entry of listOf(node, 'cmds')) {
      const cmd = nodeOf(entry, 'AlterTableCmd');
      const def = cmd?.def;
      const column = nodeOf(def, 'ColumnDef');
      const constraint = nodeOf(def, 'Constraint');
      if (table !== undefined && cmd?.subtype === 'AT_AddColumn' && column !== undefined) this.addColumn(table, column);
      else if (table !== undefined && cmd?.subtype === 'AT_AddConstraint' && constraint !== undefined)
        this.addConstraint(table, constraint, []);
      else skipped.push(`ALTER TABLE ${String(cmd?.subtype ?? '').replace(/^AT_/, '')}`);
    }
    return skipped;
  }

  createEnum(node: PgNode, schema: string | undefined): void {
    const names = strings(listOf(node, 'typeName'));
    const entry: SchemaDocument['enums'][number] = {
      name: names[names.length - 1] ?? 'enum',
      values: strings(listOf(node, 'vals')),
    };
    const s = schemaName(names.length > 1 ? names[0] : schema);
    if (s !== undefined) entry.schema = s;
    this.doc.enums.push(entry);
  }

  createDomain(node: PgNode): void {
    const names = strings(listOf(node, 'domainname'));
    const name = names[names.length - 1];
    if (name !== undefined)
      this.domains.set(
        name.toLowerCase(),
        columnTypeOf(nodeOf(node, 'typeName') ?? (node.typeName as PgNode | undefined)),
      );
  }

  createIndex(node: PgNode): void {
    const table = this.findTable(nodeOf(node, 'relation') ?? (node.relation as PgNode | undefined));
    if (table === undefined) return;
    const elements = listOf(node, 'indexParams').map((p) => nodeOf(p, 'IndexElem'));
    const names = elements.map((e) => textOf(e, 'name'));
    const columns = names.map((n) => n ?? 'expression');
    const index: SchemaTable['indexes'][number] = { columns, unique: node.unique === true };
    if (names.some((n) => n === undefined)) index.hasExpressions = true;
    const name = textOf(node, 'idxname');
    if (name !== undefined) index.name = name;
    const at = this.position(nodeOf(node, 'relation') ?? (node.relation as PgNode | undefined));
    if (at !== undefined) index.at = at;
    table.indexes.push(index);
  }

  /** `COMMENT ON TABLE|COLUMN`; false for comments on anything else. */
  comment(node: PgNode): boolean {
    const items = strings(listOf(nodeOf(node, 'object') ? nodeOf(nodeOf(node, 'object'), 'List') : undefined, 'items'));
    const text = textOf(node, 'comment');
    if (node.objtype === 'OBJECT_TABLE') {
      const table = this.findTable({
        relname: items[items.length - 1],
        schemaname: items.length > 1 ? items[0] : undefined,
      });
      if (table !== undefined && text !== undefined) table.note = text;
      return table !== undefined;
    }
    if (node.objtype === 'OBJECT_COLUMN') {
      const table = this.findTable({
        relname: items[items.length - 2],
        schemaname: items.length > 2 ? items[0] : undefined,
      });
      const column = table?.columns.find((c) => c.name === items[items.length - 1]);
      if (column !== undefined && text !== undefined) column.note = text;
      return column !== undefined;
    }
    return false;
  }
}
