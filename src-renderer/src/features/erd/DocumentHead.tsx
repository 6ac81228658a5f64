import { useState } from 'react';
import { useStudio } from '@renderer/store';
import { redoEdit, renameProject, undoEdit } from './actions';
import { EXPORT_CHOICES, exportDocument } from './export-actions';

type ExportChoice = (typeof EXPORT_CHOICES)[number]['value'];

/** The document's header: project name, counts, undo/redo, export, the text pane and the view. */
export function DocumentHead(props: {
  view: 'list' | 'diagram';
  onView(view: 'list' | 'diagram'): void;
  textPane: boolean;
  onTextPane(on: boolean): void;
}) {
  const document = useStudio((s) => s.document);
  const canUndo = useStudio((s) => s.undoStack.length > 0);
  const canRedo = useStudio((s) => s.redoStack.length > 0);
  const [format, setFormat] = useState<ExportChoice>('dbml');
  if (!document) return null;
  const { erd } = document;
  return (
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
      <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as ExportChoice)}>
        {EXPORT_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void exportDocument(format)}>
        Export as
      </button>
      <button type="button" aria-pressed={props.textPane} onClick={() => props.onTextPane(!props.textPane)}>
        Text
      </button>
      <div role="group" aria-label="View">
        <button type="button" aria-pressed={props.view === 'list'} onClick={() => props.onView('list')}>
          List
        </button>
        <button type="button" aria-pressed={props.view === 'diagram'} onClick={() => props.onView('diagram')}>
          Diagram
        </button>
      </div>
    </div>
  );
}
