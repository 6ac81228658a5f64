/**
 * The one way actions call the Studio: `call(method, input)` returns the method's value, or
 * null after showing the failure as a toast sentence. Hosts return typed errors
 * (`{ ok: false, error: { code, message } }`); `errorSentence` turns one into what the user
 * reads, with advice where the code calls for it. Nothing here throws to a component.
 */
import type { MethodInput, MethodName, MethodOutput } from '@shared/api';
import type { ErrorCode } from '@shared/error-codes';
import type { Result, StudioError } from '@shared/result';
import { showError } from '@renderer/store';
import { studio } from './client';

/** Advice appended for codes whose message alone does not say what to do next. */
const ADVICE: Partial<Record<ErrorCode, string>> = {
  'host.refused': 'Open the page again from the address “djforge serve” printed.',
  'run.busy': 'Wait for it to finish or cancel it.',
  internal: 'This is a fault in DjForge, not in your input.',
};

const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** The toast's sentence for a typed error from `method`. */
export function errorSentence(method: MethodName, error: StudioError): string {
  const message = error.message.trim();
  const base = sentence(message === '' ? `${method} failed (${error.code})` : message);
  const advice = ADVICE[error.code] ?? (error.retryable && !base.endsWith('?') ? 'Try again in a moment.' : null);
  return advice ? `${base} ${advice}` : base;
}

/**
 * Calls a Studio method and hands back its result without showing anything: for the few actions
 * that answer a particular error themselves (a confirmation the host asks for).
 */
export async function callResult<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  try {
    const fn = studio()[method] as (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
    return await fn(input);
  } catch (e) {
    return {
      ok: false,
      error: { code: 'host.unreachable', message: e instanceof Error ? e.message : String(e), retryable: false },
    };
  }
}

/** Calls a Studio method; on failure shows the error sentence and returns null. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | null> {
  const result = await callResult(method, input);
  if (result.ok) return result.value;
  showError(errorSentence(method, result.error));
  return null;
}
