/**
 * The machine-readable account of one generation run (`djforge generate --json`): per file where
 * its text came from (engine, cache, recovery attempts), how the review judged it (score,
 * category, findings, approved) and what the writer did with it; per run the metrics, the review
 * settings and validation layers, and where the output went. Every part is an object that can
 * grow new keys without breaking readers.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { FileSource } from '../../../src-shared/api/model';
import type { GenerationMetrics } from '../agents/execute-plan';
import type { CacheStats } from '../cache/agent-cache';
import type { AgentId } from '../generate/types';
import type { SyncAction, SyncReport } from '../output';
import type { AttemptRecord } from '../recovery/attempt';
import type { ApprovalPolicy } from '../review/approval-policy';
import type { FileVerdict } from '../review/verdicts';
import type { RuntimeResult } from '../validate/runtime-layer';
import type { Finding } from '../validate/types';
import type { LayerStatus } from '../validate/validate-project';
import type { ValidationOutcome } from './project-validation';

/** One model call for one unit of the file (the LLM engine only). */
export interface AttemptReport extends AttemptRecord {
  unitId: string;
}

/**
 * One generated file: where it came from, how the review judged it, and what reached the disk.
 * `written` is true when the output folder now holds this generation of the file (created,
 * updated, merged, or already identical); false when it was not approved, conflicted (the user's
 * file was kept), or the run wrote only a zip.
 */
export interface FileReport extends Pick<
  FileVerdict,
  'score' | 'category' | 'findings' | 'approved' | 'decidedBy' | 'keptDraft'
> {
  path: string;
  agent: AgentId;
  source: FileSource;
  written: boolean;
  /** What the folder writer did with the file; null when it was not approved or no --out was given. */
  sync: SyncAction | null;
  bytes: number;
  /** Units the file was assembled from. */
  units: number;
  attempts: AttemptReport[];
}

/** The pool's figures (units, model calls, cache, recovery, tokens) plus the rest of the run. */
export interface ReportMetrics extends Omit<GenerationMetrics, 'durationMs'> {
  pipelineMs: number;
  importMs: number;
  generateMs: number;
  writeMs: number;
  entities: number;
  relations: number;
  files: number;
  bytes: number;
  /** Time from the end of generation until every file was judged (static + runtime layers). */
  validateMs: number;
  /** Share of files the auto-approval rule approved, in [0, 1]. */
  autoApprovalRate: number;
  /** Mean quality score of the files, in [0, 1]. */
  avgQuality: number;
  approved: number;
  skipped: number;
  /** Approved files whose three-way merge conflicted (the user's version was kept). */
  conflicts: number;
}

/** How the files were judged and decided. */
export interface ReviewRunReport {
  threshold: number;
  /** The `--approve` policy applied, or `interactive` when a person decided on the terminal. */
  decidedBy: ApprovalPolicy | 'interactive';
  layers: LayerStatus[];
  /** The interpreter of the syntax layer; null when tree-sitter parsed the files. */
  python: string | null;
  /**
   * The runtime layer: its steps, every failing generated test with its file, and which
   * model-written file each failure was pinned on by draft substitution (see ValidationOutcome).
   */
  runtime: { ran: boolean; skipped?: string; steps: RuntimeResult['steps']; durationMs: number } & Pick<
    ValidationOutcome['runtime'],
    'tests' | 'attribution'
  >;
  /** Findings about files the project lacks (e.g. a missing tests module). */
  projectFindings: Finding[];
}

/** Where the approved files went. */
export interface OutputReport {
  /** The folder, or null for a zip-only run. */
  dir: string | null;
  /** How the folder was written: new, replaced with --force, or merged with an earlier generation. */
  mode: SyncReport['mode'] | null;
  conflicts: string[];
  zip: string | null;
}

/** `ok` is true when the run exits 0: every file approved and written without conflict. */
export interface GenerationReport {
  ok: boolean;
  tool: { name: 'djforge'; version: string };
  engine: 'template' | 'llm';
  erd: { file: string; format: string | null; project: string | null };
  out: string | null;
  files: FileReport[];
  diagnostics: Diagnostic[];
  metrics: ReportMetrics;
  review: ReviewRunReport;
  output: OutputReport;
  /** The LLM engine's settings (never the key; the endpoint without credentials). */
  llm?: { provider: string | null; endpoint: string; model: string; fallbackModels: string[]; concurrency: number };
  /** The cache of the LLM engine: folder and statistics; null with --no-cache. */
  cache?: (CacheStats & { dir: string; diskBytes: number }) | null;
}
