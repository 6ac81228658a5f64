/**
 * The ERD module's public surface: import any supported format from text (JSON through
 * `importErdText`; JSON, DBML and SQL DDL through `importErdFile`), normalize and validate a
 * model, and write it as native JSON, DBML, SQL DDL or Mermaid. Hosts (CLI, app, web host, bench,
 * generator) import only from here.
 */
export type { ErdFormat } from './detect-format';
export { importErdText, type ImportResult } from './import-erd';
export { importErdFile, type ImportFileOptions } from './import-file';
export { SOURCE_FORMATS, isSourceFormat, detectSourceFormat, type SourceFormat } from './source-format';
export { EXPORT_FORMATS, isExportFormat, exportErdAs, exportExtension, type ExportFormat } from './export-erd';
export { normalizeErd } from './normalize';
export { validateErd } from './validate';
export { serializeErd } from './serialize';
export { ERD_CODES, type ErdCode } from './diagnostic-codes';
