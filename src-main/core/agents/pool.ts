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
  /**
   * `slot` is the lane the task runs on, in [0, concurrency): a slot is held by one task at a time,
   * so the dashboard can draw the run's parallelism (and its idle lanes) from the recorded slots.
   */
  run(input: { signal: AbortSignal; deps: ReadonlyMap<string, T>; slot: number }): Promise<T>;
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
  for (const task of tasks) {
    for (const dep of task.deps) {
      const list = dependents.get(dep);
      if (list) list.push(task.id);
      else dependents.set(dep, [task.id]);
    }
  }
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const ready = new ReadyQueue(chainRanks(tasks, dependents));
  for (const task of tasks) if (task.deps.length === 0) ready.push(task.id);
  let running = 0;
  let maxInFlight = 0;
  /** Free lanes, lowest first, so a run that never fills the pool uses the first lanes only. */
  const freeSlots = Array.from({ length: concurrency }, (_, i) => i);
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
        const task = byId.get(ready.pop()) as PoolTask<T>;
        running += 1;
        maxInFlight = Math.max(maxInFlight, running);
        freeSlots.sort((a, b) => a - b);
        const slot = freeSlots.shift() as number;
        const deps = new Map(task.deps.map((d) => [d, results.get(d) as T]));
        Promise.resolve()
          .then(() => task.run({ signal: controller.signal, deps, slot }))
          .then(
            (value) => {
              results.set(task.id, value);
              for (const next of dependents.get(task.id) ?? []) {
                const pending = waiting.get(next) as Set<string>;
                pending.delete(task.id);
                if (pending.size === 0) ready.push(next);
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
            freeSlots.push(slot);
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

/**
 * Ready task ids, first the one heading the costliest chain, then the earliest given: a binary heap,
 * so a run of thousands of units schedules in O(n log n) rather than by sorted insertion.
 */
class ReadyQueue {
  private readonly heap: string[] = [];

  constructor(private readonly rank: ReadonlyMap<string, [number, number]>) {}

  get length(): number {
    return this.heap.length;
  }

  push(id: string): void {
    const heap = this.heap;
    heap.push(id);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.before(heap[parent] as string, id)) break;
      heap[at] = heap[parent] as string;
      at = parent;
    }
    heap[at] = id;
  }

  /** The first ready id; only called when `length > 0`. */
  pop(): string {
    const heap = this.heap;
    const top = heap[0] as string;
    const last = heap.pop() as string;
    if (heap.length === 0) return top;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && this.before(heap[right] as string, heap[left] as string) ? right : left;
      if (this.before(last, heap[child] as string)) break;
      heap[at] = heap[child] as string;
      at = child;
    }
    heap[at] = last;
    return top;
  }

  /** Whether `a` runs before `b`: taller chain first, then the order given (ids are unique). */
  private before(a: string, b: string): boolean {
    const [ha, ia] = this.rank.get(a) ?? [0, 0];
    const [hb, ib] = this.rank.get(b) ?? [0, 0];
    return ha !== hb ? ha > hb : ia < ib;
  }
}
