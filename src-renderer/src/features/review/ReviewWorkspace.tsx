import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '@renderer/store';
import { decideAll, writeApproved } from './actions';
import { FileList } from './FileList';
import { FileView } from './FileView';

/** Every file of the current run: approve or skip each or all, see its code, write the approved. */
export function ReviewWorkspace() {
  const { run, selectedPath, nativeDialogs } = useStudio(
    useShallow((s) => ({ run: s.run, selectedPath: s.selectedPath, nativeDialogs: s.info?.nativeDialogs ?? false })),
  );
  const [outDir, setOutDir] = useState('');
  const [force, setForce] = useState(false);
  if (!run) return <p>No run yet: open an ERD and press Generate.</p>;
  const files = [...run.files].sort((a, b) => a.path.localeCompare(b.path));
  const current = files.find((f) => f.path === selectedPath) ?? files[0];
  const approved = files.filter((f) => run.decisions[f.path] === 'approved').length;
  return (
    <section aria-label="Review" className="review">
      <div className="review-actions">
        <button type="button" onClick={() => void decideAll('approved')}>
          Approve all
        </button>
        <button type="button" onClick={() => void decideAll('skipped')}>
          Skip all
        </button>
        <span className="muted">
          {approved} of {files.length} approved
        </span>
        <span className="spacer" />
        {!nativeDialogs && (
          <input
            className="path"
            aria-label="Output folder"
            placeholder="/path/to/my-api"
            value={outDir}
            onChange={(e) => setOutDir(e.target.value)}
          />
        )}
        <label>
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> replace
        </label>
        <button
          type="button"
          className="primary"
          disabled={run.status === 'running' || approved === 0}
          onClick={() => void writeApproved(outDir.trim() || undefined, force)}
        >
          Write approved files
        </button>
      </div>
      <div className="review-body">
        <FileList paths={files.map((f) => f.path)} current={current?.path} />
        {current && <FileView file={current} />}
      </div>
    </section>
  );
}
