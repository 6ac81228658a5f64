/**
 * What every host does with a diagnostic, without zod, so the renderer can show diagnostics
 * without bundling the schema library. `diagnostics.ts` re-exports these.
 */
import type { Diagnostic } from './diagnostics';

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:column: severity [code] path: message` — the one textual rendering of a diagnostic. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((p) => p !== undefined).join(':');
  const prefix = where ? `${where}: ` : '';
  const path = d.path ? `${d.path}: ` : '';
  return `${prefix}${d.severity} [${d.code}] ${path}${d.message}`;
}
