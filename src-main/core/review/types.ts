/**
 * What the review works on: a file as it joins the session, its versions, and the decision taken
 * on it. Plain data so every host (CLI, Electron, web) can show and serialize it.
 */
import type { ErrorCode } from '../../../src-shared/error-codes';
import type { PoolEvent } from '../agents/events';
import { DjForgeError } from '../errors';
import type { Category } from '../validate/score';
import type { Finding, SourceFile } from '../validate/types';

/** A finished file from the pipeline. `failed` says why generation failed (its content is then a placeholder). */
export interface ReviewFileInput {
  path: string;
  content: string;
  agent?: string;
  failed?: string;
}

export type Decision = 'pending' | 'approved' | 'skipped';

/** Where a version of a file came from. */
export type VersionOrigin = 'generated' | 'edited' | 'regenerated';

/** One judged version of a file's content. */
export interface FileVersion {
  content: string;
  origin: VersionOrigin;
  /** The reviewer's feedback that produced this version (regenerated only). */
  feedback?: string;
  findings: Finding[];
  score: number;
  category: Category;
  reasons: string[];
}

export interface ReviewEntry {
  path: string;
  agent: string | null;
  failed: string | null;
  /** The current version. */
  current: FileVersion;
  /** Earlier versions, oldest first, kept for comparison after an edit or a regeneration. */
  previous: FileVersion[];
  decision: Decision;
  /** Who decided: the auto-approval rule or a person. Null while pending. */
  decidedBy: 'auto' | 'user' | null;
  /**
   * Set when the model's version was rejected and the offline draft (the template engine's text)
   * replaced it, with the reason; null while the model's version (or a person's) is kept.
   */
  keptDraft: { reason: string } | null;
}

/** The offline draft that replaces a model-written file, and why. */
export interface DraftReplacement {
  content: string;
  reason: string;
}

/**
 * Validates the whole current project and returns findings for every file; the session keeps
 * each file's own. Injected so tests and hosts choose the layers (static only, or with runtime).
 */
export type ValidateFiles = (files: readonly SourceFile[]) => Promise<Finding[]>;

/** Per regeneration: cancellation, and where its progress (the model's streamed text) goes. */
export interface RegenerateHooks {
  signal?: AbortSignal;
  onEvent?: (event: PoolEvent) => void;
}

/** Produces new content for `path` from reviewer feedback (the LLM engine's job; injected). */
export type Regenerate = (path: string, feedback: string, current: string, hooks?: RegenerateHooks) => Promise<string>;

export type ReviewErrorCode = Extract<ErrorCode, `review.${string}`>;

/** A review action refused (unknown file, a failed file approved, no engine to regenerate). */
export class ReviewError extends DjForgeError<ReviewErrorCode> {
  constructor(message: string, code: ReviewErrorCode) {
    super(code, message);
  }
}
