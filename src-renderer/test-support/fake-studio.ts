/**
 * A Studio host for renderer tests: the page's boundary is the `StudioClient`, so tests replace
 * the host (not the renderer's code) with answers per method, record every call, and emit
 * events as the host would. A method the test did not answer fails with a sentence naming it.
 */
import type { ErrorCode } from '@shared/error-codes';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, StudioClient } from '@shared/api';
import { EVENT_NAMES, METHOD_NAMES, subscriberName } from '@shared/api/contract-names';
import type { Result } from '@shared/result';
import { connectClient } from '@renderer/lib/client';
import { useStudio } from '@renderer/store';
import { useRunText } from '@renderer/store/streams';

export type Answers = {
  [M in MethodName]?: (input: MethodInput<M>) => Result<MethodOutput<M>> | MethodOutput<M>;
};

export interface FakeStudio {
  client: StudioClient;
  calls: { method: MethodName; input: unknown }[];
  /** The inputs of every call of `method`, in order. */
  inputs<M extends MethodName>(method: M): MethodInput<M>[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';

export function fakeStudio(answers: Answers = {}): FakeStudio {
  const calls: FakeStudio['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    client[method] = async (input: unknown): Promise<Result<unknown>> => {
      calls.push({ method, input });
      const answer = answers[method] as ((input: unknown) => unknown) | undefined;
      if (!answer) {
        return {
          ok: false,
          error: { code: 'internal', message: `The test did not expect ${method}.`, retryable: false },
        };
      }
      const value = answer(input);
      return isResult(value) ? value : { ok: true, value };
    };
  }
  for (const name of EVENT_NAMES) {
    client[subscriberName(name)] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  return {
    client: client as StudioClient,
    calls,
    inputs: <M extends MethodName>(method: M) =>
      calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>),
    emit: (name, payload) => listeners.get(name)?.forEach((listener) => listener(payload)),
  };
}

/** A fresh store and a fake host connected as the page's client. */
export function connectFakeStudio(answers: Answers = {}): FakeStudio {
  useStudio.setState(useStudio.getInitialState(), true);
  useRunText.setState(useRunText.getInitialState(), true);
  const studio = fakeStudio(answers);
  connectClient(studio.client);
  return studio;
}

export const refusal = (code: ErrorCode, message: string, retryable = false): Result<never> => ({
  ok: false,
  error: { code, message, retryable },
});
