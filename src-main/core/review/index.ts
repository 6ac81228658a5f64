/**
 * The review of generated files: `ReviewSession` (categories, the five batch operations,
 * per-file approve/edit/skip/regenerate) and the approval policy of non-interactive runs.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { validateStatic, type ValidateOptions } from '../validate/validate-project';
import type { ValidateFiles } from './types';

export { ReviewSession, type ReviewEvents, type ReviewSessionOptions, type ReviewSummary } from './review-session';
export { applyApprovalPolicy, parseApprovalPolicy, APPROVAL_POLICIES, type ApprovalPolicy } from './approval-policy';
export * from './types';

/** The usual validator of a session: the static layers (with ERD coverage when `erd` is given). */
export function staticValidator(erd?: Erd, options: Omit<ValidateOptions, 'erd'> = {}): ValidateFiles {
  return async (files) => (await validateStatic(files, { ...options, erd })).findings;
}
