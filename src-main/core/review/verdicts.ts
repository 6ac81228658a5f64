/**
 * The review's verdicts: per file its score, category, findings and decision, and the run's
 * auto-approval rate and average quality. The run report (`GenerationReport`) and the app's run
 * snapshot both take their per-file judgement from here, so every host shows the same verdicts.
 */
import type { Category } from '../validate/score';
import type { Finding } from '../validate/types';
import type { ReviewSession } from './review-session';

export interface FileVerdict {
  path: string;
  score: number;
  category: Category;
  findings: Finding[];
  approved: boolean;
  decidedBy: 'auto' | 'user' | null;
  /** Versions before the current one (edits, regenerations). */
  revisions: number;
  /** The offline draft replaced the model's version, and why; null when the model's (or a person's) version is kept. */
  keptDraft: { reason: string } | null;
}

export interface ReviewVerdicts {
  files: FileVerdict[];
  /** Findings on files the project lacks (e.g. a missing tests module). */
  projectFindings: Finding[];
  metrics: { autoApprovalRate: number; avgQuality: number; approved: number; skipped: number; pending: number };
}

/** The verdicts of `session`, files sorted by path. */
export function reviewVerdicts(session: ReviewSession): ReviewVerdicts {
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
      keptDraft: e.keptDraft,
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
