import './erd.css';
import { useEffect, useMemo, useState } from 'react';
import { preloadDiagramView } from '@renderer/lib/flow/DiagramView';
import { useStudio } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { redoEdit, undoEdit } from './actions';
import { addEntityAt } from './canvas-actions';
import { followClipboard } from './clipboard-actions';
import { DocumentHead } from './DocumentHead';
import { ImportChoice, RecoveryBanner } from './DocumentDialogs';
import { ErdCanvas } from './ErdCanvas';
import { PreviewPane } from './PreviewPane';
import { TextPane } from './TextPane';
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

/**
 * The entities with errors, as the same set object while its members stay the same: a check that
 * finds the same errors again (after each move) then redraws nothing on the canvas.
 */
function useFlagged(diagnostics: Parameters<typeof flaggedEntities>[0]): ReadonlySet<string> {
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(() => flaggedEntities(diagnostics));
  const next = useMemo(() => flaggedEntities(diagnostics), [diagnostics]);
  const same = next.size === flagged.size && [...next].every((n) => flagged.has(n));
  if (!same) setFlagged(next);
  return same ? flagged : next;
}

type Panel = 'inspector' | 'issues' | 'history' | 'preview';
const PANEL_TITLES: Record<Exclude<Panel, 'issues'>, string> = {
  inspector: 'Inspector',
  history: 'History',
  preview: 'Django code',
};

/** The open document: the diagram (or a list), the text pane, the inspector, issues, history and preview. */
export function ErdWorkspace() {
  const document = useStudio((s) => s.document);
  const [view, setView] = useState<'list' | 'diagram'>('diagram');
  const [textPane, setTextPane] = useState(false);
  const [panel, setPanel] = useState<Panel>('inspector');
  const [focus, setFocus] = useState<{ box: string } | undefined>(undefined);
  const diagnostics = useDiagnostics(document?.erd ?? null);
  const flagged = useFlagged(diagnostics);
  useUndoKeys();
  useEffect(() => followClipboard(), []);
  // The canvas's code is fetched while the editor is idle, before the first document needs it.
  useEffect(() => {
    const timer = setTimeout(preloadDiagramView, 300);
    return () => clearTimeout(timer);
  }, []);
  if (!document) return <p>No document is open.</p>;
  const { erd } = document;
  const listed = (diagnostics?.length ?? 0) + document.diagnostics.length;
  return (
    <section aria-label="ERD" className="erd-workspace">
      <RecoveryBanner />
      <DocumentHead view={view} onView={setView} textPane={textPane} onTextPane={setTextPane} />
      {document.diagnostics.length > 0 && (
        <p className="muted" aria-label="Import notes">
          {document.diagnostics.length} notes from opening the file (see Issues).
        </p>
      )}
      <div className="erd-editor">
        <div className={`erd-main${textPane ? ' with-text' : ''}`}>
          {erd.entities.length === 0 ? (
            <div className="empty-diagram">
              <p className="muted">No entities yet: add the first one, or open, import, paste or drop a file.</p>
              <button type="button" className="primary" onClick={() => addEntityAt({ x: 0, y: 0 })}>
                Add entity
              </button>
            </div>
          ) : view === 'list' ? (
            <EntityList erd={erd} />
          ) : (
            <ErdCanvas erd={erd} flagged={flagged} {...(focus ? { focus } : {})} />
          )}
          {textPane && <TextPane erd={erd} />}
        </div>
        <aside className="erd-side" aria-label="Side panel">
          <div role="tablist" aria-label="Panels" className="tabs">
            {(['inspector', 'issues', 'history', 'preview'] as const).map((p) => (
              <button key={p} type="button" role="tab" aria-selected={panel === p} onClick={() => setPanel(p)}>
                {p === 'issues' ? `Issues (${listed})` : PANEL_TITLES[p]}
              </button>
            ))}
          </div>
          {panel === 'inspector' && <Inspector erd={erd} />}
          {panel === 'issues' && (
            <IssuesPanel diagnostics={diagnostics} notes={document.diagnostics} onReveal={(box) => setFocus({ box })} />
          )}
          {panel === 'history' && <HistoryPanel />}
          {panel === 'preview' && <PreviewPane erd={erd} />}
        </aside>
      </div>
      <ImportChoice />
    </section>
  );
}
