/**
 * Every error code a host can return, declared once. The core throws `DjForgeError` with one of
 * these; the renderer keys its sentences and retry buttons on them, so an unknown string can never
 * reach it as a code (a new failure needs a new entry here, and the type checker says where).
 */
import { z } from 'zod';

export const ERROR_CODES = [
  // The request itself (dispatch, web host, IPC).
  'request.unknown-method',
  'request.invalid',
  'request.method',
  'request.content-type',
  'request.too-large',
  'ipc.untrusted-sender',
  'host.unreachable',
  'host.refused',
  'host.bad-response',
  'host.path-required',
  'host.dialogs-only',
  // Files and folders the page names (capabilities, confinement).
  'path.refused',
  'capability.unknown',
  // ERD documents.
  'erd.invalid',
  'erd.unreadable',
  'erd.write-failed',
  'erd.write-refused',
  // Settings and the LLM endpoint.
  'settings.invalid',
  'settings.host-only',
  'llm.unusable',
  // Runs.
  'run.busy',
  'run.unknown',
  'run.running',
  'run.cancelled',
  // Review.
  'review.unknown-file',
  'review.not-approvable',
  'review.no-regenerator',
  'review.bad-selection',
  'review.nothing-approved',
  'review.not-ready',
  'review.unresolved',
  // Regeneration with feedback.
  'regenerate.needs-llm',
  'regenerate.unknown-file',
  'regenerate.not-refined',
  'regenerate.empty-feedback',
  'regenerate.cancelled',
  // Writing the project.
  'output.not-empty',
  'output.not-directory',
  'output.unsafe-path',
  'output.write-failed',
  'output.confirm-required',
  // The review's write and runtime checks.
  'host.no-shell',
  'review.unknown-write',
  // Anything else: a bug; the message is shown, the stack never leaves the process.
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
