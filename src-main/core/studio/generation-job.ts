/**
 * A Studio run on the one generation workflow (`core/run`): the pool's events become the
 * contract's progress, text and file events; every file joins the run's review as the pool
 * announces it and is judged at once (so the app shows a score while the run goes on); when
 * generation ends the whole project is validated and every file judged again with it, and the
 * review's changes become `findings`, `fileVersion` and `fileDecision` events.
 */
import { DEFAULT_PRICES, type EmitEvent, type Engine, type PriceTable } from '../../../src-shared/api';
import { DEFAULT_CONCURRENCY } from '../agents/pool';
import { buildHistoryRecord } from '../history/build-record';
import { fileReviewView } from '../review/review-view';
import type { ReviewEntry } from '../review/types';
import type { PreparedEngine } from '../run/engine';
import { GenerationRun, type RunReviewSettings } from '../run/generation-run';
import type { PoolEvent } from '../run/pipeline';
import type { CoreFunctions } from './core-functions';
import type { RunJob, RunReporter } from './run-manager';
import type { Erd } from '../../../src-shared/erd/model';

export const fileBytes = (content: string) => new TextEncoder().encode(content).length;

function forward(event: PoolEvent, reporter: RunReporter): void {
  switch (event.type) {
    case 'queued':
      return;
    case 'started':
      return reporter.unit(event.unitId, 'running', event.model ? `Asking ${event.model}.` : undefined);
    case 'streaming':
      return reporter.text(event.unitId, event.delta);
    case 'cached':
      return reporter.unit(event.unitId, 'cached');
    case 'done':
      return reporter.unit(
        event.unitId,
        'done',
        event.source === 'llm' || event.source === 'cache' ? `From ${event.source}.` : undefined,
      );
    case 'failed':
      return reporter.unit(event.unitId, 'failed', event.message);
    case 'retrying': {
      const why = event.attempt.message ?? event.attempt.outcome;
      const wait = event.waitMs > 0 ? ` in ${(event.waitMs / 1000).toFixed(1)} s` : '';
      return reporter.unit(
        event.unitId,
        'retried',
        `${event.attempt.model}: ${why}; trying ${event.nextModel}${wait}.`,
      );
    }
    case 'fellBack':
      return reporter.unit(event.unitId, 'fellBack', `Kept the template draft: ${event.reason}`);
    case 'fileReady':
      return reporter.file({
        path: event.file,
        agent: event.agent,
        content: event.content,
        source: event.source,
        bytes: fileBytes(event.content),
      });
  }
}

export interface GenerationJobInput {
  core: CoreFunctions;
  erd: Erd;
  engine: Engine;
  prepared: PreparedEngine;
  review: Omit<RunReviewSettings, 'judgeOnJoin'>;
  env: Readonly<Record<string, string | undefined>>;
  python?: string;
  /** Where shipped migrations are kept between runs (the same folder as the LLM cache). */
  migrationsCacheDir: string | null;
  emit: EmitEvent;
  /** The run id, known once the run manager has started the job. */
  runId: () => string;
  /** Prices of the models, for the cost in the history (default: the built-in table). */
  prices?: PriceTable;
}

/** The job of one Studio run: generation, then the whole project judged; the review stays open afterwards. */
export function generationJob(input: GenerationJobInput): RunJob {
  const { erd, prepared, emit } = input;
  let reporter: RunReporter | null = null;
  const generation = new GenerationRun({
    erd,
    pipeline: prepared.options,
    review: { ...input.review, judgeOnJoin: true },
    env: input.env,
    ...(input.python ? { python: input.python } : {}),
    // The target folder is chosen only when writing, so no shipped migrations are known here.
    migrations: { targetDir: null, cacheDir: input.migrationsCacheDir },
    onEvent: (event) => {
      if (reporter) forward(event, reporter);
    },
  });
  const session = generation.review;
  const version = (entry: ReviewEntry) => {
    const runId = input.runId();
    const file = fileReviewView(entry);
    emit('findings', { runId, path: entry.path, diagnostics: file.findings });
    emit('fileVersion', { runId, path: entry.path, file });
  };
  session.on('added', version);
  session.on('updated', version);
  session.on('decided', (entry) =>
    emit('fileDecision', {
      runId: input.runId(),
      path: entry.path,
      decision: entry.decision,
      decidedBy: entry.decidedBy,
    }),
  );
  const warnings = [...prepared.warnings];
  return {
    project: erd.project.name,
    engine: input.engine,
    units: input.core.planUnits(erd),
    generation,
    warnings,
    async execute(r) {
      reporter = r;
      await generation.generate(r.signal);
      if (generation.migrationsNotice) warnings.push(generation.migrationsNotice);
      if (r.signal.aborted) return;
      await generation.judge();
    },
    release: () => prepared.close(),
    historyRecord: (ended) => {
      const llm = prepared.options.llm;
      return buildHistoryRecord({
        runId: ended.runId,
        host: 'app',
        status: ended.status,
        run: generation,
        startedAt: ended.startedAt,
        pipelineMs: ended.endedAt - ended.startedAt,
        concurrency: prepared.options.concurrency ?? DEFAULT_CONCURRENCY,
        models: llm ? [llm.model, ...(llm.fallbackModels ?? []).filter((m) => m !== llm.model)] : [],
        baseURL: llm?.client.baseURL ?? null,
        prices: input.prices ?? DEFAULT_PRICES,
        summary: ended.summary,
      });
    },
  };
}
