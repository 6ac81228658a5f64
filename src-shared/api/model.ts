/**
 * The data that crosses the Studio contract: documents, runs, generated files, review state and
 * history. Plain serialisable objects with zod schemas, so every host parses what it receives and
 * the renderer gets the same types as the main process.
 */
import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics';
import { ErdSchema } from '../erd/model';
import { ENGINES, FILE_SOURCES, UNIT_STATUSES, FINISHED_UNIT_STATUSES, RUN_STATUSES } from './model-constants';
import { ReviewDecisionSchema, RunReviewSchema } from './review';

export { ENGINES, FILE_SOURCES, UNIT_STATUSES, FINISHED_UNIT_STATUSES, RUN_STATUSES };

/**
 * An opaque id the host granted for a file or folder the user chose (a native dialog, a recent
 * file, or a path the web host confined to its roots). The page refers to files only by these;
 * the host keeps the path behind each id and refuses any id it did not grant.
 */
export const CapabilityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a file or folder id this host granted; choose it again.');
export type CapabilityId = z.infer<typeof CapabilityIdSchema>;

/**
 * An ERD as the app holds it: the model plus where it came from. `path` is for display only (null
 * until saved); `file` is the capability to save back to the same file (null until saved).
 */
export const ErdDocumentSchema = z.object({
  path: z.string().nullable(),
  file: CapabilityIdSchema.nullable(),
  /** Shown in the title bar and the recent-files list. */
  name: z.string(),
  /** The format it was read from (`djforge-erd`, `seed-legacy`, …); null for a new document. */
  format: z.string().nullable(),
  erd: ErdSchema,
  diagnostics: z.array(DiagnosticSchema),
});
export type ErdDocument = z.infer<typeof ErdDocumentSchema>;

export const EngineSchema = z.enum(ENGINES);
export type Engine = z.infer<typeof EngineSchema>;

export const FileSourceSchema = z.enum(FILE_SOURCES);
export type FileSource = z.infer<typeof FileSourceSchema>;

export const UnitStatusSchema = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

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

/** A recent file as the host stores it (never sent to the page as authority: see `RecentDocument`). */
export const RecentFileSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.number() });
export type RecentFile = z.infer<typeof RecentFileSchema>;

/** A recent file as the page sees it: `path` to show, `file` to open it again. */
export const RecentDocumentSchema = RecentFileSchema.extend({ file: CapabilityIdSchema });
export type RecentDocument = z.infer<typeof RecentDocumentSchema>;

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
