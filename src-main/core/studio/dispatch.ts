/**
 * The one place a raw request becomes a handler call, shared by the Electron IPC wrapper and the
 * web host: look the method up, parse the payload with its schema, run the handler, and return
 * `{ ok, value } | { ok: false, error }` — errors are data, nothing is thrown across the boundary.
 */
import {
  describeIssues,
  isMethodName,
  STUDIO_METHODS,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../../src-shared/api';
import type { Result } from '../../../src-shared/result';
import { toStudioError } from './failure';

/** One function per method; each receives its parsed input. */
export type StudioHandlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

export async function dispatchStudio(
  handlers: StudioHandlers,
  method: string,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'request.unknown-method', message: `Unknown method "${method}".`, retryable: false },
    };
  }
  const parsed = STUDIO_METHODS[method].input.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'request.invalid', message: describeIssues(parsed.error, method), retryable: false },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    return { ok: false, error: toStudioError(e) };
  }
}
