/**
 * What the review's write and its runtime checks report to the page: the writer's progress per
 * file, and the runtime layer (Django's `check`, migrations, generated tests) run on request on
 * the project as it stands, with whether it can run at all.
 */
import { z } from 'zod';

/** One step of the merging writer: `done` of `total` file operations, the last on `path`. */
export const WriteProgressSchema = z.object({
  runId: z.string(),
  /** The write's id, as `writeProject` answers it. */
  writeId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  path: z.string(),
});

/** Whether the runtime layer can run here, and with what; `reason` says why not. */
export const RuntimeAvailabilitySchema = z.object({
  available: z.boolean(),
  /** The interpreter that imports Django and DRF, and its Django version. */
  python: z.string().nullable(),
  djangoVersion: z.string().nullable(),
  /** `bwrap`/`sandbox-exec`, or null where no sandbox works (then only template output runs). */
  sandbox: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RuntimeAvailability = z.infer<typeof RuntimeAvailabilitySchema>;

/** What one "Run runtime checks" did; the files' new judgements arrive as `fileVersion` events. */
export const RuntimeCheckSchema = z.object({
  ran: z.boolean(),
  /** Why the layer did not run (no Django, a syntax error, untrusted files and no sandbox, …). */
  skipped: z.string().nullable(),
  notice: z.string().nullable(),
  sandbox: z.string().nullable(),
  steps: z.array(z.object({ step: z.string(), code: z.number().nullable(), durationMs: z.number() })),
  tests: z.object({ ran: z.number(), passed: z.number(), failing: z.number() }).nullable(),
  /** Every runtime finding, by file. */
  findings: z.array(z.object({ path: z.string(), rule: z.string(), line: z.number(), message: z.string() })),
  durationMs: z.number(),
});
export type RuntimeCheck = z.infer<typeof RuntimeCheckSchema>;

/** A step of "Run runtime checks": `index` of `total` phases (static layers, manage.py steps, scoring). */
export const RuntimeCheckProgressSchema = z.object({
  runId: z.string(),
  step: z.string(),
  index: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});
