/**
 * Writing a project is when the app learns the person's review: the run's line was recorded when
 * the run ended, before any decision, so each successful write appends a review record for the
 * run (per file: category, decision, edits, regenerations, approved unchanged), which the
 * history merges into the run and the threshold rules read. Recording is a convenience: a full
 * disk never turns a written project into a failure.
 */
import type { HistoryStore } from '../history/history-store';
import { reviewHistoryRecord, reviewOutcome } from '../history/review-record';
import type { StudioHandlers } from './dispatch';
import type { RunManager } from './run-manager';

export interface ReviewRecordDeps {
  runs: RunManager;
  history: HistoryStore;
  now: () => number;
}

/** `writeProject` that records the run's review after every write that happened. */
export function recordReviewOnWrite(
  writeProject: StudioHandlers['writeProject'],
  deps: ReviewRecordDeps,
): Pick<StudioHandlers, 'writeProject'> {
  return {
    writeProject: async (input) => {
      const written = await writeProject(input);
      if (written) {
        const outcome = reviewOutcome(deps.runs.generation(input.runId).review, 'person', deps.now());
        await deps.history.addReview(reviewHistoryRecord(input.runId, 'app', outcome)).catch(() => undefined);
      }
      return written;
    },
  };
}
