import { useState } from 'react';
import { useStudio } from '@renderer/store';
import type { FileReview, FileVersionView } from '@shared/api';
import { cancelRegeneration, regenerate } from './edit-actions';
import { CATEGORY_LABELS, formatScore } from './review-model';

/**
 * Why the file scored as it did (the live check's judgement while an edit is in progress), its
 * decision and versions, and regeneration with the reviewer's feedback — which needs a model:
 * with the offline engine the panel says so instead.
 */
export function ScorePanel({
  file,
  live,
  checking,
}: {
  file: FileReview;
  live: FileVersionView | null;
  checking: boolean;
}) {
  const engine = useStudio((s) => s.review?.engine ?? null);
  const [feedback, setFeedback] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = live ?? file.versions[file.current];
  const version = file.versions[file.current];
  return (
    <aside className="score-panel" aria-label={`Score of ${file.path}`}>
      <p className={`score-big cat-${shown?.category ?? file.category}`} aria-label="Score">
        {formatScore(shown?.score ?? file.score)}
      </p>
      <p aria-label="Category">
        {CATEGORY_LABELS[shown?.category ?? file.category]}
        {live ? ' · your edit, not kept yet' : checking ? ' · checking your edit…' : ''}
      </p>
      <p className="muted">
        {file.decision}
        {file.decidedBy ? ` by ${file.decidedBy === 'auto' ? 'the auto-approval rule' : 'you'}` : ''}
      </p>
      <h4>Reasons</h4>
      {(shown?.reasons ?? []).length === 0 ? (
        <p className="muted">Nothing lowered the score.</p>
      ) : (
        <ul className="reasons" aria-label="Reasons">
          {(shown?.reasons ?? []).map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {version?.feedback && <p className="muted">This version answers: “{version.feedback}”</p>}
      <h4>Regenerate with feedback</h4>
      {engine !== 'llm' ? (
        <p className="muted" role="note">
          Regeneration needs a model: this run used the offline template engine. Choose the LLM engine and generate
          again to regenerate files with your feedback.
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            void regenerate(file.path, feedback).then((ok) => {
              setBusy(false);
              if (ok) setFeedback('');
            });
          }}
        >
          <textarea
            aria-label="Feedback for the model"
            placeholder="What should change?"
            value={feedback}
            onChange={(e) => setFeedback(e.target.value)}
            rows={4}
          />
          <button type="submit" disabled={busy || feedback.trim() === ''}>
            {busy ? 'Regenerating…' : 'Regenerate'}
          </button>
          {busy && (
            <button type="button" onClick={() => void cancelRegeneration()}>
              Stop
            </button>
          )}
        </form>
      )}
    </aside>
  );
}
