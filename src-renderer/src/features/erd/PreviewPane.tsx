import { useState } from 'react';
import { CodeView } from '@renderer/lib/monaco/CodeView';
import { isDark } from '@renderer/lib/theme';
import { useStudio } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { usePreview } from './use-preview';

const TITLES = {
  model: 'Model',
  serializer: 'Serializer',
  viewset: 'Viewset',
  filterset: 'Filter set',
  admin: 'Admin',
  tests: 'Tests',
} as const;

/**
 * The Django code the offline engine writes for the selected entity, one tab per part, read-only
 * in Monaco (loaded on first use), updated as the document changes.
 */
export function PreviewPane({ erd }: { erd: Erd }) {
  const entity = useStudio((s) => s.selection.entities[0] ?? null);
  const dark = useStudio((s) => isDark(s.theme));
  const { preview, error } = usePreview(erd, entity);
  const [tab, setTab] = useState<keyof typeof TITLES>('model');
  if (!entity) return <p className="muted">Select an entity to see the Django code it becomes.</p>;
  if (error)
    return (
      <p role="alert" className="diag-error">
        {error}
      </p>
    );
  if (!preview || preview.entity !== entity) return <p className="muted">Generating {entity}…</p>;
  const shown = preview.parts.find((p) => p.part === tab) ?? preview.parts[0];
  return (
    <section className="preview-pane" aria-label={`Django code of ${entity}`}>
      <div role="tablist" aria-label="Code parts" className="tabs small">
        {preview.parts.map((p) => (
          <button key={p.part} type="button" role="tab" aria-selected={p === shown} onClick={() => setTab(p.part)}>
            {TITLES[p.part]}
          </button>
        ))}
      </div>
      {shown && (
        <>
          <p className="muted">
            {shown.file} · {preview.replanned} of {preview.parts.length} parts re-planned in {preview.ms} ms
          </p>
          <CodeView path={`preview/${entity}/${shown.file}`} text={shown.code} dark={dark} />
        </>
      )}
    </section>
  );
}
