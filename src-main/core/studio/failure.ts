/**
 * Turning anything a handler throws into the `StudioError` the contract returns, by class and
 * code: a `DjForgeError` (review, regeneration, runs, documents, settings) keeps its code and
 * sentence; the output writer's and the settings store's errors keep theirs; anything else is a
 * bug and becomes `internal` with its message, never its stack.
 */
import type { StudioError } from '../../../src-shared/result';
import { DjForgeError } from '../errors';
import { PoolCancelledError } from '../agents/pool';
import { OutputError } from '../output/project-writer';
import { SettingsError } from '../settings/settings-document';

export function toStudioError(error: unknown): StudioError {
  if (error instanceof DjForgeError) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.diagnostics ? { diagnostics: error.diagnostics } : {}),
    };
  }
  if (error instanceof SettingsError) return { code: 'settings.invalid', message: error.message, retryable: false };
  if (error instanceof OutputError)
    return { code: error.code, message: error.message, retryable: error.code === 'output.write-failed' };
  if (error instanceof PoolCancelledError) return { code: 'run.cancelled', message: error.message, retryable: true };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'Unexpected error.', retryable: false };
}
