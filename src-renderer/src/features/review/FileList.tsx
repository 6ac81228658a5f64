import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '@renderer/store';
import type { FileReview, FileSource } from '@shared/api';
import { selectFile } from './actions';
import { CATEGORY_LABELS, formatScore, type CategoryGroup } from './review-model';

/** What the list says about a file besides its decision: how far its judgement has come. */
function liveStatus(file: FileReview, complete: boolean, editing: boolean): string | null {
  if (editing) return 'editing';
  const origin = file.versions[file.current]?.origin;
  if (origin && origin !== 'generated') return origin;
  return complete ? null : 'judged alone';
}

/**
 * A path that keeps its file name when the row is narrow: the folder part gives way first (cut
 * with an ellipsis before the name, `core/migr…0002_add.py`); the whole path is the button's
 * name and tooltip.
 */
function PathLabel({ path }: { path: string }) {
  const cut = path.lastIndexOf('/') + 1;
  return (
    <>
      {cut > 0 && <span className="path-dir">{path.slice(0, cut)}</span>}
      <span className="path-name">{path.slice(cut)}</span>
    </>
  );
}

function toggle(path: string, range: boolean, order: readonly string[]): void {
  useStudio.getState().toggleSelected(path, range, order);
}

/**
 * The run's files grouped by category, each with its score, source, decision and live status, a
 * checkbox for the custom selection (shift-click for a range), and files still joining the review.
 */
export function FileList({
  groups,
  joining,
  current,
}: {
  groups: CategoryGroup[];
  /** Files generated but not judged yet. */
  joining: string[];
  current: string | undefined;
}) {
  const { sources, selection, complete, editingKey } = useStudio(
    useShallow((s) => ({
      sources: s.run?.files,
      selection: s.reviewSelection,
      complete: s.review?.complete ?? false,
      // The paths being edited, not their texts: typing must not re-render every row.
      editingKey: Object.keys(s.checks).join('\0'),
    })),
  );
  const editing = new Set(editingKey ? editingKey.split('\0') : []);
  const sourceOf = new Map<string, FileSource>((sources ?? []).map((f) => [f.path, f.source]));
  const order = groups.flatMap((g) => g.files.map((f) => f.path));
  const chosen = new Set(selection);
  return (
    <ul className="file-list" aria-label="Files">
      {groups.map((group) => (
        <GroupRows key={group.category} group={group}>
          {group.files.map((file) => {
            const status = liveStatus(file, complete, editing.has(file.path));
            return (
              <li
                key={file.path}
                className={`${file.path === current ? 'selected' : ''} cat-${file.category}`}
                data-path={file.path}
              >
                <input
                  type="checkbox"
                  aria-label={`Select ${file.path}`}
                  checked={chosen.has(file.path)}
                  onClick={(e) => {
                    e.preventDefault();
                    toggle(file.path, e.shiftKey, order);
                  }}
                  onChange={() => undefined}
                />
                <button
                  type="button"
                  className="link path-label"
                  aria-current={file.path === current}
                  aria-label={file.path}
                  title={file.path}
                  onClick={() => selectFile(file.path)}
                >
                  <PathLabel path={file.path} />
                </button>
                <span className="score" title={`Score of ${file.path}`}>
                  {formatScore(file.score)}
                </span>
                {file.findings.length > 0 && (
                  <span className="findings-count" title="Validation findings">
                    ⚠ {file.findings.length}
                  </span>
                )}
                <span className={`decision decision-${file.decision}`}>{file.decision}</span>
                <span className="muted source">{sourceOf.get(file.path) ?? file.agent}</span>
                {status && <span className="live-status">{status}</span>}
              </li>
            );
          })}
        </GroupRows>
      ))}
      {joining.length > 0 && (
        <li role="presentation" className="group-heading">
          <h3>Joining… {joining.length}</h3>
        </li>
      )}
    </ul>
  );
}

function GroupRows({ group, children }: { group: CategoryGroup; children: ReactNode }) {
  return (
    <>
      <li role="presentation" className={`group-heading cat-${group.category}`}>
        <h3>
          {CATEGORY_LABELS[group.category]} · {group.files.length}
        </h3>
      </li>
      {children}
    </>
  );
}
