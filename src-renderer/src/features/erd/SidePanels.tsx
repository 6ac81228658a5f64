import { useShallow } from 'zustand/react/shallow';
import { studioState, useStudio } from '@renderer/store';
import { formatDiagnostic } from '@shared/diagnostics-format';
import type { Diagnostic } from '@shared/diagnostics';
import { describeEdit } from './erd-edits';
import { entityOfPath } from './use-validation';

/** The field a diagnostic is about (`entities.Job.fields.title.type` → `title`). */
function fieldOfPath(path: string | undefined): string | null {
  return /^entities\.[^.]+\.fields\.([^.[]+)/.exec(path ?? '')?.[1] ?? null;
}

/**
 * Every diagnostic of the document; clicking one selects the entity (and field, or relation) it
 * is about and asks the canvas to reveal it.
 */
export function IssuesPanel(props: {
  diagnostics: Diagnostic[] | null;
  /** What opening or importing the file noted (names changed, options inferred, …). */
  notes?: readonly Diagnostic[];
  onReveal(entity: string): void;
}) {
  const notes = props.notes ?? [];
  if (props.diagnostics === null) return <p className="muted">Checking…</p>;
  if (props.diagnostics.length + notes.length === 0) return <p className="muted">No problems found.</p>;
  const reveal = (d: Diagnostic) => {
    const path = d.path ?? '';
    const entity = entityOfPath(path);
    if (!entity) return;
    const relation = /^relations\.([^.]+\.[^.]+)/.exec(path)?.[1];
    if (relation) studioState().setSelection({ entities: [], relations: [relation] });
    else studioState().setSelection({ entities: [entity], relations: [] }, fieldOfPath(path));
    props.onReveal(entity);
  };
  const list = (label: string, items: readonly Diagnostic[]) => (
    <ul className="diagnostics issues" aria-label={label}>
      {items.map((d, i) => (
        <li key={i} className={`diag-${d.severity}`}>
          <button type="button" className="link" onClick={() => reveal(d)}>
            {formatDiagnostic(d)}
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {props.diagnostics.length > 0 && list('Issues', props.diagnostics)}
      {notes.length > 0 && (
        <>
          <h4>From opening the file ({notes.length})</h4>
          {list('Notes from opening the file', notes)}
        </>
      )}
    </>
  );
}

/** Undoes or redoes `steps` times (negative: undo), as one click on the history does. */
function travel(steps: number): void {
  for (let i = 0; i < Math.abs(steps); i++) {
    if (steps < 0) studioState().undo();
    else studioState().redo();
  }
}

/**
 * The undo history, newest last, the redo stack greyed after it; clicking a step undoes or redoes
 * to just after it, as in an editor's history panel.
 */
export function HistoryPanel() {
  const { undo, redo } = useStudio(useShallow((s) => ({ undo: s.undoStack, redo: s.redoStack })));
  if (undo.length + redo.length === 0) return <p className="muted">Nothing done yet.</p>;
  return (
    <ol className="history" aria-label="History">
      {undo.map((e, i) => (
        <li key={`u${i}`}>
          <button
            type="button"
            className="link"
            aria-current={i === undo.length - 1 ? 'step' : undefined}
            title={i === undo.length - 1 ? 'The current state' : 'Undo back to just after this step'}
            onClick={() => travel(i - (undo.length - 1))}
          >
            {describeEdit(e)}
          </button>
        </li>
      ))}
      {redo
        .slice()
        .reverse()
        .map((e, i) => (
          <li key={`r${i}`} className="muted">
            <button
              type="button"
              className="link"
              aria-label={`Undone: ${describeEdit(e)}`}
              title="Redo up to this step"
              onClick={() => travel(i + 1)}
            >
              {describeEdit(e)}
            </button>
          </li>
        ))}
    </ol>
  );
}
