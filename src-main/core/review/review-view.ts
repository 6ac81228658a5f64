/**
 * The review as the contract carries it to the app: findings become diagnostics (the rule is the
 * code, already namespaced by its layer: `security.debug-true`), each file gets its versions with
 * the current one last, and the session's figures come along. Plain data, safe to clone and send.
 */
import type { FileReview, FileVersionView, RunReview } from '../../../src-shared/api/review';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Finding } from '../validate/types';
import type { ReviewSession } from './review-session';
import type { FileVersion, ReviewEntry } from './types';

/** A finding as a diagnostic; its `code` is the finding's rule, the same id the CLI report shows. */
export function findingDiagnostic(f: Finding): Diagnostic {
  return {
    severity: f.severity,
    code: f.rule,
    message: f.message,
    file: f.file,
    ...(f.line > 0 ? { line: f.line } : {}),
    ...(f.column > 0 ? { column: f.column } : {}),
  };
}

function versionView(v: FileVersion): FileVersionView {
  return {
    content: v.content,
    origin: v.origin,
    ...(v.feedback !== undefined ? { feedback: v.feedback } : {}),
    score: v.score,
    category: v.category,
    reasons: [...v.reasons],
    findings: v.findings.map(findingDiagnostic),
  };
}

export function fileReviewView(entry: ReviewEntry): FileReview {
  const versions = [...entry.previous, entry.current].map(versionView);
  return {
    path: entry.path,
    agent: entry.agent,
    failed: entry.failed,
    score: entry.current.score,
    category: entry.current.category,
    reasons: [...entry.current.reasons],
    findings: entry.current.findings.map(findingDiagnostic),
    decision: entry.decision,
    decidedBy: entry.decidedBy,
    versions,
    current: versions.length - 1,
    keptDraft: entry.keptDraft,
  };
}

export function runReviewView(session: ReviewSession): RunReview {
  const summary = session.summary();
  return {
    threshold: session.threshold,
    complete: session.isComplete,
    files: Object.fromEntries(session.list().map((e) => [e.path, fileReviewView(e)])),
    projectFindings: session.projectFindings.map(findingDiagnostic),
    summary,
  };
}
