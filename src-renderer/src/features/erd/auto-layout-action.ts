/**
 * Automatic layout of the open document as one undoable step: box sizes estimated from the rows
 * the canvas draws, positions from ELK (in its worker), saved in `layout.positions`.
 */
import { showError, studioState } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { perform } from './canvas-actions';
import { diagramOfErd } from './erd-diagram';

/** The size a box is drawn at, near enough for layout: 19 px a row, 7 px a character. */
export function boxSize(rows: { name: string; detail: string; markers: string[] }[]): {
  width: number;
  height: number;
} {
  const widest = Math.max(0, ...rows.map((r) => r.name.length + r.detail.length + r.markers.join('').length));
  return { width: Math.max(220, 60 + widest * 7), height: 40 + rows.length * 19 };
}

/** Lays the document out; false (with a toast) when the layout could not be computed. */
export async function autoLayout(): Promise<boolean> {
  const erd: Erd | undefined = studioState().document?.erd;
  if (!erd || erd.entities.length === 0) return false;
  const diagram = diagramOfErd(erd);
  try {
    const { layoutDiagram } = await import('@renderer/lib/layout/auto-layout');
    const positions = await layoutDiagram(
      diagram.boxes.map((b) => ({ id: b.id, ...boxSize(b.rows) })),
      diagram.links.map((l) => ({ source: l.source, target: l.target })),
    );
    const now = studioState().document?.erd;
    if (now !== erd) return false; // the document changed meanwhile: its layout is not this one
    return perform({
      kind: 'replace',
      label: 'Auto-layout',
      from: erd,
      to: { ...erd, layout: { ...erd.layout, positions } },
    });
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
    return false;
  }
}
