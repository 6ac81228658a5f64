import './erd.css';
import { useEffect, useMemo, useState } from 'react';
import { useStudio } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { redoEdit, renameProject, undoEdit } from './actions';
import { addEntityAt } from './canvas-actions';
import { ErdCanvas } from './ErdCanvas';
import { Inspector } from './Inspector';
import { HistoryPanel, IssuesPanel } from './SidePanels';
import { flaggedEntities, useDiagnostics } from './use-validation';

function EntityList({ erd }: { erd: Erd }) {
  return (
    <div className="entities">
      {erd.entities.map((entity) => (
        <article key={entity.name} className="entity" aria-label={`Entity ${entity.name}`}>
          <h3>{entity.name}</h3>
          <ul>
            {entity.fields.map((f) => (
              <li key={f.name}>
                <code>{f.name}</code> <span className="muted">{f.type}</span>
              </li>
            ))}
            {erd.relations
              .filter((r) => r.from === entity.name)
              .map((r) => (
                <li key={r.name}>
                  <code>{r.name}</code>{' '}
                  <span className="muted">
                    → {r.to} ({r.kind})
                  </span>
                </li>
              ))}
          </ul>
        </article>
      ))}
    </div>
  );
}

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo — except inside a text input, which keeps its own. */
function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target;
      if (t instanceof HTMLElement && /^(INPUT|TEXTAREA)$/.test(t.tagName)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undoEdit();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey)) redoEdit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

type Panel = 'inspector' | 'issues' | 'history';

/** The open document: the diagram (or a list), the inspector, the issues and the history. */
export function ErdWorkspace() {
  const document = useStudio((s) => s.document);
  const canUndo = useStudio((s) => s.undoStack.length > 0);
  const canRedo = useStudio((s) => s.redoStack.length > 0);
  const [view, setView] = useState<'list' | 'diagram'>('diagram');
  const [panel, setPanel] = useState<Panel>('inspector');
  const [focus, setFocus] = useState<{ box: string } | undefined>(undefined);
  const diagnostics = useDiagnostics(document?.erd ?? null);
  const flagged = useMemo(() => flaggedEntities(diagnostics), [diagnostics]);
  useUndoKeys();
  if (!document) return <p>No document is open.</p>;
  const { erd } = document;
  const problems = diagnostics?.filter((d) => d.severity === 'error').length ?? 0;
  return (
    <section aria-label="ERD" className="erd-workspace">
      <div className="document-head">
        <label>
          Project{' '}
          <input aria-label="Project name" value={erd.project.name} onChange={(e) => renameProject(e.target.value)} />
        </label>
        <span className="muted">
          {document.format ?? 'new'} · {erd.entities.length} entities · {erd.relations.length} relations
        </span>
        <button type="button" disabled={!canUndo} onClick={undoEdit} title="Ctrl/Cmd+Z">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={redoEdit} title="Shift+Ctrl/Cmd+Z or Ctrl+Y">
          Redo
        </button>
        <span className="spacer" />
        <div role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            List
          </button>
          <button type="button" aria-pressed={view === 'diagram'} onClick={() => setView('diagram')}>
            Diagram
          </button>
        </div>
      </div>
      {document.diagnostics.length > 0 && (
        <p className="muted" aria-label="Import notes">
          {document.diagnostics.length} notes from opening the file (see Issues).
        </p>
      )}
      <div className="erd-editor">
        <div className="erd-main">
          {erd.entities.length === 0 ? (
            <div className="empty-diagram">
              <p className="muted">No entities yet: add the first one, or open, import or drop a file.</p>
              <button type="button" className="primary" onClick={() => addEntityAt({ x: 0, y: 0 })}>
                Add entity
              </button>
            </div>
          ) : view === 'list' ? (
            <EntityList erd={erd} />
          ) : (
            <ErdCanvas erd={erd} flagged={flagged} {...(focus ? { focus } : {})} />
          )}
        </div>
        <aside className="erd-side" aria-label="Side panel">
          <div role="tablist" aria-label="Panels" className="tabs">
            {(['inspector', 'issues', 'history'] as const).map((p) => (
              <button key={p} type="button" role="tab" aria-selected={panel === p} onClick={() => setPanel(p)}>
                {p === 'issues' ? `Issues (${problems})` : p === 'inspector' ? 'Inspector' : 'History'}
              </button>
            ))}
          </div>
          {panel === 'inspector' && <Inspector erd={erd} />}
          {panel === 'issues' && <IssuesPanel diagnostics={diagnostics} onReveal={(box) => setFocus({ box })} />}
          {panel === 'history' && <HistoryPanel />}
        </aside>
      </div>
    </section>
  );
}
