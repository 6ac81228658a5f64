/**
 * The async pool: runs tasks concurrently up to a limit, each only after the tasks it depends on.
 * Among ready tasks, the one heading the costliest chain of dependents starts first (then the
 * order given), so neither a chain such as model → serializer → viewset nor one long task becomes
 * the run's tail. A task receives its dependencies' results and an
 * AbortSignal that fires when the caller cancels or another task fails, so in-flight requests stop
 * at once; the pool settles only when nothing is running any more, so no work outlives the run.
 */

/** One piece of work: it runs once every task in `deps` has succeeded, and gets their results. */
export interface PoolTask<T> {
  id: string;
  deps: readonly string[];
  /** Expected relative duration (default 1): ranks ready tasks by the costliest chain they head. */
  cost?: number;
  run(input: { signal: AbortSignal; deps: ReadonlyMap<string, T> }): Promise<T>;
}

export interface PoolOptions {
  /** Tasks running at once; default 4. */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface PoolResult<T> {
  results: Map<string, T>;
  /** The most tasks that ran at the same time. */
  maxInFlight: number;
}

export const DEFAULT_CONCURRENCY = 4;

/** The run was cancelled through its signal; in-flight tasks were stopped. */
export class PoolCancelledError extends Error {
  override readonly name = 'PoolCancelledError';
  constructor() {
    super('The run was cancelled.');
  }
}

/** Rejects tasks that cannot be scheduled: duplicate ids, unknown dependencies, cycles. */
export function checkTaskGraph(tasks: readonly Pick<PoolTask<unknown>, 'id' | 'deps'>[]): void {
  const byId = new Map<string, Pick<PoolTask<unknown>, 'id' | 'deps'>>();
  for (const task of tasks) {
    if (byId.has(task.id)) throw new Error(`Pool: duplicate task id "${task.id}".`);
    byId.set(task.id, task);
  }
  for (const task of tasks) {
    for (const dep of task.deps) {
      if (!byId.has(dep)) throw new Error(`Pool: task "${task.id}" depends on unknown task "${dep}".`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`Pool: dependency cycle ${[...trail, id].join(' → ')}.`);
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.deps ?? []) visit(dep, [...trail, id]);
    state.set(id, 'done');
  };
  for (const task of tasks) visit(task.id, []);
}

/**
 * Runs every task, at most `concurrency` at once, dependencies first. Resolves with every result
 * once all succeeded; rejects with the first failure (or PoolCancelledError on cancel) after the
 * tasks still running have stopped. Throws at once for an unschedulable graph.
 */
export function runPool<T>(tasks: readonly PoolTask<T>[], options: PoolOptions = {}): Promise<PoolResult<T>> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`Pool: concurrency must be a positive integer, got ${concurrency}.`);
  checkTaskGraph(tasks);
  const controller = new AbortController();
  const results = new Map<string, T>();
  const waiting = new Map(tasks.map((t) => [t.id, new Set(t.deps)]));
  const dependents = new Map<string, string[]>();
  for (const task of tasks) for (const dep of task.deps) dependents.set(dep, [...(dependents.get(dep) ?? []), task.id]);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const rank = chainRanks(tasks, dependents);
  const ready: string[] = [];
  const makeReady = (id: string) => {
    const at = ready.findIndex((other) => compareRank(rank, id, other) < 0);
    ready.splice(at < 0 ? ready.length : at, 0, id);
  };
  for (const task of tasks) if (task.deps.length === 0) makeReady(task.id);
  let running = 0;
  let maxInFlight = 0;
  let failure: unknown = null;

  return new Promise((resolve, reject) => {
    const onAbort = () => {
      failure ??= new PoolCancelledError();
      controller.abort();
      settleIfIdle();
    };
    if (options.signal?.aborted) {
      reject(new PoolCancelledError());
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });

    function settleIfIdle(): void {
      if (running > 0) return;
      if (failure === null && results.size < tasks.length && ready.length > 0) return;
      options.signal?.removeEventListener('abort', onAbort);
      if (failure !== null) reject(failure instanceof Error ? failure : new Error(String(failure)));
      else resolve({ results, maxInFlight });
    }

    function pump(): void {
      while (failure === null && running < concurrency && ready.length > 0) {
        const task = byId.get(ready.shift() as string) as PoolTask<T>;
        running += 1;
        maxInFlight = Math.max(maxInFlight, running);
        const deps = new Map(task.deps.map((d) => [d, results.get(d) as T]));
        Promise.resolve()
          .then(() => task.run({ signal: controller.signal, deps }))
          .then(
            (value) => {
              results.set(task.id, value);
              for (const next of dependents.get(task.id) ?? []) {
                const pending = waiting.get(next) as Set<string>;
                pending.delete(task.id);
                if (pending.size === 0) makeReady(next);
              }
            },
            (error: unknown) => {
              if (failure === null) {
                failure = controller.signal.aborted && options.signal?.aborted ? new PoolCancelledError() : error;
                controller.abort();
              }
            },
          )
          .finally(() => {
            running -= 1;
            pump();
            settleIfIdle();
          });
      }
    }
    pump();
    settleIfIdle();
  });
}

/** Per task: the cost of the costliest chain it heads (itself included), and its position. */
function chainRanks<T>(
  tasks: readonly PoolTask<T>[],
  dependents: ReadonlyMap<string, string[]>,
): Map<string, [number, number]> {
  const heights = new Map<string, number>();
  const costs = new Map(tasks.map((t) => [t.id, t.cost ?? 1]));
  const height = (id: string): number => {
    const known = heights.get(id);
    if (known !== undefined) return known;
    const value = (costs.get(id) ?? 1) + Math.max(0, ...(dependents.get(id) ?? []).map(height));
    heights.set(id, value);
    return value;
  };
  return new Map(tasks.map((t, index) => [t.id, [height(t.id), index]]));
}

function compareRank(rank: ReadonlyMap<string, [number, number]>, a: string, b: string): number {
  const [ha, ia] = rank.get(a) ?? [0, 0];
  const [hb, ib] = rank.get(b) ?? [0, 0];
  return hb - ha || ia - ib;
}
