/**
 * The run report (`djforge generate --json`, and any host that records a run): assembled from the
 * pipeline's files and metrics (with the regenerations folded in), the review's verdicts and what
 * the writer did, and written atomically next to (never inside) the output folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import packageJson from '../../../package.json';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { ApprovalPolicy } from '../review/approval-policy';
import { reviewVerdicts } from '../review/verdicts';
import type { GenerationRun } from './generation-run';
import type { GenerationReport } from './report-types';
import { WRITTEN_ACTIONS, type WriteOutcome } from './write';

export type * from './report-types';

export interface ReportInput {
  ok: boolean;
  erdFile: string;
  format: string | null;
  diagnostics: Diagnostic[];
  out: string | null;
  run: GenerationRun;
  /** The policy applied, or `interactive` when a person decided. */
  decidedBy: ApprovalPolicy | 'interactive';
  written: WriteOutcome;
  times: { pipelineMs: number; importMs: number };
  /** The LLM engine's settings and cache figures, when that engine ran. */
  extra: Partial<Pick<GenerationReport, 'llm' | 'cache'>>;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The report of one run (see `GenerationReport`). */
export function buildReport(input: ReportInput): GenerationReport {
  const { run, written } = input;
  const result = run.reportedResult();
  const session = run.review;
  const validation = run.validationOutcome;
  const reviewed = reviewVerdicts(session);
  const judged = new Map(reviewed.files.map((f) => [f.path, f]));
  const summary = reviewed.metrics;
  const erd = run.erd;
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
      keptDraft: r?.keptDraft ?? null,
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
    engine: run.engine,
    erd: { file: input.erdFile, format: input.format, project: erd.project.name },
    out: input.out,
    files,
    diagnostics: input.diagnostics,
    metrics: {
      pipelineMs: round(input.times.pipelineMs),
      importMs: round(input.times.importMs),
      generateMs: round(run.generateMs),
      writeMs: round(written.writeMs),
      entities: erd.entities.length,
      relations: erd.relations.length,
      files: files.length,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      units: metrics.units,
      llmCalls: metrics.llmCalls,
      cacheHits: metrics.cacheHits,
      cacheMisses: metrics.cacheMisses,
      cacheTimeSavedMs: round(metrics.cacheTimeSavedMs),
      retries: metrics.retries,
      fallbacks: metrics.fallbacks,
      tokens: metrics.tokens,
      tokensSaved: metrics.tokensSaved,
      maxInFlight: metrics.maxInFlight,
      validateMs: round(run.validateMs),
      autoApprovalRate: summary.autoApprovalRate,
      avgQuality: summary.avgQuality,
      approved: summary.approved,
      skipped: summary.skipped,
      conflicts: written.conflicts.length,
    },
    review: {
      threshold: session.threshold,
      decidedBy: input.decidedBy,
      layers: validation.layers,
      python: validation.python,
      runtime: validation.runtime,
      projectFindings: session.projectFindings,
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
