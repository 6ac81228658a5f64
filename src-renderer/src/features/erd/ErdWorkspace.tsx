import { useMemo, useState } from 'react';
import { DiagramView } from '@renderer/lib/flow/DiagramView';
import { isDark } from '@renderer/lib/theme';
import { useStudio } from '@renderer/store';
import { formatDiagnostic } from '@shared/diagnostics-format';
import type { Erd } from '@shared/erd/model';
import { renameProject } from './actions';
import { diagramOfErd } from './erd-diagram';

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

function ErdDiagram({ erd }: { erd: Erd }) {
  const dark = useStudio((s) => isDark(s.theme));
  const diagram = useMemo(() => diagramOfErd(erd), [erd]);
  return <DiagramView diagram={diagram} dark={dark} label="Diagram" />;
}

/** The open document: its project name, diagnostics, and its entities as a list or a diagram. */
export function ErdWorkspace() {
  const document = useStudio((s) => s.document);
  const [view, setView] = useState<'list' | 'diagram'>('list');
  if (!document) return <p>No document is open.</p>;
  const { erd } = document;
  return (
    <section aria-label="ERD">
      <div className="document-head">
        <label>
          Project{' '}
          <input aria-label="Project name" value={erd.project.name} onChange={(e) => renameProject(e.target.value)} />
        </label>
        <span className="muted">
          {document.format ?? 'new'} · {erd.entities.length} entities · {erd.relations.length} relations
        </span>
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
        <ul className="diagnostics" aria-label="Diagnostics">
          {document.diagnostics.map((d, i) => (
            <li key={i} className={`diag-${d.severity}`}>
              {formatDiagnostic(d)}
            </li>
          ))}
        </ul>
      )}
      {erd.entities.length === 0 && <p className="muted">No entities yet: open, import or drop an ERD file.</p>}
      {erd.entities.length > 0 && (view === 'list' ? <EntityList erd={erd} /> : <ErdDiagram erd={erd} />)}
    </section>
  );
}
