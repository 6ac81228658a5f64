/**
 * Errors are data when they cross a process or host boundary: `{ ok: true, value }` or
 * `{ ok: false, error }`, never a thrown exception the other side cannot reconstruct.
 */
import { z } from 'zod';
import { DiagnosticSchema } from './diagnostics';

export const StudioErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  diagnostics: z.array(DiagnosticSchema).optional(),
});
export type StudioError = z.infer<typeof StudioErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: StudioError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, retryable = false): Result<never> => ({
  ok: false,
  error: { code, message, retryable },
});
