/**
 * The LLM engine for one unit: prompt, stream, extract, validate, and recover. Every failure is
 * classified (recovery/failure.ts) and the policy (recovery/policy.ts) picks the next step: wait
 * and retry, switch to the next model of the chain (cooling down or stopping the failed one for
 * every unit of the run; a Retry-After holds the model back for every unit too), shrink the prompt, continue a truncated answer, repair invalid code,
 * nudge a prose-only answer. When nothing is left the unit falls back to its deterministic draft.
 * Every attempt is recorded. Only the caller's cancellation escapes as an error.
 */
import type { PoolEvent } from '../agents/events';
import type { AttemptRecord } from '../recovery/attempt';
import type { ModelCooldowns } from '../recovery/cooldowns';
import { classifyFailure, type Failure, type FailureClass } from '../recovery/failure';
import type { RecoveryAction, RecoveryPolicy } from '../recovery/policy';
import { extractCode } from './extract-code';
import {
  nextShrinkLevel,
  CONTINUE_MESSAGE,
  NUDGE_MESSAGE,
  repairMessage,
  topLevelNames,
  unitMessages,
  type UnitPromptInput,
} from './prompt';
import { formatSyntaxIssue, type SyntaxChecker } from './python-syntax';
import type { ChatMessage, CompletionResult, LlmClient } from './types';

export interface RefineContext {
  client: LlmClient;
  /** The primary model first, then the fallback chain. */
  models: readonly string[];
  policy: RecoveryPolicy;
  cooldowns: ModelCooldowns;
  checker: SyntaxChecker | null;
  signal: AbortSignal;
  temperature?: number;
  maxTokens?: number;
  onEvent: (event: PoolEvent) => void;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
}

export type RefineOutcome =
  | { status: 'ok'; code: string; model: string; tokens: number; durationMs: number; attempts: AttemptRecord[] }
  | { status: 'fallback'; reason: string; tokens: number; durationMs: number; attempts: AttemptRecord[] };

/** The cancellation of a unit by the caller's signal. */
export class UnitCancelledError extends Error {
  override readonly name = 'UnitCancelledError';
}

interface Conversation {
  base: ChatMessage[];
  followUp: ChatMessage[];
  /** Text of earlier truncated parts, prepended to the next answer. */
  prefix: string;
}

/**
 * Refines one unit through the model chain with recovery. Resolves `ok` with validated code or
 * `fallback` with the reason (the caller uses the draft); rejects only with UnitCancelledError.
 */
export async function refineUnit(input: UnitPromptInput, ctx: RefineContext): Promise<RefineOutcome> {
  const attempts: AttemptRecord[] = [];
  const started = ctx.now();
  const expectedNames = input.language === 'python' ? topLevelNames(input.draft) : [];
  let modelIndex = 0;
  let shrinkLevel = 0;
  let shrinks = 0;
  let perModel = freshCounters();
  let conversation: Conversation = { base: unitMessages(input, 0), followUp: [], prefix: '' };
  let tokens = 0;

  const fallback = (reason: string): RefineOutcome => {
    ctx.onEvent({ type: 'fellBack', unitId: input.unitId, file: input.file, reason });
    return { status: 'fallback', reason, tokens, durationMs: ctx.now() - started, attempts };
  };

  for (;;) {
    const pick = pickModel(ctx, modelIndex);
    if (pick === null) return fallback('every model of the chain is stopped');
    modelIndex = pick.index;
    if (pick.waitMs > 0) await sleepOrCancel(ctx, pick.waitMs);
    const model = ctx.models[modelIndex] as string;
    ctx.onEvent({ type: 'started', unitId: input.unitId, agent: input.agent, file: input.file, model });
    const attemptStart = ctx.now();
    let failure: Failure | null;
    let answerText = '';
    let attemptTokens = 0;
    let code: string | null = null;
    try {
      const result: CompletionResult = await ctx.client.complete({
        model,
        messages: [...conversation.base, ...conversation.followUp],
        signal: ctx.signal,
        onDelta: (delta, text) =>
          ctx.onEvent({ type: 'streaming', unitId: input.unitId, model, delta, text: conversation.prefix + text }),
        ...(ctx.temperature === undefined ? {} : { temperature: ctx.temperature }),
        ...(ctx.maxTokens === undefined ? {} : { maxTokens: ctx.maxTokens }),
      });
      attemptTokens = result.usage?.totalTokens ?? 0;
      answerText = result.text;
      const combined = conversation.prefix + result.text;
      code = result.finishReason === 'length' ? null : extractCode(combined, input.language);
      const validationError = code === null ? null : await validate(code, expectedNames, ctx.checker);
      failure = classifyFailure({
        kind: 'answer',
        text: combined,
        finishReason: result.finishReason,
        code,
        validationError,
      });
    } catch (error) {
      failure = classifyFailure(error, { now: ctx.now });
    }
    tokens += attemptTokens;
    const durationMs = ctx.now() - attemptStart;
    if (failure === null && code !== null) {
      attempts.push({ model, outcome: 'ok', action: 'accept', waitMs: 0, durationMs, tokens: attemptTokens });
      return { status: 'ok', code, model, tokens, durationMs: ctx.now() - started, attempts };
    }
    const failed = failure ?? { class: 'proseOnly' as const, message: 'No code in the answer.' };
    if (failed.class === 'aborted' || ctx.signal.aborted) throw new UnitCancelledError(`${input.unitId}: cancelled`);

    perModel.classCounts.set(failed.class, (perModel.classCounts.get(failed.class) ?? 0) + 1);
    const action = ctx.policy.decide(failed, {
      sameClassFailures: perModel.classCounts.get(failed.class) ?? 1,
      totalAttempts: attempts.length + 1,
      continuations: perModel.continuations,
      repairs: perModel.repairs,
      shrinks,
      canShrink: nextShrinkLevel(input, shrinkLevel) !== null,
      canSplit: false,
      hasNextModel: nextUsableIndex(ctx, modelIndex) !== null,
    });
    const waitMs = action.kind === 'retry' ? action.waitMs : 0;
    if (action.kind === 'retry' && failed.retryAfterMs !== undefined)
      ctx.cooldowns.coolDown(model, waitMs, failed.message);
    const record: AttemptRecord = {
      model,
      outcome: failed.class,
      action: action.kind,
      waitMs,
      durationMs,
      tokens: attemptTokens,
      message: failed.message,
    };
    attempts.push(record);
    if (action.kind === 'giveUp') return fallback(`${action.reason}: ${failed.message}`);

    const previous = conversation;
    conversation = nextConversation(action, previous, answerText, failed, input);
    if (action.kind === 'shrink') {
      shrinkLevel = nextShrinkLevel(input, shrinkLevel) ?? shrinkLevel;
      shrinks += 1;
      conversation = { base: unitMessages(input, shrinkLevel), followUp: [], prefix: '' };
    }
    if (action.kind === 'continue') perModel.continuations += 1;
    if (action.kind === 'repair') perModel.repairs += 1;
    if (action.kind === 'switchModel') {
      if (action.stop) ctx.cooldowns.stop(model, failed.message);
      else if (action.cooldownMs > 0) ctx.cooldowns.coolDown(model, action.cooldownMs, failed.message);
      modelIndex = nextUsableIndex(ctx, modelIndex) ?? modelIndex;
      perModel = freshCounters();
      conversation = { base: unitMessages(input, shrinkLevel), followUp: [], prefix: '' };
    }
    const nextModel = ctx.models[modelIndex] as string;
    ctx.onEvent({ type: 'retrying', unitId: input.unitId, attempt: record, nextModel, waitMs });
    if (waitMs > 0) await sleepOrCancel(ctx, waitMs);
  }
}

function freshCounters() {
  return { classCounts: new Map<FailureClass, number>(), continuations: 0, repairs: 0 };
}

function nextConversation(
  action: RecoveryAction,
  previous: Conversation,
  answer: string,
  failure: Failure,
  input: UnitPromptInput,
): Conversation {
  switch (action.kind) {
    case 'continue':
      return {
        base: previous.base,
        followUp: [
          ...previous.followUp,
          { role: 'assistant', content: answer },
          { role: 'user', content: CONTINUE_MESSAGE },
        ],
        prefix: previous.prefix + answer,
      };
    case 'repair':
      return {
        base: previous.base,
        followUp: [
          { role: 'assistant', content: previous.prefix + answer },
          { role: 'user', content: repairMessage(failure.validationError ?? failure.message, input.language) },
        ],
        prefix: '',
      };
    case 'nudge':
      return {
        base: previous.base,
        followUp: [
          { role: 'assistant', content: answer },
          { role: 'user', content: NUDGE_MESSAGE },
        ],
        prefix: '',
      };
    default:
      return { base: previous.base, followUp: [], prefix: '' };
  }
}

/** The syntax error, or the first draft name the answer lost, or null. */
async function validate(
  code: string,
  expectedNames: readonly string[],
  checker: SyntaxChecker | null,
): Promise<string | null> {
  if (checker) {
    const issue = await checker.check(code);
    if (issue) return formatSyntaxIssue(issue);
  }
  const present = new Set(topLevelNames(code));
  const lost = expectedNames.find((n) => !present.has(n));
  return lost === undefined ? null : `it no longer defines \`${lost}\`, which the draft defines and other files use`;
}

/** The next model after `index` in the chain that is not stopped for the run, or null. */
function nextUsableIndex(ctx: RefineContext, index: number): number | null {
  for (let i = index + 1; i < ctx.models.length; i++) if (!ctx.cooldowns.isStopped(ctx.models[i] as string)) return i;
  return null;
}

/**
 * The model to use now: the current one unless stopped; a cooling model is swapped for an
 * available one later in the chain (or from the start), else waited for, at most the policy's
 * longest backoff.
 */
function pickModel(ctx: RefineContext, index: number): { index: number; waitMs: number } | null {
  const order = [...ctx.models.keys()].slice(index).concat([...ctx.models.keys()].slice(0, index));
  const usable = order.filter((i) => !ctx.cooldowns.isStopped(ctx.models[i] as string));
  if (usable.length === 0) return null;
  const available = usable.find((i) => ctx.cooldowns.isAvailable(ctx.models[i] as string));
  if (available !== undefined) return { index: available, waitMs: 0 };
  const soonest = usable.reduce((a, b) =>
    ctx.cooldowns.availableAt(ctx.models[a] as string) <= ctx.cooldowns.availableAt(ctx.models[b] as string) ? a : b,
  );
  const wait = ctx.cooldowns.availableAt(ctx.models[soonest] as string) - ctx.now();
  return { index: soonest, waitMs: Math.min(Math.max(0, wait), ctx.policy.maxDelayMs) };
}

async function sleepOrCancel(ctx: RefineContext, ms: number): Promise<void> {
  try {
    await ctx.sleep(ms, ctx.signal);
  } catch {
    throw new UnitCancelledError('cancelled while waiting');
  }
  if (ctx.signal.aborted) throw new UnitCancelledError('cancelled while waiting');
}

/** A timer that resolves after `ms` and rejects at once when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new UnitCancelledError('cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new UnitCancelledError('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
