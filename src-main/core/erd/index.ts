/**
 * The ERD module's public surface: import any supported format from text, normalize and validate
 * a model, and write the canonical native text. Hosts (CLI, app, web host, bench, generator)
 * import only from here.
 */
export type { ErdFormat } from './detect-format';
export { importErdText, type ImportResult } from './import-erd';
export { normalizeErd } from './normalize';
export { validateErd } from './validate';
export { serializeErd } from './serialize';
export { ERD_CODES, type ErdCode } from './diagnostic-codes';
