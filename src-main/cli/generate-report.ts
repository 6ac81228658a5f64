/**
 * The `--json` report of `djforge generate`, assembled from the pipeline's files and metrics, the
 * review session's judgements (shared with other hosts through `reviewReport`) and what the writer
 * did, and written atomically next to (never inside) the output folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json';
import type { Diagnostic } from '../../src-shared/diagnostics';
import type { Erd } from '../../src-shared/erd/model';
import type { PipelineResult } from '../core/pipeline';
import type { GenerationReport } from '../core/report';
import { reviewReport } from '../core/review/report-fields';
import type { ReviewOutcome } from './generate-review';
import { WRITTEN_ACTIONS, type WriteOutcome } from './generate-write';

export interface ReportInput {
  ok: boolean;
  engine: GenerationReport['engine'];
  erdFile: string;
  format: string | null;
  erd: Erd;
  diagnostics: Diagnostic[];
  out: string | null;
  result: PipelineResult;
  review: ReviewOutcome;
  written: WriteOutcome;
  times: { pipelineMs: number; importMs: number; generateMs: number };
  /** The LLM engine's settings and cache figures, when that engine ran. */
  extra: Pick<GenerationReport, 'llm' | 'cache'>;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The report of one run (see `GenerationReport`). */
export function buildReport(input: ReportInput): GenerationReport {
  const { result, review, written } = input;
  const reviewed = reviewReport(review.session);
  const judged = new Map(reviewed.files.map((f) => [f.path, f]));
  const summary = reviewed.metrics;
  const { metrics } = result;
  const files = result.files.map((f) => {
    const r = judged.get(f.path);
    const sync = r?.approved ? (written.actions.get(f.path) ?? null) : null;
    return {
      path: f.path,
      agent: f.agent,
      source: f.source,
      score: r?.score ?? 0,
      category: r?.category ?? 'error',
      findings: r?.findings ?? [],
      approved: r?.approved ?? false,
      decidedBy: r?.decidedBy ?? null,
      written: sync !== null && WRITTEN_ACTIONS.has(sync),
      sync,
      bytes: Buffer.byteLength(f.content),
      units: f.units,
      attempts: f.attempts,
    };
  });
  return {
    ok: input.ok,
    tool: { name: 'djforge', version: packageJson.version },
    engine: input.engine,
    erd: { file: input.erdFile, format: input.format, project: input.erd.project.name },
    out: input.out,
    files,
    diagnostics: input.diagnostics,
    metrics: {
      pipelineMs: round(input.times.pipelineMs),
      importMs: round(input.times.importMs),
      generateMs: round(input.times.generateMs),
      writeMs: round(written.writeMs),
      entities: input.erd.entities.length,
      relations: input.erd.relations.length,
      files: files.length,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      units: metrics.units,
      llmCalls: metrics.llmCalls,
      cacheHits: metrics.cacheHits,
      cacheMisses: metrics.cacheMisses,
      retries: metrics.retries,
      fallbacks: metrics.fallbacks,
      tokens: metrics.tokens,
      tokensSaved: metrics.tokensSaved,
      maxInFlight: metrics.maxInFlight,
      validateMs: round(review.validateMs),
      autoApprovalRate: summary.autoApprovalRate,
      avgQuality: summary.avgQuality,
      approved: summary.approved,
      skipped: summary.skipped,
      conflicts: written.conflicts.length,
    },
    review: {
      threshold: review.threshold,
      decidedBy: review.decidedBy,
      layers: review.validation.layers,
      python: review.validation.python,
      runtime: review.validation.runtime,
      projectFindings: review.session.projectFindings,
    },
    output: { dir: input.out, mode: written.mode, conflicts: written.conflicts, zip: written.zip },
    ...input.extra,
  };
}

/** Write `report` to `file` atomically (temporary file, then rename). */
export async function writeReport(file: string, report: GenerationReport): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
  await fs.rename(tmp, file);
}
