/**
 * Per-model cooldowns shared by every unit of a run: when one unit learns that a model is
 * overloaded (cool it down for a while) or unusable (bad key, no credits, unknown model: stop
 * it for the whole run), the other units skip it instead of rediscovering the failure.
 */

export interface ModelState {
  model: string;
  /** Epoch ms when the model may be used again; Infinity when stopped. */
  availableAt: number;
  reason: string;
}

export class ModelCooldowns {
  private readonly states = new Map<string, ModelState>();

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

  /** Current cooldowns and stops, for reports. */
  snapshot(): ModelState[] {
    const now = this.now();
    return [...this.states.values()].filter((s) => s.availableAt > now);
  }
}
