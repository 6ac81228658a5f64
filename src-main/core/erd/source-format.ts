/**
 * Which schema language a file is written in, decided from its extension and its content, with
 * an explicit choice (`--from`) overriding both. JSON documents go on to the JSON importers'
 * own detection (native, seed-v2, seed-legacy).
 */

/** The source languages `importErdFile` reads. */
export const SOURCE_FORMATS = ['json', 'dbml', 'postgres', 'mysql', 'sqlite', 'mssql'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export function isSourceFormat(value: string): value is SourceFormat {
  return (SOURCE_FORMATS as readonly string[]).includes(value);
}

const MYSQL_HINTS = [/`/, /\bENGINE\s*=/i, /\bAUTO_INCREMENT\b/i, /\bUNSIGNED\b/i];
const SQLITE_HINTS = [/\bAUTOINCREMENT\b/i, /\bPRAGMA\b/i, /\bWITHOUT\s+ROWID\b/i];
const MSSQL_HINTS = [/^\s*GO\s*$/im, /\[dbo\]/i, /\bIDENTITY\s*\(/i, /\bNVARCHAR\b/i];
const SQL_START =
  /^\s*(--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(CREATE|ALTER|SET|DROP|BEGIN|PRAGMA|USE|INSERT|COMMENT|SELECT|START)\b/i;

/** The SQL dialect a file name suggests (`chinook.mysql.sql`), if any. */
function dialectFromName(fileName: string): SourceFormat | undefined {
  const name = fileName.toLowerCase();
  if (/(^|[^a-z])(mysql|mariadb)([^a-z]|$)/.test(name)) return 'mysql';
  if (/(^|[^a-z])sqlite3?([^a-z]|$)/.test(name)) return 'sqlite';
  if (/(^|[^a-z])(mssql|sqlserver|tsql)([^a-z]|$)/.test(name)) return 'mssql';
  if (/(^|[^a-z])(postgres|postgresql|pg|psql)([^a-z]|$)/.test(name)) return 'postgres';
  return undefined;
}

/** The dialect of an SQL text: the file name's hint, then tell-tale syntax, else PostgreSQL. */
export function sqlDialect(text: string, fileName: string): SourceFormat {
  const named = dialectFromName(fileName);
  if (named !== undefined) return named;
  if (MSSQL_HINTS.some((h) => h.test(text))) return 'mssql';
  if (SQLITE_HINTS.some((h) => h.test(text))) return 'sqlite';
  if (MYSQL_HINTS.some((h) => h.test(text))) return 'mysql';
  return 'postgres';
}

/** The format of `text` named `fileName`; `forced` (from `--from`) wins. */
export function detectSourceFormat(text: string, fileName: string, forced?: SourceFormat): SourceFormat {
  if (forced !== undefined) return forced;
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'json') return 'json';
  if (extension === 'dbml') return 'dbml';
  if (extension === 'sql' || extension === 'ddl') return sqlDialect(text, fileName);
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (SQL_START.test(text)) return sqlDialect(text, fileName);
  return 'dbml';
}
