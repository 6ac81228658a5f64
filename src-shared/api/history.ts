/**
 * One recorded run as the history keeps it (one JSON line per run in the data folder) and the
 * dashboard, `djforge stats` and the exports read it. Every number is measured during the run —
 * clocks, counters, the provider's usage reports — never estimated: a figure the run could not
 * measure (a model's cost with no price known) is null, not a guess.
 */
import { z } from 'zod';
import { EngineSchema, FileSourceSchema, RunStatusSchema, RunSummarySchema } from './model';

export const HISTORY_RECORD_VERSION = 1;

/** Where a unit's text came from, plus `failed` for a unit whose generator threw. */
export const UnitSourceSchema = z.union([FileSourceSchema, z.literal('failed')]);
export type UnitSource = z.infer<typeof UnitSourceSchema>;

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();
const rate = z.number().min(0).max(1);

/** One unit on the run's clock (ms since the pipeline started) and its pool lane. */
export const UnitTimingSchema = z.object({
  unitId: z.string(),
  agent: z.string(),
  slot: count,
  startMs: ms,
  endMs: ms,
  source: UnitSourceSchema,
});
export type UnitTimingRecord = z.infer<typeof UnitTimingSchema>;

/** Busy time of one agent: the sum of its units' durations. */
export const AgentTimeSchema = z.object({ agent: z.string(), units: count, busyMs: ms });

export const FileQualitySchema = z.object({
  path: z.string(),
  agent: z.string(),
  source: FileSourceSchema,
  score: rate,
  category: z.string(),
  /** The decision when the run was recorded; who made it (`auto`, `user`), and earlier versions (edits). */
  approved: z.boolean(),
  decidedBy: z.enum(['auto', 'user']).nullable(),
  revisions: count,
});
export type FileQuality = z.infer<typeof FileQualitySchema>;

/** What one model did in the run: calls, failures by class, tokens, latency and cost. */
export const ModelUsageSchema = z.object({
  model: z.string(),
  calls: count,
  failures: z.record(z.string(), count),
  tokensIn: count,
  tokensOut: count,
  /** Calls whose provider reported no usage (their tokens are unknown, not zero). */
  callsWithoutUsage: count,
  latencyP50Ms: ms.nullable(),
  latencyP95Ms: ms.nullable(),
  /** US dollars from the price table; 0 for a local endpoint; null when no price is known. */
  costUsd: z.number().nonnegative().nullable(),
});
export type ModelUsage = z.infer<typeof ModelUsageSchema>;

/**
 * What happened to one file in the review: its category and score as judged before the person
 * changed anything, the final decision, who took it, and the person's edits and regenerations.
 * `outcome` says it in one word (a changed file is `edited` or `regenerated` whatever its
 * decision); `approvedUnchanged` is what the threshold rules count.
 */
export const ReviewedFileSchema = z.object({
  path: z.string(),
  category: z.string(),
  score: rate,
  decision: z.enum(['approved', 'skipped', 'pending']),
  decidedBy: z.enum(['auto', 'user']).nullable(),
  edits: count,
  regenerations: count,
  outcome: z.enum(['approved', 'skipped', 'edited', 'regenerated', 'pending']),
  approvedUnchanged: z.boolean(),
});
export type ReviewedFile = z.infer<typeof ReviewedFileSchema>;

/**
 * A run's review as it stood when the project was written. `reviewer` says whether a person
 * decided (the app, `djforge generate`'s interactive review) or a policy did (`--approve high`
 * in CI); only a person's decisions feed the threshold recommendations.
 */
export const ReviewOutcomeSchema = z.object({
  recordedAt: z.number(),
  reviewer: z.enum(['person', 'policy']),
  threshold: rate,
  files: z.array(ReviewedFileSchema),
});
export type ReviewOutcome = z.infer<typeof ReviewOutcomeSchema>;

export const REVIEW_RECORD_VERSION = 1;

/**
 * The review of a run recorded after the run's own line (the app records a run when it ends and
 * its review when the person writes the project): a line of its own in `reviews.jsonl`, linked by
 * `runId`, which readers merge into the run (the latest review of a run wins). Old lines are never
 * rewritten.
 */
export const ReviewHistoryRecordSchema = ReviewOutcomeSchema.extend({
  kind: z.literal('review'),
  version: z.literal(REVIEW_RECORD_VERSION),
  runId: z.string(),
  host: z.enum(['cli', 'app']),
});
export type ReviewHistoryRecord = z.infer<typeof ReviewHistoryRecordSchema>;

export const RunHistoryRecordSchema = z.object({
  version: z.literal(HISTORY_RECORD_VERSION),
  runId: z.string(),
  host: z.enum(['cli', 'app']),
  status: RunStatusSchema,
  erd: z.object({ name: z.string(), hash: z.string() }),
  project: z.string(),
  engine: EngineSchema,
  /** The model chain, primary first; empty for the template engine. */
  models: z.array(z.string()),
  /** Whether the models were served from this machine (their cost is zero). */
  localEndpoint: z.boolean(),
  concurrency: count,
  startedAt: z.number(),
  pipelineMs: ms,
  generateMs: ms,
  validateMs: ms,
  agents: z.array(AgentTimeSchema),
  units: z.array(UnitTimingSchema),
  cache: z.object({ hits: count, misses: count, timeSavedMs: ms, tokensSaved: count }),
  modelCalls: count,
  retriesByClass: z.record(z.string(), count),
  fallbacksByClass: z.record(z.string(), count),
  files: z.array(FileQualitySchema),
  autoApprovalRate: rate,
  averageQuality: rate,
  /** Share of units that failed or fell back to the template draft. */
  errorRate: rate,
  modelUsage: z.array(ModelUsageSchema),
  costUsd: z.number().nonnegative().nullable(),
  runtime: z.object({ ran: z.boolean(), ok: z.boolean().nullable(), skipped: z.string().nullable(), ms }),
  summary: RunSummarySchema,
  /**
   * The review's outcome: in the run's own line when the host reviewed before recording (the
   * CLI), else merged from the review record written later (the app); absent while unreviewed.
   */
  review: ReviewOutcomeSchema.optional(),
});
export type RunHistoryRecord = z.infer<typeof RunHistoryRecordSchema>;

/** Which runs a view or an export covers. */
export const HistoryFilterSchema = z
  .object({
    erd: z.string().min(1).optional(),
    engine: EngineSchema.optional(),
    last: z.number().int().positive().optional(),
  })
  .strict();
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>;

export const RATINGS = ['excellent', 'good', 'needsAttention'] as const;
export const RATED_METRICS = ['pipelineMs', 'cacheHitRate', 'autoApprovalRate', 'errorRate', 'averageQuality'] as const;

/** One metric of a run against its baseline. `differencePct` is signed: positive = better. */
export const MetricRatingSchema = z.object({
  metric: z.enum(RATED_METRICS),
  value: z.number(),
  baseline: z.number(),
  differencePct: z.number(),
  rating: z.enum(RATINGS),
});
export type MetricRating = z.infer<typeof MetricRatingSchema>;

/** Advice from a documented rule, with the recorded numbers that triggered it. */
export const RecommendationSchema = z.object({
  rule: z.string(),
  message: z.string(),
  evidence: z.record(z.string(), z.union([z.number(), z.string()])),
  runIds: z.array(z.string()),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** What the dashboard shows: the matching runs (newest last), the latest run's ratings, the advice. */
export const HistoryDashboardSchema = z.object({
  records: z.array(RunHistoryRecordSchema),
  ratings: z.array(MetricRatingSchema),
  recommendations: z.array(RecommendationSchema),
  baselines: z.record(z.enum(RATED_METRICS), z.number()),
  /** Lines the store skipped (corrupt or truncated), with where they were. */
  warnings: z.array(z.string()),
});
export type HistoryDashboard = z.infer<typeof HistoryDashboardSchema>;

export const HistoryExportSchema = z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() });
export type HistoryExport = z.infer<typeof HistoryExportSchema>;
