/**
 * The data that crosses the Studio contract: documents, runs, generated files, review state and
 * history. Plain serialisable objects with zod schemas, so every host parses what it receives and
 * the renderer gets the same types as the main process.
 */
import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics';
import { ErdSchema } from '../erd/model';
import { ReviewDecisionSchema, RunReviewSchema } from './review';

/** An ERD as the app holds it: the model plus where it came from. `path` is null until saved. */
export const ErdDocumentSchema = z.object({
  path: z.string().nullable(),
  /** Shown in the title bar and the recent-files list. */
  name: z.string(),
  /** The format it was read from (`djforge-erd`, `seed-legacy`, …); null for a new document. */
  format: z.string().nullable(),
  erd: ErdSchema,
  diagnostics: z.array(DiagnosticSchema),
});
export type ErdDocument = z.infer<typeof ErdDocumentSchema>;

export const ENGINES = ['template', 'llm'] as const;
export const EngineSchema = z.enum(ENGINES);
export type Engine = z.infer<typeof EngineSchema>;

/**
 * Where a unit's or a file's text came from — the one name for it in every layer (pool events,
 * run files, regenerations, the report, the app): the template engine, a model's answer, the
 * cache, or the template draft standing in after every recovery failed.
 */
export const FILE_SOURCES = ['template', 'llm', 'cache', 'fallback'] as const;
export const FileSourceSchema = z.enum(FILE_SOURCES);
export type FileSource = z.infer<typeof FileSourceSchema>;

/**
 * The life of one unit of work in a run. `retried` and `fellBack` are transitions the pool
 * reports on the way to `done`/`failed`; `cached` is a finished unit that cost nothing.
 */
export const UNIT_STATUSES = [
  'queued',
  'running',
  'retried',
  'fellBack',
  'cached',
  'done',
  'failed',
  'cancelled',
] as const;
export const UnitStatusSchema = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

/** Statuses after which a unit does no more work. */
export const FINISHED_UNIT_STATUSES: readonly UnitStatus[] = ['cached', 'done', 'failed', 'cancelled'];

export const RunUnitSchema = z.object({
  id: z.string(),
  agent: z.string(),
  label: z.string(),
  status: UnitStatusSchema,
  /** The last thing worth telling the user about this unit (error sentence, fallback reason). */
  message: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
});
export type RunUnit = z.infer<typeof RunUnitSchema>;

export const RUN_STATUSES = ['running', 'completed', 'cancelled', 'failed'] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const GeneratedFileSchema = z.object({
  path: z.string(),
  agent: z.string(),
  content: z.string(),
  source: FileSourceSchema,
  bytes: z.number().int().nonnegative(),
});
export type GeneratedFileView = z.infer<typeof GeneratedFileSchema>;

/** Counts per agent, so the run view draws one bar per agent without recounting units. */
export const AgentProgressSchema = z.object({
  agent: z.string(),
  finished: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type AgentProgress = z.infer<typeof AgentProgressSchema>;

export const RunSummarySchema = z.object({
  files: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  cached: z.number().int().nonnegative(),
  fellBack: z.number().int().nonnegative(),
  retried: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  elapsedMs: z.number().nonnegative(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** The whole state of one run, for a view that (re)attaches to it. */
export const RunSnapshotSchema = z.object({
  runId: z.string(),
  project: z.string(),
  engine: EngineSchema,
  status: RunStatusSchema,
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  units: z.array(RunUnitSchema),
  agents: z.array(AgentProgressSchema),
  files: z.array(GeneratedFileSchema),
  decisions: z.record(z.string(), ReviewDecisionSchema),
  /** Validation findings per file path, once the run has checked its files. */
  findings: z.record(z.string(), z.array(DiagnosticSchema)),
  summary: RunSummarySchema.nullable(),
  /** Why the run failed, as a sentence; null unless `status` is `failed`. */
  error: z.string().nullable(),
  /** Every file's score, category, findings, versions and decision (`decisions`/`findings` mirror it). */
  review: RunReviewSchema,
  /** Things the user should know about the run (a model the endpoint does not list). */
  warnings: z.array(z.string()),
});
export type RunSnapshot = z.infer<typeof RunSnapshotSchema>;

/** One finished run as the dashboard lists it. */
export const RunRecordSchema = z.object({
  runId: z.string(),
  project: z.string(),
  engine: EngineSchema,
  status: RunStatusSchema,
  startedAt: z.number(),
  summary: RunSummarySchema,
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const RecentFileSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.number() });
export type RecentFile = z.infer<typeof RecentFileSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  /** Whether the host can show native open/save dialogs (Electron) or needs a typed path (web). */
  nativeDialogs: z.boolean(),
  /** Where settings, history and the cache live. */
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
