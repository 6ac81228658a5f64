/**
 * Turning anything a handler throws into the `StudioError` the contract returns. A handler throws
 * `StudioFailure` for expected refusals (with a stable code); anything else becomes
 * `internal` with its message, never its stack.
 */
import type { StudioError } from '../../../src-shared/result';
import type { Diagnostic } from '../../../src-shared/diagnostics';

export class StudioFailure extends Error {
  override name = 'StudioFailure';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = false,
    readonly diagnostics?: Diagnostic[],
  ) {
    super(message);
  }
}

export function toStudioError(error: unknown): StudioError {
  if (error instanceof StudioFailure) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.diagnostics ? { diagnostics: error.diagnostics } : {}),
    };
  }
  if (error instanceof Error && error.name === 'SettingsError')
    return { code: 'settings.invalid', message: error.message, retryable: false };
  if (error instanceof Error && error.name === 'OutputError') {
    const code = (error as Error & { code?: string }).code ?? 'output.failed';
    return { code, message: error.message, retryable: code === 'output.write-failed' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'Unexpected error.', retryable: false };
}
