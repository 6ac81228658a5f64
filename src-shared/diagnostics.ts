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

export { formatDiagnostic, hasErrors } from './diagnostics-format';
