/**
 * Errors are data when they cross a process or host boundary: `{ ok: true, value }` or
 * `{ ok: false, error }`, never a thrown exception the other side cannot reconstruct. The code
 * is one of `ERROR_CODES`, so the page can match on it.
 */
import { z } from 'zod';
import { DiagnosticSchema } from './diagnostics';
import { ErrorCodeSchema, type ErrorCode } from './error-codes';

export { ERROR_CODES, ErrorCodeSchema, type ErrorCode } from './error-codes';

export const StudioErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
  diagnostics: z.array(DiagnosticSchema).optional(),
});
export type StudioError = z.infer<typeof StudioErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: StudioError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, retryable = false): Result<never> => ({
  ok: false,
  error: { code, message, retryable },
});
