/**
 * Name resolution inside an imported schema: tables by (schema, name) with the database's default
 * schema (`public`, `dbo`) treated as no schema and a case-insensitive fallback (PostgreSQL folds
 * unquoted names), columns by name, and enum types by their (possibly qualified) name.
 */
import type { SchemaColumn, SchemaDocument, SchemaTable } from './schema-model';

const DEFAULT_SCHEMAS = new Set(['public', 'dbo', 'main', '']);

const schemaKey = (schema: string | undefined): string =>
  schema === undefined || DEFAULT_SCHEMAS.has(schema.toLowerCase()) ? '' : schema;

export class SchemaIndexLookup {
  private readonly exact = new Map<string, SchemaTable>();
  private readonly folded = new Map<string, SchemaTable>();
  private readonly byName = new Map<string, SchemaTable[]>();
  private readonly enums = new Map<string, string[]>();

  constructor(doc: SchemaDocument) {
    for (const table of doc.tables) {
      const key = `${schemaKey(table.schema)}.${table.name}`;
      if (!this.exact.has(key)) this.exact.set(key, table);
      if (!this.folded.has(key.toLowerCase())) this.folded.set(key.toLowerCase(), table);
      const same = this.byName.get(table.name.toLowerCase()) ?? [];
      this.byName.set(table.name.toLowerCase(), [...same, table]);
    }
    for (const e of doc.enums) {
      const qualified = `${schemaKey(e.schema)}.${e.name}`.toLowerCase();
      this.enums.set(qualified, e.values);
      if (!this.enums.has(`.${e.name}`.toLowerCase())) this.enums.set(`.${e.name}`.toLowerCase(), e.values);
    }
  }

  /** The table `schema.name`; a name without schema also finds the only table of that name in another schema. */
  table(schema: string | undefined, name: string): SchemaTable | undefined {
    const key = `${schemaKey(schema)}.${name}`;
    const found = this.exact.get(key) ?? this.folded.get(key.toLowerCase());
    if (found !== undefined || schemaKey(schema) !== '') return found;
    const candidates = this.byName.get(name.toLowerCase()) ?? [];
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** Another table of the schema has the same name in another schema or with other letter case. */
  clashes(table: SchemaTable): boolean {
    const same = this.byName.get(table.name.toLowerCase()) ?? [];
    return same.length > 1 && same[0] !== table;
  }

  column(table: SchemaTable, name: string): SchemaColumn | undefined {
    return (
      table.columns.find((c) => c.name === name) ??
      table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())
    );
  }

  /** The values of the enum a column type names (`mood`, `public.mood`, `"Schema".mood`), if it is one. */
  enumValues(typeText: string, typeName: string, schema: string | undefined): string[] | undefined {
    const bare = typeName.toLowerCase();
    const dot = typeText.lastIndexOf('.');
    const typeSchema = dot > 0 ? typeText.slice(0, dot).replace(/"/g, '') : undefined;
    return this.enums.get(`${schemaKey(typeSchema ?? schema)}.${bare}`.toLowerCase()) ?? this.enums.get(`.${bare}`);
  }
}
