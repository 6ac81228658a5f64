/**
 * The review's outcome for the history: per file how it was judged before the person touched it,
 * what they decided and what they changed. The app appends it as a review record when the person
 * writes the project (its run line was recorded when the run ended, before any decision); the CLI,
 * which reviews before recording, puts it in the run's own line. Both read the same
 * `ReviewSession`, so the threshold rules see the app's and the CLI's reviews alike.
 */
import {
  REVIEW_RECORD_VERSION,
  type ReviewedFile,
  type ReviewHistoryRecord,
  type ReviewOutcome,
} from '../../../src-shared/api/history';
import type { ReviewSession } from '../review/review-session';

/** One word for what became of a file: a file the person changed is `edited` or `regenerated`. */
function outcomeOf(decision: ReviewedFile['decision'], edits: number, regenerations: number): ReviewedFile['outcome'] {
  if (edits > 0) return 'edited';
  if (regenerations > 0) return 'regenerated';
  return decision;
}

/** The outcome of `session` now; `reviewer` says whether a person or a policy decided. */
export function reviewOutcome(
  session: ReviewSession,
  reviewer: ReviewOutcome['reviewer'],
  recordedAt: number,
): ReviewOutcome {
  const files = session.list().map((entry): ReviewedFile => {
    const { edits, regenerations, judged } = session.reviewerChanges(entry.path);
    return {
      path: entry.path,
      category: judged.category,
      score: judged.score,
      decision: entry.decision,
      decidedBy: entry.decidedBy,
      edits,
      regenerations,
      outcome: outcomeOf(entry.decision, edits, regenerations),
      approvedUnchanged: entry.decision === 'approved' && edits === 0 && regenerations === 0,
    };
  });
  return { recordedAt, reviewer, threshold: session.threshold, files };
}

/** The review record of run `runId`, linked to its run line by the id. */
export function reviewHistoryRecord(
  runId: string,
  host: ReviewHistoryRecord['host'],
  outcome: ReviewOutcome,
): ReviewHistoryRecord {
  return { kind: 'review', version: REVIEW_RECORD_VERSION, runId, host, ...outcome };
}
