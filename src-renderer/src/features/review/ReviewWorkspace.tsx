import { useState } from 'react';
import { formatDiagnostic } from '../../../../src-shared/diagnostics';
import { useStudio } from '../../store';
import { decideFiles, writeApproved } from '../../store/actions';

/** Every file of the current run with its content, approve/skip per file or all, and writing. */
export function ReviewWorkspace() {
  const run = useStudio((s) => s.run);
  const nativeDialogs = useStudio((s) => s.info?.nativeDialogs ?? false);
  const [selected, setSelected] = useState<string | null>(null);
  const [outDir, setOutDir] = useState('');
  const [force, setForce] = useState(false);
  if (!run) return <p>No run yet: open an ERD and press Generate.</p>;
  const files = [...run.files].sort((a, b) => a.path.localeCompare(b.path));
  const current = files.find((f) => f.path === selected) ?? files[0];
  const approved = files.filter((f) => run.decisions[f.path] === 'approved').length;
  return (
    <section aria-label="Review" className="review">
      <div className="review-actions">
        <button
          type="button"
          onClick={() =>
            void decideFiles(
              files.map((f) => f.path),
              'approved',
            )
          }
        >
          Approve all
        </button>
        <button
          type="button"
          onClick={() =>
            void decideFiles(
              files.map((f) => f.path),
              'skipped',
            )
          }
        >
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
        <ul className="file-list" aria-label="Files">
          {files.map((f) => (
            <li key={f.path} className={f.path === current?.path ? 'selected' : ''}>
              <button type="button" className="link" onClick={() => setSelected(f.path)}>
                {f.path}
              </button>
              {(run.findings[f.path] ?? []).length > 0 && (
                <span className="findings-count" title="Validation findings">
                  ⚠ {(run.findings[f.path] ?? []).length}
                </span>
              )}
              <span className={`decision decision-${run.decisions[f.path] ?? 'pending'}`}>
                {run.decisions[f.path] ?? 'pending'}
              </span>
              <span className="muted">{f.source}</span>
            </li>
          ))}
        </ul>
        {current && (
          <article className="file-view" aria-label={`Content of ${current.path}`}>
            <header>
              <strong>{current.path}</strong>{' '}
              <span className="muted">
                {current.agent} · {current.bytes} bytes
              </span>
              <button type="button" onClick={() => void decideFiles([current.path], 'approved')}>
                Approve
              </button>
              <button type="button" onClick={() => void decideFiles([current.path], 'skipped')}>
                Skip
              </button>
            </header>
            {(run.findings[current.path] ?? []).length > 0 && (
              <ul className="diagnostics" aria-label={`Findings in ${current.path}`}>
                {(run.findings[current.path] ?? []).map((d, i) => (
                  <li key={i} className={`diag-${d.severity}`}>
                    {formatDiagnostic(d)}
                  </li>
                ))}
              </ul>
            )}
            <pre>{current.content}</pre>
          </article>
        )}
      </div>
    </section>
  );
}
