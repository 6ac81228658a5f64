/**
 * What a review adds to the machine-readable run report (`djforge generate --json`): per file its
 * score, category, findings and whether it was approved (and so written), and the run's
 * auto-approval rate and average quality. Kept here so every host reports the same fields.
 */
import type { Category } from '../validate/score';
import type { Finding } from '../validate/types';
import type { ReviewSession } from './review-session';

export interface FileReviewReport {
  path: string;
  score: number;
  category: Category;
  findings: Finding[];
  approved: boolean;
  decidedBy: 'auto' | 'user' | null;
  /** Versions before the current one (edits, regenerations). */
  revisions: number;
}

export interface ReviewReport {
  files: FileReviewReport[];
  /** Findings on files the project lacks (e.g. a missing tests module). */
  projectFindings: Finding[];
  metrics: { autoApprovalRate: number; avgQuality: number; approved: number; skipped: number; pending: number };
}

/** The review's part of the run report, files sorted by path. */
export function reviewReport(session: ReviewSession): ReviewReport {
  const summary = session.summary();
  return {
    files: session.list().map((e) => ({
      path: e.path,
      score: e.current.score,
      category: e.current.category,
      findings: e.current.findings,
      approved: e.decision === 'approved',
      decidedBy: e.decidedBy,
      revisions: e.previous.length,
    })),
    projectFindings: session.projectFindings,
    metrics: {
      autoApprovalRate: summary.autoApprovalRate,
      avgQuality: summary.avgQuality,
      approved: summary.approved,
      skipped: summary.skipped,
      pending: summary.pending,
    },
  };
}
