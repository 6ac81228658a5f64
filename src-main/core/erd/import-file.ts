/**
 * One entry point for every ERD source a person has: djforge/seed JSON, DBML, and SQL DDL for
 * PostgreSQL, MySQL, SQLite and SQL Server. The format comes from the extension and the content
 * (or the caller's choice); schemas are parsed by real parsers, mapped to the model, and then
 * normalized and validated exactly like a JSON document, with every diagnostic naming the file.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { hasErrors } from '../../../src-shared/diagnostics';
import { appsFromGroups } from './apps-from-groups';
import { importErdText, type ImportResult } from './import-erd';
import { parseDbml, parseMssql, parseMysql, type SchemaParse } from './import-dbml';
import { loadPostgresParser, parsePostgres } from './import-postgres';
import { projectNameFromFile, snakeCase } from './naming';
import { normalizeErd } from './normalize';
import { schemaToErd } from './schema-to-erd';
import { detectSourceFormat, type SourceFormat } from './source-format';
import { validateErd } from './validate';

/** Choices a caller can make about an import. */
export interface ImportFileOptions {
  /** Force the source language instead of detecting it. */
  from?: SourceFormat;
  /**
   * Turn the ERD's groups (DBML TableGroups, the editor's groups) into Django apps; without it
   * only an ERD of more than LARGE_ERD_ENTITIES entities is split (see apps-from-groups.ts).
   */
  groupsAsApps?: boolean;
}

/** Parses a schema text in `format` (PostgreSQL needs its WebAssembly parser loaded). */
export async function parseSchema(text: string, format: Exclude<SourceFormat, 'json'>): Promise<SchemaParse> {
  switch (format) {
    case 'dbml':
      return parseDbml(text);
    case 'postgres':
      await loadPostgresParser();
      return parsePostgres(text);
    case 'mysql':
      return parseMysql(text, 'mysql');
    case 'mssql':
      return parseMssql(text);
    case 'sqlite': {
      const viaMysql = await parseMysql(text, 'sqlite');
      if (viaMysql.ok) return withRowidKeys(viaMysql);
      await loadPostgresParser();
      const viaPostgres = parsePostgres(text);
      return withRowidKeys(viaPostgres.ok ? viaPostgres : viaMysql);
    }
  }
}

/** SQLite numbers an `INTEGER PRIMARY KEY` itself (it is the rowid), as if it said AUTOINCREMENT. */
function withRowidKeys(parsed: SchemaParse): SchemaParse {
  if (!parsed.ok) return parsed;
  for (const table of parsed.schema.tables) {
    const key = table.primaryKey.length === 1 ? table.columns.find((c) => c.name === table.primaryKey[0]) : undefined;
    if (key !== undefined && /^integer$/i.test(key.type.name)) key.increment = true;
  }
  return parsed;
}

/** Imports `text` (named `fileName`) from any supported format into a normalized, validated ERD. */
export async function importErdFile(
  text: string,
  fileName: string,
  options: ImportFileOptions = {},
): Promise<ImportResult> {
  const format = detectSourceFormat(text, fileName, options.from);
  if (format === 'json') return withGroupsAsApps(importErdText(text, fileName), options, fileName);
  const withFile = (d: Diagnostic): Diagnostic => ({ ...d, file: fileName });
  const parsed = await parseSchema(text, format);
  if (!parsed.ok) return { erd: null, format, diagnostics: parsed.diagnostics.map(withFile) };
  const projectName =
    parsed.schema.projectName !== undefined
      ? projectFromTitle(parsed.schema.projectName, fileName)
      : projectNameFromFile(fileName);
  const imported = schemaToErd(parsed.schema, { projectName, groupsAsApps: options.groupsAsApps === true });
  const diagnostics = [...imported.diagnostics];
  let erd = imported.erd;
  if (erd !== null) {
    const normalized = normalizeErd(erd);
    erd = normalized.erd;
    diagnostics.push(...normalized.diagnostics, ...validateErd(erd));
  }
  const located = diagnostics.map(withFile);
  return { erd: hasErrors(located) ? null : erd, format, diagnostics: located };
}

/** A JSON document's groups become apps when asked (schemas do it while they are mapped). */
function withGroupsAsApps(result: ImportResult, options: ImportFileOptions, fileName: string): ImportResult {
  if (options.groupsAsApps !== true || result.erd === null) return result;
  const erd = structuredClone(result.erd);
  const notes = appsFromGroups(erd, 'always').map((d): Diagnostic => ({ ...d, file: fileName }));
  return { erd, format: result.format, diagnostics: [...result.diagnostics, ...notes] };
}

/** The project package from a DBML `Project` name, falling back to the file name when it is unusable. */
function projectFromTitle(title: string, fileName: string): string {
  const fromTitle = projectNameFromFile(`${snakeCase(title)}.dbml`);
  return fromTitle === 'project' ? projectNameFromFile(fileName) : fromTitle;
}
