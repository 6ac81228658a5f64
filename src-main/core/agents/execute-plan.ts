/**
 * Executes a `ProjectPlan` (from `split-units.ts`) on the pool: each unit through the template engine (its draft) or the LLM engine
 * (cache first, then the model with recovery, else the draft), files assembled and announced as
 * soon as their last unit is done, and the figures of the run counted on the way.
 */
import type { Erd } from '../../../src-shared/erd/model';
import type { AgentCache, CacheStats } from '../cache/agent-cache';
import { sha256 } from '../cache/cache-key';
import type { SyntaxChecker } from '../llm/python-syntax';
import { refineUnit } from '../llm/refine-unit';
import { llmChain, llmUnitKey, refineContext } from './llm-unit';
import type { LlmClient } from '../llm/types';
import type { AttemptRecord } from '../recovery/attempt';
import type { RecoveryPolicy } from '../recovery/policy';
import type { AgentId } from '../generate/types';
import { AGENTS } from './definitions';
import type { FileSource, PoolEvent } from './events';
import { runPool, type PoolTask } from './pool';
import type { ProjectPlan, WorkUnit } from './split-units';

export interface LlmEngineOptions {
  client: LlmClient;
  model: string;
  fallbackModels?: readonly string[];
  temperature?: number;
  maxTokens?: number;
  policy?: RecoveryPolicy;
  /** Syntax checker of answers; null skips the check (not recommended). */
  checker: SyntaxChecker | null;
}

/** How to run a plan: the engine, its limits, the cache and the user's instructions. */
export interface PipelineOptions {
  engine: 'template' | 'llm';
  concurrency?: number;
  /** The user's instructions for the LLM engine (added to the ERD's own `instructions`). */
  instructions?: string;
  llm?: LlmEngineOptions;
  /** Null or absent: no cache (`--no-cache`). */
  cache?: AgentCache | null;
  /** Wall clock (ms since the epoch): cooldowns, Retry-After dates, cache entry dates. */
  now?: () => number;
  /**
   * Monotonic high-resolution clock (ms, fractional) for the units' timings: a template unit takes
   * well under a millisecond, which `Date.now` would record as 0. Default `performance.now`.
   */
  clock?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface PipelineHooks {
  signal?: AbortSignal;
  onEvent?: (event: PoolEvent) => void;
}

export interface UnitAttempt extends AttemptRecord {
  unitId: string;
}

/** A finished file: where its text came from and every model attempt of its units. */
export interface PipelineFile {
  path: string;
  content: string;
  agent: AgentId;
  source: FileSource;
  units: number;
  attempts: UnitAttempt[];
  /** Cache keys of the model's answers the file was built from (absent: none), to evict if it fails validation. */
  cacheKeys?: string[];
}

/**
 * When and where one unit ran, measured on the run's clock (ms since the pipeline started): the
 * pool's lane (`slot`) and where its text came from, `failed` when its generator threw. The
 * dashboard draws the run's parallelism from these.
 */
export interface UnitTiming {
  unitId: string;
  agent: AgentId;
  slot: number;
  startMs: number;
  endMs: number;
  source: FileSource | 'failed';
}

/** The figures of one run, for the report and the dashboard. `llmCalls` counts every attempt. */
export interface GenerationMetrics {
  units: number;
  llmCalls: number;
  cacheHits: number;
  cacheMisses: number;
  /** What the cache hits had cost when they were produced (the stored entries' model time). */
  cacheTimeSavedMs: number;
  retries: number;
  fallbacks: number;
  tokens: number;
  tokensSaved: number;
  maxInFlight: number;
  durationMs: number;
}

export interface PipelineResult {
  files: PipelineFile[];
  metrics: GenerationMetrics;
  /** Every unit that started, in the order they ended. */
  timeline: UnitTiming[];
  cache: CacheStats | null;
}

interface UnitResult {
  code: string;
  source: FileSource;
  attempts: AttemptRecord[];
  hash: string;
}

/**
 * Runs every unit of `plan` on the pool and assembles the files, in the plan's order. Units never
 * fail for model trouble (they fall back to their draft); the run rejects only when cancelled
 * (PoolCancelledError) or when a generator throws.
 */
export async function executePlan(
  erd: Erd,
  plan: ProjectPlan,
  options: PipelineOptions,
  hooks: PipelineHooks = {},
): Promise<PipelineResult> {
  const now = options.now ?? Date.now;
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const llm = options.engine === 'llm' ? options.llm : undefined;
  if (options.engine === 'llm' && !llm)
    throw new Error('executePlan: the llm engine needs options.llm (client and model).');
  const chain = llm ? llmChain(llm, { now, ...(options.sleep ? { sleep: options.sleep } : {}) }) : undefined;
  const instructions = [erd.instructions ?? '', options.instructions ?? '']
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n\n');
  const rules = (erd.rules ?? []).map((r) => r.text);
  /** Unit id → cache key of the answer it used (model or cache), for eviction after validation. */
  const answerKeys = new Map<string, string>();
  const metrics: GenerationMetrics = {
    units: plan.units.length,
    llmCalls: 0,
    cacheHits: 0,
    cacheMisses: 0,
    cacheTimeSavedMs: 0,
    retries: 0,
    fallbacks: 0,
    tokens: 0,
    tokensSaved: 0,
    maxInFlight: 0,
    durationMs: 0,
  };
  const emit = (event: PoolEvent) => {
    if (event.type === 'retrying') metrics.retries += 1;
    hooks.onEvent?.(event);
  };
  const remaining = new Map(plan.files.map((f) => [f.path, f.unitIds.length]));
  const outputs = new Map<string, string>();
  const done = new Map<string, UnitResult>();
  const filesByPath = new Map(plan.files.map((f) => [f.path, f]));
  const assembled = new Map<string, string>();
  const timeline: UnitTiming[] = [];
  const timed = (unit: WorkUnit, slot: number, startedAt: number, source: UnitTiming['source']) =>
    timeline.push({
      unitId: unit.id,
      agent: unit.agent,
      slot,
      startMs: startedAt - started,
      endMs: clock() - started,
      source,
    });

  const finishUnit = (unit: WorkUnit, result: UnitResult, startedAt: number, slot: number) => {
    timed(unit, slot, startedAt, result.source);
    done.set(unit.id, result);
    outputs.set(unit.id, result.code);
    emit({ type: 'done', unitId: unit.id, file: unit.file, source: result.source, durationMs: clock() - startedAt });
    const left = (remaining.get(unit.file) ?? 1) - 1;
    remaining.set(unit.file, left);
    const file = filesByPath.get(unit.file);
    if (left === 0 && file) {
      const content = file.assemble(outputs);
      assembled.set(file.path, content);
      emit({
        type: 'fileReady',
        file: file.path,
        agent: file.agent,
        content,
        source: fileSource(file.unitIds.map((id) => done.get(id)?.source ?? 'template')),
      });
    }
    return result;
  };

  async function runUnit(
    unit: WorkUnit,
    deps: ReadonlyMap<string, UnitResult>,
    signal: AbortSignal,
    slot: number,
    startedAt: number,
  ): Promise<UnitResult> {
    const template = (source: FileSource, attempts: AttemptRecord[] = []): UnitResult => ({
      code: unit.draft,
      source,
      attempts,
      hash: sha256(unit.draft),
    });
    if (!chain || !unit.refine) {
      emit({ type: 'started', unitId: unit.id, agent: unit.agent, file: unit.file, model: null });
      return finishUnit(unit, template('template'), startedAt, slot);
    }
    const depList = unit.deps.map((id) => ({ unitId: id, code: deps.get(id)?.code ?? '' }));
    const key = llmUnitKey(
      chain,
      unit,
      Object.fromEntries(unit.deps.map((id) => [id, deps.get(id)?.hash ?? ''])),
      instructions,
    );
    answerKeys.set(unit.id, key);
    const cached = options.cache ? await options.cache.get(key) : null;
    if (cached) {
      metrics.cacheHits += 1;
      metrics.tokensSaved += cached.tokens;
      metrics.cacheTimeSavedMs += cached.durationMs;
      emit({ type: 'cached', unitId: unit.id, file: unit.file });
      return finishUnit(
        unit,
        { code: cached.code, source: 'cache', attempts: [], hash: sha256(cached.code) },
        startedAt,
        slot,
      );
    }
    if (options.cache) metrics.cacheMisses += 1;
    const outcome = await refineUnit(
      {
        unitId: unit.id,
        agent: unit.agent,
        file: unit.file,
        ...(unit.entity === undefined ? {} : { entity: unit.entity }),
        task: AGENTS[unit.agent].task,
        wholeFile: unit.wholeFile,
        language: unit.language,
        draft: unit.draft,
        slice: unit.slice,
        dependencies: depList,
        rules,
        instructions,
      },
      refineContext(chain, signal, emit),
    );
    metrics.llmCalls += outcome.attempts.length;
    metrics.tokens += outcome.tokens;
    if (outcome.status === 'fallback') {
      answerKeys.delete(unit.id);
      metrics.fallbacks += 1;
      return finishUnit(unit, template('fallback', outcome.attempts), startedAt, slot);
    }
    const code = unit.wholeFile ? outcome.code : outcome.code.replace(/\s+$/, '');
    await options.cache?.set(key, {
      unitId: unit.id,
      agent: unit.agent,
      code,
      model: outcome.model,
      tokens: outcome.tokens,
      durationMs: outcome.durationMs,
      createdAt: new Date(now()).toISOString(),
    });
    return finishUnit(unit, { code, source: 'llm', attempts: outcome.attempts, hash: sha256(code) }, startedAt, slot);
  }

  for (const unit of plan.units) emit({ type: 'queued', unitId: unit.id, agent: unit.agent, file: unit.file });
  const tasks: PoolTask<UnitResult>[] = plan.units.map((unit) => ({
    id: unit.id,
    deps: unit.deps,
    cost: llm && unit.refine ? 1 + unit.draft.length / 20_000 : 0.01,
    run: async ({ signal, deps, slot }) => {
      const startedAt = clock();
      try {
        return await runUnit(unit, deps, signal, slot, startedAt);
      } catch (error) {
        timed(unit, slot, startedAt, 'failed');
        emit({
          type: 'failed',
          unitId: unit.id,
          file: unit.file,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
    },
  }));
  const pool = await runPool(tasks, { concurrency: options.concurrency, signal: hooks.signal });
  metrics.maxInFlight = pool.maxInFlight;
  metrics.durationMs = clock() - started;
  const files: PipelineFile[] = plan.files.map((file) => {
    const results = file.unitIds.map((id) => done.get(id) as UnitResult);
    const cacheKeys = file.unitIds.flatMap((id) => answerKeys.get(id) ?? []);
    return {
      ...(cacheKeys.length > 0 ? { cacheKeys } : {}),
      path: file.path,
      content: assembled.get(file.path) ?? file.assemble(outputs),
      agent: file.agent,
      source: fileSource(results.map((r) => r.source)),
      units: file.unitIds.length,
      attempts: file.unitIds.flatMap((id, i) => (results[i]?.attempts ?? []).map((a) => ({ ...a, unitId: id }))),
    };
  });
  return { files, metrics, timeline, cache: options.cache?.stats() ?? null };
}

/** A file's source: fallback if any unit fell back, llm if any went to the model, cache if all refined ones hit. */
export function fileSource(sources: readonly FileSource[]): FileSource {
  if (sources.includes('fallback')) return 'fallback';
  if (sources.includes('llm')) return 'llm';
  if (sources.includes('cache')) return 'cache';
  return 'template';
}
