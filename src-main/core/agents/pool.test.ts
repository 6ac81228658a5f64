import { describe, expect, it } from 'vitest';
import { checkTaskGraph, PoolCancelledError, runPool, type PoolTask } from './pool';

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

function task(id: string, deps: string[], log: string[], ms = 10): PoolTask<string> {
  return {
    id,
    deps,
    run: async ({ signal, deps: inputs }) => {
      log.push(`start ${id}`);
      await wait(ms, signal);
      log.push(`end ${id}`);
      return `${id}(${[...inputs.values()].join(',')})`;
    },
  };
}

describe('runPool', () => {
  it('keeps at most `concurrency` tasks in flight and runs all of them', async () => {
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => task(id, [], log, 20));
    const { results, maxInFlight } = await runPool(tasks, { concurrency: 3 });
    expect(maxInFlight).toBe(3);
    expect([...results.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(log.slice(0, 3)).toEqual(['start a', 'start b', 'start c']);
  });

  it('runs a task only after its dependencies and hands it their results', async () => {
    const log: string[] = [];
    const tasks = [
      task('serializer', ['model'], log),
      task('view', ['serializer', 'model'], log),
      task('model', [], log, 30),
      task('other', [], log),
    ];
    const { results } = await runPool(tasks, { concurrency: 4 });
    expect(results.get('view')).toBe('view(serializer(model()),model())');
    expect(log.indexOf('start serializer')).toBeGreaterThan(log.indexOf('end model'));
    expect(log.indexOf('start view')).toBeGreaterThan(log.indexOf('end serializer'));
    expect(log.indexOf('end other')).toBeLessThan(log.indexOf('end model'));
  });

  it('stops in-flight tasks on cancel, starts no more, and rejects once they settled', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const tasks = ['a', 'b', 'c', 'd'].map((id) => task(id, [], log, 1_000));
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    await expect(runPool(tasks, { concurrency: 2, signal: controller.signal })).rejects.toBeInstanceOf(
      PoolCancelledError,
    );
    expect(Date.now() - started).toBeLessThan(900);
    expect(log).toEqual(['start a', 'start b']);
    await expect(runPool(tasks, { signal: controller.signal })).rejects.toBeInstanceOf(PoolCancelledError);
  });

  it('aborts the others and rejects with the first failure', async () => {
    const log: string[] = [];
    const boom: PoolTask<string> = {
      id: 'boom',
      deps: [],
      run: () => Promise.reject(new Error('unit models:core:Job failed')),
    };
    await expect(
      runPool([task('slow', [], log, 1_000), boom, task('later', [], log)], { concurrency: 2 }),
    ).rejects.toThrow('unit models:core:Job failed');
    expect(log).toEqual(['start slow']);
  });

  it('starts the head of the longest dependency chain first', async () => {
    const log: string[] = [];
    const tasks = [
      task('lone', [], log),
      task('model', [], log),
      task('serializer', ['model'], log),
      task('view', ['serializer'], log),
    ];
    await runPool(tasks, { concurrency: 1 });
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start model',
      'start serializer',
      'start lone',
      'start view',
    ]);
  });

  it('weighs chains by cost, so one long task is not left for last', async () => {
    const log: string[] = [];
    const tasks = [task('short', [], log), { ...task('long', [], log), cost: 3 }, task('next', ['short'], log)];
    await runPool(tasks, { concurrency: 1 });
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start long', 'start short', 'start next']);
  });

  it('starts a large random graph in exactly the order of sorted insertion by chain cost, then position', async () => {
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const spec = Array.from({ length: 300 }, (_, i) => ({
      id: `t${i}`,
      deps: i === 0 ? [] : [...new Set(Array.from({ length: next() % 3 }, () => `t${next() % i}`))],
      cost: [0.01, 1, 2.5][next() % 3] ?? 1,
    }));
    const started: string[] = [];
    const tasks: PoolTask<string>[] = spec.map((s) => ({ ...s, run: async () => (started.push(s.id), s.id) }));
    await runPool(tasks, { concurrency: 1 });
    expect(started).toEqual(referenceStartOrder(spec));
  });

  it('runs each task on a lane below the concurrency that no other running task holds', async () => {
    const holders = new Map<number, string>();
    const lanes: number[] = [];
    const tasks: PoolTask<string>[] = Array.from({ length: 12 }, (_, i) => ({
      id: `t${i}`,
      deps: i >= 6 ? [`t${i - 6}`] : [],
      run: async ({ slot }) => {
        expect(holders.has(slot), `lane ${slot} is busy`).toBe(false);
        holders.set(slot, `t${i}`);
        lanes.push(slot);
        await wait(2 + (i % 3) * 3);
        holders.delete(slot);
        return `t${i}`;
      },
    }));
    await runPool(tasks, { concurrency: 3 });
    expect(new Set(lanes)).toEqual(new Set([0, 1, 2]));
    // One lane at a time uses only lane 0.
    const single: number[] = [];
    await runPool(
      tasks.map((t) => ({ ...t, run: async ({ slot }) => (single.push(slot), t.id) })),
      { concurrency: 1 },
    );
    expect(new Set(single)).toEqual(new Set([0]));
  });

  it('resolves at once with nothing to do', async () => {
    expect(await runPool([], {})).toEqual({ results: new Map(), maxInFlight: 0 });
  });

  it('rejects graphs it cannot schedule, naming the tasks', () => {
    const t = (id: string, deps: string[] = []) => ({ id, deps });
    expect(() => checkTaskGraph([t('a'), t('a')])).toThrow('duplicate task id "a"');
    expect(() => checkTaskGraph([t('a', ['x'])])).toThrow('task "a" depends on unknown task "x"');
    expect(() => checkTaskGraph([t('a', ['b']), t('b', ['c']), t('c', ['a'])])).toThrow(
      'dependency cycle a → b → c → a',
    );
    expect(() => runPool([], { concurrency: 0 })).toThrow('concurrency must be a positive integer, got 0');
  });
});

/** The start order with one slot, by the rule's plain definition: a ready list kept sorted by insertion. */
function referenceStartOrder(spec: readonly { id: string; deps: string[]; cost: number }[]): string[] {
  const height = new Map<string, number>();
  for (let i = spec.length - 1; i >= 0; i--) {
    const task = spec[i] as (typeof spec)[number];
    const below = spec.filter((t) => t.deps.includes(task.id)).map((t) => height.get(t.id) ?? 0);
    height.set(task.id, task.cost + Math.max(0, ...below));
  }
  const rank = (id: string): [number, number] => [height.get(id) ?? 0, spec.findIndex((t) => t.id === id)];
  const before = (a: string, b: string) => rank(b)[0] - rank(a)[0] || rank(a)[1] - rank(b)[1];
  const done = new Set<string>();
  const ready = spec.filter((t) => t.deps.length === 0).map((t) => t.id);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort(before);
    const id = ready.shift() as string;
    order.push(id);
    done.add(id);
    for (const t of spec) if (t.deps.includes(id) && t.deps.every((d) => done.has(d))) ready.push(t.id);
  }
  return order;
}
