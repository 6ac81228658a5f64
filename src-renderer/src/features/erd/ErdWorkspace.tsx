import { useStudio } from '../../store';
import { formatDiagnostic } from '../../../../src-shared/diagnostics';

/** The entities and relations of the open document (the diagram editor grows here). */
export function ErdWorkspace() {
  const document = useStudio((s) => s.document);
  const edit = useStudio((s) => s.edit);
  if (!document) return <p>No document is open.</p>;
  const { erd } = document;
  return (
    <section aria-label="ERD">
      <div className="document-head">
        <label>
          Project{' '}
          <input
            aria-label="Project name"
            value={erd.project.name}
            onChange={(e) => edit({ kind: 'renameProject', from: erd.project.name, to: e.target.value })}
          />
        </label>
        <span className="muted">
          {document.format ?? 'new'} · {erd.entities.length} entities · {erd.relations.length} relations
        </span>
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
    </section>
  );
}
