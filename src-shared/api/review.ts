/**
 * What the review workspace sees of a run: per file its versions (generated, edited, regenerated —
 * the current one last), each judged with a score, a category, the reasons and the findings; the
 * decision and who took it; the run's review figures; and the write plan shown before writing.
 * The same judgement the CLI prints and puts in its `--json` report.
 */
import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics';

import { CATEGORIES, REVIEW_DECISIONS, VERSION_ORIGINS, WRITE_ACTIONS } from './review-constants';

export { CATEGORIES, REVIEW_DECISIONS, VERSION_ORIGINS, WRITE_ACTIONS };
export const ReviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const VersionOriginSchema = z.enum(VERSION_ORIGINS);

/** One judged version of a file. `feedback` is the reviewer's, for a regenerated version. */
export const FileVersionSchema = z.object({
  content: z.string(),
  origin: VersionOriginSchema,
  feedback: z.string().optional(),
  score: z.number().min(0).max(1),
  category: CategorySchema,
  /** Why the score is what it is, most important first. */
  reasons: z.array(z.string()),
  findings: z.array(DiagnosticSchema),
});
export type FileVersionView = z.infer<typeof FileVersionSchema>;

/** A file under review: its current judgement, its decision, and every version it has had. */
export const FileReviewSchema = z.object({
  path: z.string(),
  agent: z.string().nullable(),
  /** Why generation failed (the file cannot be approved until edited or regenerated); else null. */
  failed: z.string().nullable(),
  score: z.number().min(0).max(1),
  category: CategorySchema,
  reasons: z.array(z.string()),
  findings: z.array(DiagnosticSchema),
  decision: ReviewDecisionSchema,
  /** The auto-approval rule or a person; null while pending. */
  decidedBy: z.enum(['auto', 'user']).nullable(),
  /** Oldest first; `versions[current]` is the version that would be written. */
  versions: z.array(FileVersionSchema),
  current: z.number().int().nonnegative(),
  /**
   * Set when the model's version was rejected (an error after repair) and the offline draft — the
   * template engine's text — replaced it, with the reason; null when the model's version is kept.
   * Optional so snapshots from before it existed still parse.
   */
  keptDraft: z.object({ reason: z.string() }).nullable().optional(),
});
export type FileReview = z.infer<typeof FileReviewSchema>;

export const ReviewSummarySchema = z.object({
  files: z.number().int().nonnegative(),
  byCategory: z.record(CategorySchema, z.array(z.string())),
  approved: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  autoApproved: z.number().int().nonnegative(),
  autoApprovalRate: z.number().min(0).max(1),
  avgQuality: z.number().min(0).max(1),
});
export type ReviewSummaryView = z.infer<typeof ReviewSummarySchema>;

/** The review of a run: `complete` once the whole project has been validated and every file judged with it. */
export const RunReviewSchema = z.object({
  threshold: z.number().min(0).max(1),
  complete: z.boolean(),
  files: z.record(z.string(), FileReviewSchema),
  /** Findings about files the project lacks (e.g. a missing tests module). */
  projectFindings: z.array(DiagnosticSchema),
  summary: ReviewSummarySchema,
});
export type RunReview = z.infer<typeof RunReviewSchema>;

/** The review of a run before any file has joined it. */
export function emptyRunReview(threshold: number): RunReview {
  return {
    threshold,
    complete: false,
    files: {},
    projectFindings: [],
    summary: {
      files: 0,
      byCategory: { 'auto-approved': [], high: [], medium: [], low: [], error: [] },
      approved: 0,
      skipped: 0,
      pending: 0,
      autoApproved: 0,
      autoApprovalRate: 0,
      avgQuality: 0,
    },
  };
}

/** What a batch operation changed, and every decision after it. */
export const BatchResultSchema = z.object({
  changed: z.array(z.string()),
  decisions: z.record(z.string(), ReviewDecisionSchema),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

export const WriteActionSchema = z.enum(WRITE_ACTIONS);
export type WriteAction = z.infer<typeof WriteActionSchema>;

export const WritePlanSchema = z.object({
  outDir: z.string(),
  /** `created`: new or empty folder; `replaced`: a foreign folder, with force; `merged`: an earlier generation updated in place. */
  mode: z.enum(['created', 'replaced', 'merged']),
  files: z.array(z.object({ path: z.string(), action: WriteActionSchema, conflicts: z.number().int().nonnegative() })),
  /** Files of the run that would not be written (not approved); their version on disk stays. */
  notApproved: z.array(z.string()),
  /** The folder's id (a capability, see `model.ts`), to write there without asking again. */
  folder: z.string().optional(),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;

/**
 * What a file can be compared with in the review's diff, besides its own earlier versions: the
 * offline engine's draft (what the template engine makes of the same ERD), and, when the target
 * folder is known, the file as it is on disk and as DjForge generated it there last time
 * (`.djforge/base/`). Null where there is no such text.
 */
export const FileBasesSchema = z.object({
  path: z.string(),
  draft: z.string().nullable(),
  onDisk: z.string().nullable(),
  lastGenerated: z.string().nullable(),
});
export type FileBases = z.infer<typeof FileBasesSchema>;

/**
 * A conflicting file in the write plan, for the three-way view: the last generation (base), the
 * person's file on disk (yours), this run's version (generated), and the merge with git-style
 * markers where both changed the same lines — the starting point of the result they edit.
 */
export const ConflictDetailSchema = z.object({
  path: z.string(),
  base: z.string(),
  yours: z.string(),
  generated: z.string(),
  merged: z.string(),
  conflicts: z.number().int().nonnegative(),
});
export type ConflictDetail = z.infer<typeof ConflictDetailSchema>;
