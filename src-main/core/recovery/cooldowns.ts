/**
 * Per-model cooldowns shared by every unit of a run: when one unit learns that a model is
 * overloaded (cool it down for a while) or unusable (bad key, no credits, unknown model: stop
 * it for the whole run), the other units skip it instead of rediscovering the failure.
 *
 * It is also the run's circuit breaker: consecutive server failures of a model (5xx, connection,
 * timeout, broken stream), counted across every unit, open its circuit after a threshold — the
 * model is cooled down and units fall back to the next model or their draft at once instead of
 * waiting for it. When the cooldown ends one call goes through; a success closes the circuit, a
 * failure opens it again straight away.
 */
import type { FailureClass } from './failure';

/** Failure classes that say the server (not the answer) is unwell: they count towards the breaker. */
export const SERVER_FAILURES: ReadonlySet<FailureClass> = new Set(['server', 'timeout', 'connection', 'streamError']);

export interface ModelState {
  model: string;
  /** Epoch ms when the model may be used again; Infinity when stopped. */
  availableAt: number;
  reason: string;
  /** Held back by an open circuit (not by a Retry-After or a stop): not worth waiting for. */
  circuitOpen?: boolean;
}

export class ModelCooldowns {
  private readonly states = new Map<string, ModelState>();
  private readonly consecutive = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Makes `model` unavailable for `ms` (extends, never shortens, an existing cooldown). */
  coolDown(model: string, ms: number, reason: string): void {
    const availableAt = this.now() + Math.max(0, ms);
    const current = this.states.get(model);
    if (!current || current.availableAt < availableAt) this.states.set(model, { model, availableAt, reason });
  }

  /** Stops `model` for the rest of the run. */
  stop(model: string, reason: string): void {
    this.states.set(model, { model, availableAt: Number.POSITIVE_INFINITY, reason });
  }

  isStopped(model: string): boolean {
    return this.states.get(model)?.availableAt === Number.POSITIVE_INFINITY;
  }

  isAvailable(model: string): boolean {
    return this.availableAt(model) <= this.now();
  }

  /** When `model` can be used again (now or earlier when it is available). */
  availableAt(model: string): number {
    return this.states.get(model)?.availableAt ?? 0;
  }

  /**
   * Count a failure of `model` for the breaker; opens the circuit (cools the model down for
   * `openMs`) when `threshold` consecutive server failures are reached. Returns whether the
   * circuit is open now.
   */
  recordFailure(model: string, failure: FailureClass, reason: string, threshold: number, openMs: number): boolean {
    if (!SERVER_FAILURES.has(failure)) return false;
    const count = (this.consecutive.get(model) ?? 0) + 1;
    this.consecutive.set(model, count);
    if (count < threshold) return false;
    const availableAt = this.now() + openMs;
    const current = this.states.get(model);
    if (!current || current.availableAt < availableAt)
      this.states.set(model, {
        model,
        availableAt,
        reason: `circuit open after ${count} consecutive server failures (last: ${reason})`,
        circuitOpen: true,
      });
    return true;
  }

  /** A good answer from `model` closes its circuit. */
  recordSuccess(model: string): void {
    this.consecutive.delete(model);
  }

  /** Whether `model` is held back by an open circuit right now. */
  isCircuitOpen(model: string): boolean {
    const state = this.states.get(model);
    return state?.circuitOpen === true && state.availableAt > this.now();
  }

  /** Current cooldowns and stops, for reports. */
  snapshot(): ModelState[] {
    const now = this.now();
    return [...this.states.values()].filter((s) => s.availableAt > now);
  }
}
