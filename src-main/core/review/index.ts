/**
 * The review of generated files: `ReviewSession` (categories, the five batch operations,
 * per-file approve/edit/skip/regenerate) and the approval policy of non-interactive runs.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { validateRuntime, type RuntimeOptions } from '../validate/runtime-layer';
import { validateStatic, type ValidateOptions } from '../validate/validate-project';
import type { ValidateFiles } from './types';

export { ReviewSession, type ReviewEvents, type ReviewSessionOptions, type ReviewSummary } from './review-session';
export { applyApprovalPolicy, parseApprovalPolicy, APPROVAL_POLICIES, type ApprovalPolicy } from './approval-policy';
export * from './types';
export { versionDiff } from './version-diff';
export { reviewVerdicts, type FileVerdict, type ReviewVerdicts } from './verdicts';

/** The usual validator of a session: the static layers (with ERD coverage when `erd` is given). */
export function staticValidator(erd?: Erd, options: Omit<ValidateOptions, 'erd'> = {}): ValidateFiles {
  return async (files) => (await validateStatic(files, { ...options, erd })).findings;
}

/**
 * The validator for a complete project: the static layers, then — unless `runtime` is false or a
 * file does not even parse — the runtime layer (check, migrations, generated tests) in a
 * temporary copy. Meant for `ReviewSession`'s `validateProject`.
 */
export function projectValidator(
  erd?: Erd,
  options: Omit<ValidateOptions, 'erd'> & { runtime?: RuntimeOptions | false } = {},
): ValidateFiles {
  return async (files) => {
    const { findings } = await validateStatic(files, { ...options, erd });
    if (options.runtime === false || findings.some((f) => f.layer === 'syntax' && f.severity === 'error'))
      return findings;
    return [...findings, ...(await validateRuntime(files, options.runtime ?? {})).findings];
  };
}
export { fileReviewView, findingDiagnostic, runReviewView } from './review-view';
