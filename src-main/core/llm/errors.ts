/**
 * One error type for every way a completion can fail, carrying only what recovery needs
 * (status, provider code, Retry-After headers, transport kind) and a redacted message. The SDK's
 * and undici's errors are narrowed here once, so nothing downstream inspects them.
 */
import { loadedOpenAI } from './openai-sdk';
import { redactSecrets } from './redact';

/**
 * How the request failed: an HTTP error status, an error event inside the stream, the
 * connection, our request timeout, the caller's abort, or something else.
 */
export type LlmErrorKind = 'http' | 'stream' | 'connection' | 'timeout' | 'aborted' | 'unknown';

export interface LlmErrorDetails {
  model?: string;
  status?: number;
  /** Provider error code, e.g. `context_length_exceeded`, `model_not_found`. */
  code?: string;
  type?: string;
  /** Raw `retry-after` header (seconds or HTTP date). */
  retryAfter?: string;
  /** Raw `retry-after-ms` header. */
  retryAfterMs?: string;
  /** System error code of the transport (`ECONNRESET`, …). */
  causeCode?: string;
}

export class LlmRequestError extends Error {
  override readonly name = 'LlmRequestError';

  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly details: LlmErrorDetails = {},
  ) {
    super(message);
  }
}

export interface NormalizeContext {
  /** Values to redact from the message (the API key). */
  secrets?: readonly (string | undefined)[];
  model?: string;
  /** Our own request timer fired. */
  timedOut?: boolean;
  /** The caller's signal was aborted. */
  userAborted?: boolean;
}

const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const CONNECTION_MESSAGE =
  /socket hang up|fetch failed|terminated|other side closed|connection error|network|ECONNRESET|ECONNREFUSED/i;

/** Narrows anything a completion can throw into an `LlmRequestError` with a redacted message. */
export function toLlmRequestError(error: unknown, context: NormalizeContext = {}): LlmRequestError {
  if (error instanceof LlmRequestError) return error;
  const secrets = context.secrets ?? [];
  const base: LlmErrorDetails = context.model === undefined ? {} : { model: context.model };
  const rawMessage = error instanceof Error ? error.message : String(error);
  const message = redactSecrets(rawMessage, secrets);
  const causeCode = findCauseCode(error);
  if (causeCode) base.causeCode = causeCode;

  if (context.userAborted) return new LlmRequestError('aborted', 'Request cancelled.', base);
  const OpenAI = loadedOpenAI();
  if (context.timedOut || (OpenAI && error instanceof OpenAI.APIConnectionTimeoutError)) {
    return new LlmRequestError('timeout', 'Request timed out.', base);
  }
  if ((OpenAI && error instanceof OpenAI.APIUserAbortError) || isAbortError(error)) {
    return new LlmRequestError('aborted', 'Request aborted.', base);
  }
  if (OpenAI && error instanceof OpenAI.APIConnectionError) {
    const cause = error.cause instanceof Error ? redactSecrets(error.cause.message, secrets) : '';
    return new LlmRequestError('connection', cause ? `${message} (${cause})` : message, base);
  }
  if (OpenAI && error instanceof OpenAI.APIError) {
    const details: LlmErrorDetails = { ...base };
    if (typeof error.code === 'string') details.code = error.code;
    else if (typeof error.code === 'number') details.code = String(error.code);
    if (error.type) details.type = error.type;
    if (error.status === undefined) return new LlmRequestError('stream', message, details);
    details.status = error.status;
    const retryAfter = error.headers?.get('retry-after');
    const retryAfterMs = error.headers?.get('retry-after-ms');
    if (retryAfter) details.retryAfter = retryAfter;
    if (retryAfterMs) details.retryAfterMs = retryAfterMs;
    return new LlmRequestError('http', message, details);
  }
  if ((causeCode && CONNECTION_CODES.has(causeCode)) || CONNECTION_MESSAGE.test(rawMessage)) {
    return new LlmRequestError('connection', message, base);
  }
  return new LlmRequestError('unknown', message, base);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** The first `code` string along the `cause` chain (undici nests the socket error). */
function findCauseCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code: unknown = Reflect.get(current, 'code');
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}
