/**
 * Which model of the chain a unit uses next, given the run's cooldowns, stops and open circuits:
 * a cooling model is swapped for an available one or briefly waited for; a stopped model or one
 * whose circuit is open is never waited for.
 */
import type { ModelCooldowns } from './cooldowns';

export interface ModelChoiceContext {
  /** The primary model first, then the fallback chain. */
  models: readonly string[];
  cooldowns: ModelCooldowns;
  policy: { maxDelayMs: number };
  now: () => number;
}

/** Whether `model` can be turned to at all: not stopped for the run, its circuit not open. */
const usable = (ctx: ModelChoiceContext, model: string) =>
  !ctx.cooldowns.isStopped(model) && !ctx.cooldowns.isCircuitOpen(model);

/** The next model after `index` in the chain that is usable (see `usable`), or null. */
export function nextUsableIndex(ctx: ModelChoiceContext, index: number): number | null {
  for (let i = index + 1; i < ctx.models.length; i++) if (usable(ctx, ctx.models[i] as string)) return i;
  return null;
}

/**
 * The model to use now: the current one unless stopped; a cooling model is swapped for an
 * available one later in the chain (or from the start), else waited for, at most the policy's
 * longest backoff — but never a model whose circuit is open: then the unit falls back at once.
 */
export function pickModel(
  ctx: ModelChoiceContext,
  index: number,
): { index: number; waitMs: number } | { reason: string } {
  const order = [...ctx.models.keys()].slice(index).concat([...ctx.models.keys()].slice(0, index));
  const running = order.filter((i) => !ctx.cooldowns.isStopped(ctx.models[i] as string));
  if (running.length === 0) return { reason: 'every model of the chain is stopped' };
  const available = running.find((i) => ctx.cooldowns.isAvailable(ctx.models[i] as string));
  if (available !== undefined) return { index: available, waitMs: 0 };
  const waitable = running.filter((i) => !ctx.cooldowns.isCircuitOpen(ctx.models[i] as string));
  if (waitable.length === 0)
    return { reason: `every model of the chain has an open circuit (${running.map((i) => ctx.models[i]).join(', ')})` };
  const soonest = waitable.reduce((a, b) =>
    ctx.cooldowns.availableAt(ctx.models[a] as string) <= ctx.cooldowns.availableAt(ctx.models[b] as string) ? a : b,
  );
  const wait = ctx.cooldowns.availableAt(ctx.models[soonest] as string) - ctx.now();
  return { index: soonest, waitMs: Math.min(Math.max(0, wait), ctx.policy.maxDelayMs) };
}
