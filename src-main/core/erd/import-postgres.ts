/**
 * PostgreSQL DDL (a `pg_dump --schema-only` file, an install script, a migration) → schema model,
 * through PostgreSQL's own parser compiled to WebAssembly (`libpg-query`). Tables, columns and
 * their constraints, `ALTER TABLE … ADD` (columns and constraints, as pg_dump writes keys),
 * `CREATE TYPE … AS ENUM`, domains, `CREATE [UNIQUE] INDEX` and `COMMENT ON` are read; every other
 * statement is counted and reported in one note. psql meta-commands (`\connect`) are blanked first.
 */
import type * as LibPgQuery from 'libpg-query';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { ERD_CODES } from './diagnostic-codes';
import { error, info } from './report';
import type { SchemaParse } from './import-dbml';
import { ByteLines, listOf, nodeOf, textOf } from './pg-ast';
import { PgSchemaBuilder } from './pg-schema-builder';

type PgParser = typeof LibPgQuery;
let ready: Promise<PgParser> | undefined;
let parser: PgParser | undefined;

/** Loads the WebAssembly parser once per process, on the first PostgreSQL import (not at start-up). */
export function loadPostgresParser(): Promise<PgParser> {
  ready ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    parser = module;
    return module;
  });
  return ready;
}

/** Blanks psql meta-command lines (`\connect db`, `\set …`), keeping every offset, and counts them. */
function blankMetaCommands(text: string): { sql: string; count: number } {
  let count = 0;
  const sql = text
    .split('\n')
    .map((line) => {
      if (!line.trimStart().startsWith('\\')) return line;
      count++;
      return ' '.repeat(line.length);
    })
    .join('\n');
  return { sql, count };
}

/** The parser's error as a diagnostic at its line:column. */
function syntaxError(e: unknown, lines: ByteLines, text: string): Diagnostic {
  const details = (e as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  const message = details?.message ?? (e as Error).message ?? String(e);
  const d = error(ERD_CODES.schemaSyntax, undefined, `The PostgreSQL DDL does not parse: ${message}.`);
  const cursor = details?.cursorPosition;
  if (cursor === undefined) return d;
  const offset = Math.max(0, Math.min(cursor, Buffer.byteLength(text)));
  return { ...d, ...lines.at(offset) };
}

/** Parses PostgreSQL DDL into the schema model (call `loadPostgresParser` first). */
export function parsePostgres(text: string): SchemaParse {
  const { sql, count: metaCommands } = blankMetaCommands(text);
  const lines = new ByteLines(sql);
  if (parser === undefined) throw new Error('call loadPostgresParser() before parsePostgres()');
  let tree: { stmts?: { stmt?: unknown; stmt_location?: number }[] };
  try {
    tree = parser.parseSync(sql) as typeof tree;
  } catch (e) {
    return { ok: false, diagnostics: [syntaxError(e, lines, sql)] };
  }
  const builder = new PgSchemaBuilder(lines);
  const skipped = new Map<string, number>();
  const skip = (kind: string): void => {
    skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
  };
  const visit = (stmt: unknown, schema: string | undefined): void => {
    const kind = stmt !== null && typeof stmt === 'object' ? (Object.keys(stmt)[0] ?? 'statement') : 'statement';
    const node = nodeOf(stmt, kind);
    switch (kind) {
      case 'CreateStmt':
        if (!builder.createTable(node ?? {}, schema)) skip('partition');
        return;
      case 'AlterTableStmt':
        for (const cmd of builder.alterTable(node ?? {})) skip(cmd);
        return;
      case 'CreateEnumStmt':
        builder.createEnum(node ?? {}, schema);
        return;
      case 'CreateDomainStmt':
        builder.createDomain(node ?? {});
        return;
      case 'IndexStmt':
        builder.createIndex(node ?? {});
        return;
      case 'CommentStmt':
        if (!builder.comment(node ?? {})) skip('COMMENT');
        return;
      case 'CreateSchemaStmt': {
        const name = textOf(node, 'schemaname');
        for (const element of listOf(node, 'schemaElts')) visit(element, name);
        return;
      }
      default:
        skip(kind.replace(/Stmt$/, ''));
    }
  };
  for (const entry of tree.stmts ?? []) visit(entry.stmt, undefined);
  const doc = builder.document();
  const total = [...skipped.values()].reduce((a, b) => a + b, 0) + metaCommands;
  if (total > 0) {
    const kinds = [...skipped.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`);
    if (metaCommands > 0) kinds.push(`${metaCommands} psql meta-command${metaCommands === 1 ? '' : 's'}`);
    doc.diagnostics.push(
      info(
        ERD_CODES.statementsSkipped,
        undefined,
        `${total} statement${total === 1 ? '' : 's'} that do not define the schema's tables were skipped (${kinds.join(', ')}).`,
      ),
    );
  }
  return { ok: true, schema: doc };
}
