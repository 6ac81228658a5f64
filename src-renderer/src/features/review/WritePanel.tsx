import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MergeView } from '@renderer/lib/monaco/MergeView';
import { useStudio } from '@renderer/store';
import type { WriteAction } from '@shared/api';
import type { WriteDraft } from './review-slice';
import { useDark } from './use-dark';
import {
  closeConflict,
  closePlan,
  copyWrittenPath,
  openConflict,
  openWrittenFolder,
  resolveConflict,
  setForce,
  setOutDir,
  showPlan,
  writeApproved,
} from './write-actions';

const ACTION_LABELS: Record<WriteAction, string> = {
  new: 'new',
  updated: 'updated',
  merged: 'merged',
  conflicting: 'conflicting',
  removed: 'removed',
  unchanged: 'unchanged',
  kept: 'kept as you left it',
};

/** The merging writer's progress: file operations done of the total, and the file it is on. */
function WriteProgress({ progress }: { progress: WriteDraft['progress'] }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  return (
    <>
      <div
        className="progress"
        role="progressbar"
        aria-label="Writing"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={progress ? `${done} of ${total}: ${progress.path}` : 'Starting'}
      >
        <span style={{ width: total > 0 ? `${(100 * done) / total}%` : '0%' }} />
      </div>
      <span className="muted write-step">{progress ? `${done}/${total} ${progress.path}` : 'Starting…'}</span>
    </>
  );
}

/**
 * Writing the approved files: the folder (typed in the browser, the native dialog in the app),
 * the merge plan before anything is written, conflicts resolved in the three-way view, the write
 * with its progress, and where it went.
 */
export function WritePanel({ approved, running }: { approved: number; running: boolean }) {
  const dark = useDark();
  const { write, nativeDialogs } = useStudio(
    useShallow((s) => ({ write: s.write, nativeDialogs: s.info?.nativeDialogs ?? false })),
  );
  const [result, setResult] = useState('');
  const { plan, conflict } = write;
  const counts = new Map<WriteAction, number>();
  for (const f of plan?.files ?? []) counts.set(f.action, (counts.get(f.action) ?? 0) + 1);
  const blocked = running || approved === 0 || write.writing;
  return (
    <section className="write-panel" aria-label="Write">
      <div className="write-row">
        {!nativeDialogs && (
          <input
            className="path"
            aria-label="Output folder"
            placeholder="/path/to/my-api"
            value={write.outDir}
            onChange={(e) => setOutDir(e.target.value)}
          />
        )}
        {nativeDialogs && write.outDir && <span className="muted">{write.outDir}</span>}
        <label>
          <input type="checkbox" checked={write.force} onChange={(e) => setForce(e.target.checked)} /> replace
        </label>
        <button type="button" disabled={blocked} onClick={() => void showPlan()}>
          {nativeDialogs && !write.folder ? 'Choose folder and plan…' : 'Show merge plan'}
        </button>
        <button type="button" className="primary" disabled={blocked} onClick={() => void writeApproved()}>
          Write approved files
        </button>
        {write.writing && <WriteProgress progress={write.progress} />}
        {write.writtenTo && !write.writing && (
          <span className="written">
            <span aria-label="Written to">
              Written to <code title={write.writtenTo}>{write.writtenTo}</code>
            </span>
            {write.canOpenFolder ? (
              <button type="button" onClick={() => void openWrittenFolder()}>
                Open folder
              </button>
            ) : (
              <button type="button" onClick={() => void copyWrittenPath()}>
                Copy path
              </button>
            )}
          </span>
        )}
      </div>
      {plan && (
        <div className="merge-plan" role="region" aria-label="Merge plan">
          <header>
            <strong>
              {plan.mode === 'merged' ? 'Merging into' : plan.mode === 'replaced' ? 'Replacing' : 'Creating'}{' '}
              {plan.outDir}
            </strong>{' '}
            <span className="muted">
              {[...counts.entries()].map(([a, n]) => `${n} ${ACTION_LABELS[a]}`).join(' · ')}
              {plan.notApproved.length > 0 ? ` · ${plan.notApproved.length} not approved (left as they are)` : ''}
            </span>
            <button type="button" onClick={closePlan}>
              Close plan
            </button>
          </header>
          <ul aria-label="Planned files">
            {plan.files
              .filter((f) => f.action !== 'unchanged')
              .map((f) => (
                <li key={f.path} className={`plan-${f.action}`}>
                  <span className="plan-action">{ACTION_LABELS[f.action]}</span> {f.path}
                  {write.resolutions[f.path] !== undefined && <span className="muted"> (your resolution)</span>}
                  {f.action === 'conflicting' && (
                    <button type="button" onClick={() => void openConflict(f.path)}>
                      Resolve {f.path}
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </div>
      )}
      {conflict && (
        <div className="conflict" role="dialog" aria-label={`Conflict in ${conflict.path}`}>
          <header>
            <strong>
              {conflict.path}: {conflict.conflicts} conflict(s)
            </strong>
            <span className="spacer" />
            <button
              type="button"
              className="primary"
              onClick={() => void resolveConflict(conflict.path, result || conflict.merged)}
            >
              Use this result
            </button>
            <button type="button" onClick={closeConflict}>
              Cancel
            </button>
          </header>
          <MergeView
            key={conflict.path}
            path={conflict.path}
            base={conflict.base}
            yours={conflict.yours}
            generated={conflict.generated}
            result={write.resolutions[conflict.path] ?? conflict.merged}
            dark={dark}
            onResultChange={setResult}
          />
        </div>
      )}
    </section>
  );
}
