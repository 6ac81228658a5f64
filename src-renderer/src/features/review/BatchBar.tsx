import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '@renderer/store';
import type { FileReview } from '@shared/api';
import { askBatch, cancelBatch, confirmBatch, decideAll, stopGuided, undoBatch } from './actions';
import { BATCH_LABELS, BATCH_OPERATIONS, batchTargets } from './review-model';

const VERB = {
  approveHighQuality: 'Approve',
  approveHighAndMedium: 'Approve',
  reviewEach: 'Review',
  skipProblematic: 'Skip',
  approveSelection: 'Approve',
} as const;

/**
 * The five batch operations, each with the number of files it would change; a batch asks before
 * acting and the last ones can be undone. "Review each file" starts the guided mode instead.
 */
export function BatchBar({ files, running }: { files: FileReview[]; running: boolean }) {
  const { selection, pending, undo, guided } = useStudio(
    useShallow((s) => ({
      selection: s.reviewSelection,
      pending: s.pendingBatch,
      undo: s.batchUndo.at(-1),
      guided: s.guided,
    })),
  );
  return (
    <div className="batch-bar" role="toolbar" aria-label="Batch operations">
      {BATCH_OPERATIONS.map((op) => {
        const count = batchTargets(op, files, selection).length;
        return (
          <button
            key={op}
            type="button"
            disabled={count === 0 || (running && op === 'reviewEach')}
            aria-label={`${BATCH_LABELS[op]} (${count})`}
            onClick={() => askBatch(op)}
          >
            {BATCH_LABELS[op]} <span className="count">{count}</span>
          </button>
        );
      })}
      <button type="button" onClick={() => void decideAll('approved')}>
        Approve all
      </button>
      <button type="button" disabled={!undo} onClick={() => void undoBatch()}>
        {undo ? `Undo ${undo.label}` : 'Undo batch'}
      </button>
      {guided && (
        <span className="guided" aria-live="polite">
          Guided review: A approve · S skip · J/K next/previous{' '}
          <button type="button" onClick={stopGuided}>
            Stop
          </button>
        </span>
      )}
      {pending && (
        <div className="confirm-batch" role="dialog" aria-label="Confirm batch" aria-modal="false">
          <p>
            {BATCH_LABELS[pending.operation]}: {VERB[pending.operation].toLowerCase()} {pending.paths.length} file(s)?
          </p>
          <ul className="confirm-files">
            {pending.paths.slice(0, 8).map((p) => (
              <li key={p}>{p}</li>
            ))}
            {pending.paths.length > 8 && <li>… and {pending.paths.length - 8} more</li>}
          </ul>
          <button type="button" className="primary" onClick={() => void confirmBatch()}>
            {VERB[pending.operation]} {pending.paths.length} file(s)
          </button>
          <button type="button" onClick={cancelBatch}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
