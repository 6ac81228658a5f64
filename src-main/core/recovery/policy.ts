/**
 * The recovery policy: given a classified failure and what has been tried so far for a unit,
 * decide the next step. Pure and deterministic given its `random`, so every branch is tested
 * without timers or a network.
 */
import type { Failure, FailureClass } from './failure';

export type RecoveryAction =
  /** Same model, same prompt, after `waitMs`. */
  | { kind: 'retry'; waitMs: number }
  /** Leave this model for the unit: cool it down for `cooldownMs`, or stop it for the run. */
  | { kind: 'switchModel'; cooldownMs: number; stop: boolean }
  /** Rebuild the prompt at the next shrink level (context too long). */
  | { kind: 'shrink' }
  /** Ask the model to continue a truncated answer; the parts are concatenated. */
  | { kind: 'continue' }
  /** Run the unit's smaller parts instead (a truncated unit that continuing could not finish). */
  | { kind: 'split' }
  /** Send the validator's error back for a corrected file. */
  | { kind: 'repair' }
  /** Remind the model to answer with a fenced code block (prose-only answer). */
  | { kind: 'nudge' }
  /**
   * Stop: the unit falls back (or is cancelled, for `aborted`). Staying on the same model is never
   * a "switch": with no other model left the unit gives up, still cooling down (`cooldownMs`) or
   * stopping (`stop`) the model for the other units.
   */
  | { kind: 'giveUp'; reason: string; cooldownMs?: number; stop?: boolean };

/** What has been tried for the unit; counters are per current model unless noted. */
export interface RecoveryState {
  /** Failures of this class on the current model, including the one being decided. */
  sameClassFailures: number;
  /** Attempts over all models so far, including the failed one. */
  totalAttempts: number;
  continuations: number;
  repairs: number;
  shrinks: number;
  canShrink: boolean;
  canSplit: boolean;
  hasNextModel: boolean;
}

export interface RecoveryPolicyOptions {
  /** First backoff delay (ms); doubles per failure. Default 500. */
  baseDelayMs?: number;
  /** Backoff ceiling (ms). Default 8 000. */
  maxDelayMs?: number;
  /** Longest Retry-After honoured by waiting (ms); longer ones cool the model down. Default 30 000. */
  retryAfterCapMs?: number;
  /** Cooldown of a model that keeps failing transiently (ms). Default 60 000. */
  cooldownMs?: number;
  /** Retries on the same model per transient class before switching. */
  retriesPerModel?: Partial<Record<FailureClass, number>>;
  /** Attempts over every model before giving up. Default 12. */
  maxAttempts?: number;
  maxContinuations?: number;
  maxRepairs?: number;
  maxShrinks?: number;
  /** Consecutive server failures of a model, over every unit of a run, that open its circuit. Default 5. */
  breakerThreshold?: number;
  /** How long an open circuit holds a model back (ms). Default 60 000. */
  breakerOpenMs?: number;
  /** Total time one unit may take, waits and attempts included (ms); then it falls back. Default 600 000. */
  unitBudgetMs?: number;
  /** Uniform [0, 1); injectable for deterministic jitter. */
  random?: () => number;
}

const DEFAULT_RETRIES: Readonly<Partial<Record<FailureClass, number>>> = {
  rateLimit: 4,
  server: 2,
  timeout: 1,
  connection: 2,
  streamError: 2,
  empty: 1,
  proseOnly: 1,
};

/** Classes that say nothing about the model's health, only about this answer. */
const CONTENT_CLASSES: ReadonlySet<FailureClass> = new Set([
  'empty',
  'proseOnly',
  'invalidCode',
  'truncated',
  'contextTooLong',
  'badRequest',
]);
/** Classes retrying cannot fix: the model is stopped for the run at once. */
const FATAL_CLASSES: ReadonlySet<FailureClass> = new Set(['auth', 'payment', 'modelNotFound']);

export class RecoveryPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly retryAfterCapMs: number;
  readonly cooldownMs: number;
  readonly maxAttempts: number;
  readonly maxContinuations: number;
  readonly maxRepairs: number;
  readonly maxShrinks: number;
  readonly breakerThreshold: number;
  readonly breakerOpenMs: number;
  readonly unitBudgetMs: number;
  private readonly retries: Partial<Record<FailureClass, number>>;
  private readonly random: () => number;

  constructor(options: RecoveryPolicyOptions = {}) {
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 8_000;
    this.retryAfterCapMs = options.retryAfterCapMs ?? 30_000;
    this.cooldownMs = options.cooldownMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.maxContinuations = options.maxContinuations ?? 2;
    this.maxRepairs = options.maxRepairs ?? 2;
    this.maxShrinks = options.maxShrinks ?? 3;
    this.breakerThreshold = Math.max(1, options.breakerThreshold ?? 5);
    this.breakerOpenMs = options.breakerOpenMs ?? 60_000;
    this.unitBudgetMs = options.unitBudgetMs ?? 600_000;
    this.retries = { ...DEFAULT_RETRIES, ...options.retriesPerModel };
    this.random = options.random ?? Math.random;
  }

  /**
   * Exponential backoff with "equal jitter": half the exponential delay fixed, half random, so
   * parallel units that failed together do not retry together.
   */
  backoffMs(failureNumber: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.max(0, failureNumber - 1));
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }

  decide(failure: Failure, state: RecoveryState): RecoveryAction {
    const kind = failure.class;
    if (kind === 'aborted') return { kind: 'giveUp', reason: 'cancelled' };
    if (state.totalAttempts >= this.maxAttempts)
      return { kind: 'giveUp', reason: `gave up after ${state.totalAttempts} attempts (last: ${kind})` };
    if (FATAL_CLASSES.has(kind)) return this.switchOrGiveUp(state, kind, 0, true);
    switch (kind) {
      case 'truncated':
        if (state.continuations < this.maxContinuations) return { kind: 'continue' };
        if (state.canSplit) return { kind: 'split' };
        return this.switchOrGiveUp(state, kind, 0, false);
      case 'invalidCode':
        if (state.repairs < this.maxRepairs) return { kind: 'repair' };
        return this.switchOrGiveUp(state, kind, 0, false);
      case 'contextTooLong':
        if (state.canShrink && state.shrinks < this.maxShrinks) return { kind: 'shrink' };
        return this.switchOrGiveUp(state, kind, 0, false);
      case 'proseOnly':
        if (state.sameClassFailures <= (this.retries.proseOnly ?? 0)) return { kind: 'nudge' };
        return this.switchOrGiveUp(state, kind, 0, false);
      case 'badRequest':
        return this.switchOrGiveUp(state, kind, 0, false);
      default:
        return this.transient(failure, state);
    }
  }

  private transient(failure: Failure, state: RecoveryState): RecoveryAction {
    const budget = this.retries[failure.class] ?? 1;
    const cooldown = CONTENT_CLASSES.has(failure.class) ? 0 : this.cooldownMs;
    if (failure.retryAfterMs !== undefined) {
      if (failure.retryAfterMs > this.retryAfterCapMs)
        return this.switchOrGiveUp(state, failure.class, failure.retryAfterMs, false);
      if (state.sameClassFailures <= budget) return { kind: 'retry', waitMs: failure.retryAfterMs };
      return this.switchOrGiveUp(state, failure.class, Math.max(cooldown, failure.retryAfterMs), false);
    }
    if (state.sameClassFailures <= budget) return { kind: 'retry', waitMs: this.backoffMs(state.sameClassFailures) };
    return this.switchOrGiveUp(state, failure.class, cooldown, false);
  }

  private switchOrGiveUp(state: RecoveryState, kind: FailureClass, cooldownMs: number, stop: boolean): RecoveryAction {
    if (state.hasNextModel) return { kind: 'switchModel', cooldownMs, stop };
    return {
      kind: 'giveUp',
      reason: `no model left (last failure: ${kind})`,
      ...(cooldownMs > 0 ? { cooldownMs } : {}),
      ...(stop ? { stop } : {}),
    };
  }
}
