import './review.css';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { preloadDiffView } from '@renderer/lib/monaco/DiffView';
import { useStudio } from '@renderer/store';
import { refreshReview } from './actions';
import { BatchBar } from './BatchBar';
import { keepEdit } from './edit-actions';
import { FileList } from './FileList';
import { FileView } from './FileView';
import { HelpOverlay } from './HelpOverlay';
import { handleReviewKey } from './keyboard';
import { groupByCategory, reviewFigures, visibleOrder } from './review-model';
import { ReviewHeader } from './ReviewHeader';
import { RuntimeChecks } from './RuntimeChecks';
import { WritePanel } from './WritePanel';

/**
 * The review of the current run: figures and filters, the batch bar, the files by category, the
 * file on screen in the diff editor with its findings and score, and writing with a merge plan.
 * Files join while the run goes on; every decision is the host's review's.
 */
export function ReviewWorkspace() {
  const { run, review, selectedPath, filter } = useStudio(
    useShallow((s) => ({ run: s.run, review: s.review, selectedPath: s.selectedPath, filter: s.filter })),
  );
  const runId = run?.runId;
  const status = run?.status;
  const mirrored = review?.runId === runId;
  useEffect(() => {
    if (runId && !mirrored && status !== 'running') void refreshReview(runId);
  }, [runId, mirrored, status]);

  // Monaco is fetched while the review is idle, before the first file needs it.
  useEffect(() => {
    const timer = setTimeout(preloadDiffView, 300);
    return () => clearTimeout(timer);
  }, []);

  const files = mirrored && review ? Object.values(review.files) : [];
  const groups = groupByCategory(files, filter);
  const order = visibleOrder(groups);
  const current = (selectedPath && review?.files[selectedPath]) || (order[0] ? review?.files[order[0]] : undefined);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const handled = handleReviewKey(e, current?.path ?? null, {
        nextFinding: () => useStudio.getState().stepFinding(),
        keepEdit: () => current && void keepEdit(current.path),
      });
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current]);

  if (!run) return <p>No run yet: open an ERD and press Generate.</p>;
  const running = run.status === 'running';
  const figures = reviewFigures(files);
  const judged = new Set(files.map((f) => f.path));
  const joining = run.files.map((f) => f.path).filter((p) => !judged.has(p));
  return (
    <section aria-label="Review" className="review">
      <ReviewHeader figures={figures} running={running} />
      <RuntimeChecks runId={run.runId} running={running} />
      <BatchBar files={files} running={running} />
      <div className="review-body">
        <FileList groups={groups} joining={joining} current={current?.path} />
        {current ? (
          <FileView file={current} />
        ) : (
          <p className="muted">
            {files.length === 0 ? 'Files appear here as they are generated.' : 'No file matches.'}
          </p>
        )}
      </div>
      <WritePanel approved={figures.approved} running={running} />
      <HelpOverlay />
    </section>
  );
}
