/**
 * The LLM engine for one unit: prompt, stream, extract, validate, and recover. Every failure is
 * classified (recovery/failure.ts) and the policy (recovery/policy.ts) picks the next step: wait
 * and retry, switch to the next model of the chain (cooling down or stopping the failed one for
 * every unit of the run; a Retry-After holds the model back for every unit too), shrink the prompt, continue a truncated answer, repair invalid code,
 * nudge a prose-only answer. When nothing is left the unit falls back to its deterministic draft.
 * Staying on the same model is a retry, never a switch. The run's circuit breaker (cooldowns.ts)
 * takes a model whose server keeps failing out of every unit at once, and a unit has a budget —
 * the policy's attempts and `unitBudgetMs` of total time, waits included — after which it falls
 * back. Every attempt is recorded with the time waited after it. Only the caller's cancellation
 * escapes as an error.
 */
import type { PoolEvent } from '../agents/events';
import type { AttemptRecord } from '../recovery/attempt';
import type { ModelCooldowns } from '../recovery/cooldowns';
import { nextUsableIndex, pickModel } from '../recovery/model-choice';
import { classifyFailure, type Failure, type FailureClass } from '../recovery/failure';
import type { RecoveryAction, RecoveryPolicy } from '../recovery/policy';
import { extractCodeCandidates } from './extract-code';
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
  const deadline = started + ctx.policy.unitBudgetMs;
  const budgetLeft = () => deadline - ctx.now();
  const budgetSpent = () =>
    `the unit's budget of ${seconds(ctx.policy.unitBudgetMs)} s is spent after ${attempts.length} attempt${attempts.length === 1 ? '' : 's'}`;
  /** Time waited for a cooling model before the first attempt (later waits go on the attempt before them). */
  let waitedBeforeFirst = 0;
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
    if (budgetLeft() <= 0) return fallback(budgetSpent());
    const pick = pickModel(ctx, modelIndex);
    if ('reason' in pick) return fallback(pick.reason);
    if (pick.waitMs > budgetLeft()) return fallback(budgetSpent());
    modelIndex = pick.index;
    if (pick.waitMs > 0) {
      const previous = attempts.at(-1);
      if (previous) previous.waitMs += pick.waitMs;
      else waitedBeforeFirst += pick.waitMs;
      await sleepOrCancel(ctx, pick.waitMs);
    }
    const model = ctx.models[modelIndex] as string;
    ctx.onEvent({ type: 'started', unitId: input.unitId, agent: input.agent, file: input.file, model });
    const attemptStart = ctx.now();
    let failure: Failure | null;
    let answerText = '';
    let attemptTokens = 0;
    let usage: { tokensIn?: number; tokensOut?: number } = {};
    let code: string | null = null;
    const budget = AbortSignal.timeout(Math.max(1, budgetLeft()));
    try {
      const result: CompletionResult = await ctx.client.complete({
        model,
        messages: [...conversation.base, ...conversation.followUp],
        signal: AbortSignal.any([ctx.signal, budget]),
        onDelta: (delta, text) =>
          ctx.onEvent({ type: 'streaming', unitId: input.unitId, model, delta, text: conversation.prefix + text }),
        ...(ctx.temperature === undefined ? {} : { temperature: ctx.temperature }),
        ...(ctx.maxTokens === undefined ? {} : { maxTokens: ctx.maxTokens }),
      });
      attemptTokens = result.usage?.totalTokens ?? 0;
      if (result.usage) usage = { tokensIn: result.usage.promptTokens, tokensOut: result.usage.completionTokens };
      answerText = result.text;
      const combined = conversation.prefix + result.text;
      const candidates = result.finishReason === 'length' ? [] : extractCodeCandidates(combined, input.language);
      code = candidates[0] ?? null;
      let validationError = code === null ? null : await validate(code, expectedNames, ctx.checker);
      // The chosen block failed the unit's checks: another block of the same answer may be the unit.
      for (const other of candidates.slice(1)) {
        if (validationError === null) break;
        if ((await validate(other, expectedNames, ctx.checker)) === null) {
          code = other;
          validationError = null;
        }
      }
      failure = classifyFailure({
        kind: 'answer',
        text: combined,
        finishReason: result.finishReason,
        code,
        validationError,
      });
    } catch (error) {
      failure =
        budget.aborted && !ctx.signal.aborted
          ? { class: 'timeout', message: `The answer did not arrive within the unit's budget.` }
          : classifyFailure(error, { now: ctx.now });
    }
    tokens += attemptTokens;
    const durationMs = ctx.now() - attemptStart;
    const firstWait = attempts.length === 0 && waitedBeforeFirst > 0 ? { waitedBeforeMs: waitedBeforeFirst } : {};
    if (failure === null && code !== null) {
      ctx.cooldowns.recordSuccess(model);
      attempts.push({
        model,
        outcome: 'ok',
        action: 'accept',
        waitMs: 0,
        durationMs,
        tokens: attemptTokens,
        ...usage,
        ...firstWait,
      });
      return { status: 'ok', code, model, tokens, durationMs: ctx.now() - started, attempts };
    }
    const failed = failure ?? { class: 'proseOnly' as const, message: 'No code in the answer.' };
    if (failed.class === 'aborted' || ctx.signal.aborted) throw new UnitCancelledError(`${input.unitId}: cancelled`);

    perModel.classCounts.set(failed.class, (perModel.classCounts.get(failed.class) ?? 0) + 1);
    const { breakerThreshold, breakerOpenMs } = ctx.policy;
    const opened = ctx.cooldowns.recordFailure(model, failed.class, failed.message, breakerThreshold, breakerOpenMs);
    let action = ctx.policy.decide(failed, {
      sameClassFailures: perModel.classCounts.get(failed.class) ?? 1,
      totalAttempts: attempts.length + 1,
      continuations: perModel.continuations,
      repairs: perModel.repairs,
      shrinks,
      canShrink: nextShrinkLevel(input, shrinkLevel) !== null,
      canSplit: false,
      hasNextModel: nextUsableIndex(ctx, modelIndex) !== null,
    });
    if (opened && action.kind === 'retry') {
      action =
        nextUsableIndex(ctx, modelIndex) === null
          ? { kind: 'giveUp', reason: `the circuit of ${model} is open (${breakerThreshold} server failures in a row)` }
          : { kind: 'switchModel', cooldownMs: 0, stop: false };
    }
    if (action.kind === 'retry' && action.waitMs >= budgetLeft()) action = { kind: 'giveUp', reason: budgetSpent() };
    if (budgetLeft() <= 0 && action.kind !== 'giveUp') action = { kind: 'giveUp', reason: budgetSpent() };
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
      ...usage,
      message: failed.message,
      ...firstWait,
    };
    attempts.push(record);
    if (action.kind === 'giveUp') {
      if (action.stop) ctx.cooldowns.stop(model, failed.message);
      else if (action.cooldownMs) ctx.cooldowns.coolDown(model, action.cooldownMs, failed.message);
      return fallback(`${action.reason}: ${failed.message}`);
    }

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

/** Seconds for a sentence: one decimal below ten. */
const seconds = (ms: number) => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));

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
