/**
 * Problems found in user input or generated output, as data. Every diagnostic names where
 * (`path` inside the document, plus `file`/`line`/`column` when there is a source text) and says
 * what is wrong in a plain sentence, so every host can show it without further interpretation.
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const DiagnosticSchema = z.object({
  severity: SeveritySchema,
  /** Stable machine-readable id, e.g. `erd.unknown-entity`. */
  code: z.string(),
  /** A plain sentence naming the problem. */
  message: z.string(),
  /** Location inside the document, e.g. `entities.Job.fields.salary` or `Job.posted_by`. */
  path: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

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
