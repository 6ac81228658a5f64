/**
 * Failure classification: every way an attempt can go wrong, reduced to one class that the
 * recovery policy acts on. Errors (HTTP, stream, transport, timeout, abort) and unusable answers
 * (truncated, empty, prose only, invalid code) go through the same function.
 */
import { LlmRequestError, toLlmRequestError } from '../llm/errors';
import { parseRetryAfter } from './retry-after';

export const FAILURE_CLASSES = [
  'rateLimit',
  'server',
  'timeout',
  'connection',
  'streamError',
  'truncated',
  'empty',
  'proseOnly',
  'invalidCode',
  'contextTooLong',
  'auth',
  'payment',
  'modelNotFound',
  'badRequest',
  'aborted',
] as const;

/**
 * `badRequest` covers 400/422 answers that are none of the named cases: retrying the same
 * request cannot help, another model might.
 */
export type FailureClass = (typeof FAILURE_CLASSES)[number];

export interface Failure {
  class: FailureClass;
  /** Redacted, human-readable. */
  message: string;
  status?: number;
  /** From `retry-after-ms` / `retry-after`, for rate limits (and 503s that send it). */
  retryAfterMs?: number;
  /** The validator's error, for `invalidCode`. */
  validationError?: string;
}

/** A completed answer, judged after extraction and validation. */
export interface AnswerOutcome {
  kind: 'answer';
  text: string;
  finishReason: string | null;
  /** What `extractCode` found, or null. */
  code: string | null;
  /** The validator's error for `code`, or null/undefined when it passed (or was not run). */
  validationError?: string | null;
}

export interface ClassifyOptions {
  now?: () => number;
}

const CONTEXT_MESSAGE =
  /context[ _-]?length|maximum context|context window|too many tokens|reduce the length|prompt is too long|input is too long/i;
const MODEL_MESSAGE = /model.*(does not exist|not found|not a valid model|unknown)|no such model|invalid model/i;

export function isAnswerOutcome(value: unknown): value is AnswerOutcome {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'answer';
}

/**
 * Classifies a thrown error (any: `LlmRequestError`, SDK errors, undici errors) or an answer.
 * For an answer, returns null when it is usable.
 */
export function classifyFailure(outcome: AnswerOutcome, options?: ClassifyOptions): Failure | null;
export function classifyFailure(error: unknown, options?: ClassifyOptions): Failure;
export function classifyFailure(input: unknown, options: ClassifyOptions = {}): Failure | null {
  if (isAnswerOutcome(input)) return classifyAnswer(input);
  return classifyError(input instanceof LlmRequestError ? input : toLlmRequestError(input), options.now ?? Date.now);
}

function classifyAnswer(answer: AnswerOutcome): Failure | null {
  if (answer.finishReason === 'length')
    return { class: 'truncated', message: 'The answer was cut off (finish_reason: length).' };
  if (answer.text.trim() === '') return { class: 'empty', message: 'The answer was empty.' };
  if (answer.code === null) return { class: 'proseOnly', message: 'The answer contained no code.' };
  if (answer.validationError) {
    return {
      class: 'invalidCode',
      message: `The code failed validation: ${answer.validationError}`,
      validationError: answer.validationError,
    };
  }
  return null;
}

function classifyError(error: LlmRequestError, now: () => number): Failure {
  const message = error.message;
  switch (error.kind) {
    case 'aborted':
      return { class: 'aborted', message };
    case 'timeout':
      return { class: 'timeout', message };
    case 'connection':
      return { class: 'connection', message };
    case 'stream':
      return CONTEXT_MESSAGE.test(message) ? { class: 'contextTooLong', message } : { class: 'streamError', message };
    case 'unknown':
      return { class: 'server', message };
    case 'http':
      return classifyStatus(error, now);
  }
}

function classifyStatus(error: LlmRequestError, now: () => number): Failure {
  const { status = 0, code = '' } = error.details;
  const message = error.message;
  const base = { message, status };
  if (status === 429) {
    if (code === 'insufficient_quota') return { ...base, class: 'payment' };
    const retryAfterMs = parseRetryAfter(error.details, now());
    return retryAfterMs === undefined ? { ...base, class: 'rateLimit' } : { ...base, class: 'rateLimit', retryAfterMs };
  }
  if (status === 401 || status === 403) return { ...base, class: 'auth' };
  if (status === 402) return { ...base, class: 'payment' };
  if (status === 404) return { ...base, class: 'modelNotFound' };
  if (status === 408) return { ...base, class: 'timeout' };
  if (status === 413 || code === 'context_length_exceeded' || CONTEXT_MESSAGE.test(message))
    return { ...base, class: 'contextTooLong' };
  if (code === 'model_not_found' || MODEL_MESSAGE.test(message)) return { ...base, class: 'modelNotFound' };
  if (status >= 500 || status === 409) {
    const retryAfterMs = parseRetryAfter(error.details, now());
    return retryAfterMs === undefined ? { ...base, class: 'server' } : { ...base, class: 'server', retryAfterMs };
  }
  return { ...base, class: 'badRequest' };
}
