/**
 * DBML (and the SQL dialects `@dbml/core` parses: MySQL, SQLite through its MySQL grammar, SQL
 * Server) → schema model, through `@dbml/core` — the parser dbdiagram.io uses — never by hand.
 * DBML is read with the current `dbmlv2` compiler first and the legacy parser second, since each
 * accepts real files the other refuses; a text neither reads is refused with the current
 * parser's messages at their line:column.
 */
import type * as DbmlCoreModule from '@dbml/core';
import type { Database } from '@dbml/core';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { databaseToSchema, decodeMysqlLiteral, type LiteralDecoder } from './dbml-database';
import { ERD_CODES } from './diagnostic-codes';
import { error } from './report';
import type { SchemaDocument } from './schema-model';

type DbmlCoreFormat = 'dbmlv2' | 'dbml' | 'mysql' | 'mssql' | 'postgres';

/** The schema, or the parser's errors as diagnostics. */
export type SchemaParse = { ok: true; schema: SchemaDocument } | { ok: false; diagnostics: Diagnostic[] };

const MAX_REPORTED = 10;

/** `@dbml/core` errors (a CompilerError with `diags`, a PEG SyntaxError, or a plain Error) as diagnostics. */
export function parserDiagnostics(e: unknown, what: string): Diagnostic[] {
  const diags = (e as { diags?: unknown[] }).diags;
  const list = Array.isArray(diags) && diags.length > 0 ? diags : [e];
  return list.slice(0, MAX_REPORTED).map((raw) => {
    const d = raw as { message?: unknown; location?: { start?: { line?: number; column?: number } } };
    const message = String(d.message ?? raw)
      .replace(/\s+/g, ' ')
      .trim();
    const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
    const out = error(ERD_CODES.schemaSyntax, undefined, `The ${what} does not parse: ${sentence}`);
    const start = d.location?.start;
    if (start?.line !== undefined && start.line > 0) out.line = start.line;
    if (start?.column !== undefined && start.column > 0) out.column = start.column;
    return out;
  });
}

type DbmlCore = typeof DbmlCoreModule;
let dbmlCore: Promise<DbmlCore> | undefined;

/** `@dbml/core` is large (its ANTLR grammars); it loads on the first schema import, not at start-up. */
function loadDbmlCore(): Promise<DbmlCore> {
  dbmlCore ??= import('@dbml/core');
  return dbmlCore;
}

async function parseFirst(
  text: string,
  formats: readonly DbmlCoreFormat[],
  what: string,
  decode?: LiteralDecoder,
): Promise<SchemaParse> {
  const { Parser } = await loadDbmlCore();
  let first: unknown;
  for (const format of formats) {
    let db: Database;
    try {
      db = Parser.parse(text, format);
    } catch (e) {
      first ??= e;
      continue;
    }
    const schema = databaseToSchema(db, decode);
    if (format !== 'dbmlv2' && format !== 'dbml') schema.defaultOnDelete = 'no action';
    return { ok: true, schema };
  }
  return { ok: false, diagnostics: parserDiagnostics(first, what) };
}

/** A DBML text: `dbmlv2`, then the legacy parser. */
export function parseDbml(text: string): Promise<SchemaParse> {
  return parseFirst(text, ['dbmlv2', 'dbml'], 'DBML');
}

/** MySQL or SQLite DDL through `@dbml/core`'s MySQL parser (it has no SQLite grammar of its own). */
export function parseMysql(text: string, dialect: 'mysql' | 'sqlite'): Promise<SchemaParse> {
  // @dbml/core returns string literals as written; SQLite knows only the '' escape.
  const decode: LiteralDecoder = dialect === 'mysql' ? decodeMysqlLiteral : (value) => value.replace(/''/g, "'");
  return parseFirst(text, ['mysql'], dialect === 'sqlite' ? 'SQLite DDL' : 'MySQL DDL', decode);
}

/** SQL Server DDL through `@dbml/core`'s T-SQL parser. */
export function parseMssql(text: string): Promise<SchemaParse> {
  return parseFirst(text, ['mssql'], 'SQL Server DDL');
}
