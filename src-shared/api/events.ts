/**
 * Every event the main side pushes to the page, declared once: name → payload schema. Electron
 * sends them on `studio:event:<name>`; the web host streams them as server-sent events named
 * `<name>`. Events are notifications; `getRun` returns the authoritative state.
 */
import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics';
import {
  AgentProgressSchema,
  CapabilityIdSchema,
  GeneratedFileSchema,
  RunStatusSchema,
  RunSummarySchema,
  RunUnitSchema,
} from './model';
import { FileReviewSchema, ReviewDecisionSchema } from './review';
import { RuntimeCheckProgressSchema, WriteProgressSchema } from './review-checks';

export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'import',
  'export',
  'generate',
  'cancel',
  'undo',
  'redo',
  'toggleTheme',
  'about',
] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const STUDIO_EVENTS = {
  /** A unit changed status; carries the overall and per-agent counts after the change. */
  runProgress: z.object({
    runId: z.string(),
    unit: RunUnitSchema,
    finished: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    agents: z.array(AgentProgressSchema),
  }),
  /** A piece of text streamed by the model for a unit. */
  runText: z.object({ runId: z.string(), unitId: z.string(), delta: z.string() }),
  /** A file finished and entered review. */
  fileReady: z.object({ runId: z.string(), file: GeneratedFileSchema }),
  /** Problems found in a file by validation (again after each edit or regeneration). */
  findings: z.object({ runId: z.string(), path: z.string(), diagnostics: z.array(DiagnosticSchema) }),
  /**
   * A file has a newly judged version: judged with the whole project when the run completes, or
   * edited, or regenerated with feedback. `file.versions[file.current]` is the new one.
   */
  fileVersion: z.object({ runId: z.string(), path: z.string(), file: FileReviewSchema }),
  /** A file's decision changed (a person, a batch operation, or the auto-approval rule). */
  fileDecision: z.object({
    runId: z.string(),
    path: z.string(),
    decision: ReviewDecisionSchema,
    decidedBy: z.enum(['auto', 'user']).nullable(),
  }),
  /** A piece of text streamed by the model while regenerating `path` with feedback. */
  regenerationText: z.object({ runId: z.string(), path: z.string(), unitId: z.string(), delta: z.string() }),
  /** The run ended; `error` is the sentence to show when it failed. */
  runFinished: z.object({
    runId: z.string(),
    status: RunStatusSchema,
    summary: RunSummarySchema,
    error: z.string().nullable(),
  }),
  /** A native menu item or shortcut the page must act on (Electron only); `file`: a recent file's id. */
  menuCommand: z.object({ command: MenuCommandSchema, file: CapabilityIdSchema.optional() }),
  /** The merging writer finished one more file operation of a `writeProject`. */
  writeProgress: WriteProgressSchema,
  /** "Run runtime checks" reached a new step. */
  runtimeCheckProgress: RuntimeCheckProgressSchema,
} as const;

export type StudioEvents = typeof STUDIO_EVENTS;
export type EventName = keyof StudioEvents;
export type EventPayload<E extends EventName> = z.output<StudioEvents[E]>;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

export const EVENT_NAMES = Object.keys(STUDIO_EVENTS) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(STUDIO_EVENTS, name);
}

/** Emits one event; every host supplies one of these to the service. */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
