/**
 * The history record of one run, built from the run itself (`GenerationRun`: the pipeline's unit
 * timings and attempts, the review's scores, the runtime layer's steps) and the clocks of the host
 * that drove it. Both hosts call this, so a run from the CLI and one from the app are recorded
 * alike and share one dashboard when they share the data folder.
 */
import type { Erd } from '../../../src-shared/erd/model';
import type { RunStatus, RunSummary } from '../../../src-shared/api/model';
import { HISTORY_RECORD_VERSION, type ReviewOutcome, type RunHistoryRecord } from '../../../src-shared/api/history';
import type { PriceTable } from '../../../src-shared/api/settings';
import { canonicalJson, sha256 } from '../cache/cache-key';
import { reviewVerdicts } from '../review/verdicts';
import { reviewOutcome } from './review-record';
import type { GenerationRun } from '../run/generation-run';
import {
  agentTimes,
  errorRate,
  fallbacksByClass,
  isLocalEndpoint,
  modelUsage,
  retriesByClass,
  round,
  totalCost,
  unitTimes,
} from './measure';

export interface RecordInput {
  runId: string;
  host: RunHistoryRecord['host'];
  status: RunStatus;
  run: GenerationRun;
  startedAt: number;
  /** From the start of the run (import included, for the CLI) until every file was judged. */
  pipelineMs: number;
  concurrency: number;
  /** The model chain, primary first; empty for the template engine. */
  models: readonly string[];
  /** The LLM endpoint, to tell a local server (cost 0) from a hosted one. */
  baseURL: string | null;
  prices: PriceTable;
  /** The host's own summary (the app's); computed from the run when absent (the CLI). */
  summary?: RunSummary;
  /**
   * Who decided the review, when the host reviewed before recording (the CLI: `person` for the
   * interactive review, `policy` for `--approve`); the record then carries the review's outcome.
   * Absent (the app): the review is recorded later, when the person writes the project.
   */
  reviewer?: ReviewOutcome['reviewer'];
  /** Wall clock for the review's time; default `Date.now`. */
  now?: () => number;
}

/**
 * The ERD's identity in the history: its project name and a hash of its canonical JSON without the
 * diagram layout (which generation ignores), so moving a box does not make it another ERD.
 */
export function erdIdentity(erd: Erd): RunHistoryRecord['erd'] {
  const { layout: _layout, ...generated } = erd;
  return { name: erd.project.name, hash: sha256(canonicalJson(generated)).slice(0, 16) };
}

/** The record of `input.run`; a run that never finished generating has no units or files. */
export function buildHistoryRecord(input: RecordInput): RunHistoryRecord {
  const { run } = input;
  const result = run.result ? run.reportedResult() : null;
  const units = unitTimes(result?.timeline ?? []);
  const attempts = result ? result.files.flatMap((f) => f.attempts) : [];
  const reviewed = result ? reviewVerdicts(run.review) : null;
  const sources = new Map(result?.files.map((f) => [f.path, { agent: f.agent, source: f.source }]) ?? []);
  const files = (reviewed?.files ?? []).map((f) => ({
    path: f.path,
    agent: sources.get(f.path)?.agent ?? 'unknown',
    source: sources.get(f.path)?.source ?? 'template',
    score: f.score,
    category: f.category,
    approved: f.approved,
    decidedBy: f.decidedBy,
    revisions: f.revisions,
  }));
  const localEndpoint = isLocalEndpoint(input.baseURL);
  const usage = modelUsage(attempts, input.prices, localEndpoint);
  const runtime = result ? run.validationOutcome.runtime : null;
  const metrics = result?.metrics;
  const bytes = result ? result.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0) : 0;
  return {
    version: HISTORY_RECORD_VERSION,
    runId: input.runId,
    host: input.host,
    status: input.status,
    erd: erdIdentity(run.erd),
    project: run.erd.project.name,
    engine: run.engine,
    models: [...input.models],
    localEndpoint,
    concurrency: input.concurrency,
    startedAt: input.startedAt,
    pipelineMs: round(input.pipelineMs),
    generateMs: round(run.generateMs),
    validateMs: round(run.validateMs),
    agents: agentTimes(units),
    units,
    cache: {
      hits: metrics?.cacheHits ?? 0,
      misses: metrics?.cacheMisses ?? 0,
      timeSavedMs: round(metrics?.cacheTimeSavedMs ?? 0),
      tokensSaved: metrics?.tokensSaved ?? 0,
    },
    modelCalls: metrics?.llmCalls ?? 0,
    retriesByClass: retriesByClass(attempts),
    fallbacksByClass: fallbacksByClass(units, attempts),
    files,
    autoApprovalRate: reviewed?.metrics.autoApprovalRate ?? 0,
    averageQuality: reviewed?.metrics.avgQuality ?? 0,
    errorRate: errorRate(units),
    modelUsage: usage,
    costUsd: totalCost(usage),
    runtime: {
      ran: runtime?.ran ?? false,
      ok: runtime?.ran ? runtime.steps.every((s) => s.code === 0) : null,
      skipped: runtime?.skipped ?? null,
      ms: round(runtime?.durationMs ?? 0),
    },
    summary: input.summary ?? {
      files: files.length,
      failed: units.filter((u) => u.source === 'failed').length,
      cached: units.filter((u) => u.source === 'cache').length,
      fellBack: result?.files.filter((f) => f.source === 'fallback').length ?? 0,
      retried: new Set(attempts.filter((a) => a.outcome !== 'ok').map((a) => a.unitId)).size,
      bytes,
      elapsedMs: Math.max(0, round(input.pipelineMs)),
    },
    ...(input.reviewer && result
      ? { review: reviewOutcome(run.review, input.reviewer, (input.now ?? Date.now)()) }
      : {}),
  };
}
