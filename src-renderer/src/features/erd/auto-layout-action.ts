/**
 * Automatic layout of the open document as one undoable step: boxes at the size the canvas draws
 * them (box-geometry.ts), positions from ELK (in its worker), saved in `layout.positions`.
 */
import { showError, studioState } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { perform } from './canvas-actions';
import { diagramOfErd } from './erd-diagram';
import type { Positions } from '@renderer/lib/layout/elk-graph';
import { boxSize } from '@renderer/lib/flow/box-geometry';

/**
 * Positions for the entities of `erd` from ELK (loaded on first use, run in its worker). With
 * `only`, just those entities are laid out, among themselves, and placed right of the others.
 */
export async function layoutPositions(erd: Erd, only?: ReadonlySet<string>): Promise<Positions> {
  const diagram = diagramOfErd(erd);
  const boxes = diagram.boxes.filter((b) => !only || only.has(b.id));
  const ids = new Set(boxes.map((b) => b.id));
  const { layoutDiagram } = await import('@renderer/lib/layout/auto-layout');
  const positions = await layoutDiagram(
    boxes.map((b) => ({ id: b.id, ...boxSize(b) })),
    diagram.links
      .filter((l) => ids.has(l.source) && ids.has(l.target))
      .map((l) => ({ source: l.source, target: l.target })),
  );
  if (!only) return positions;
  const kept = diagram.boxes.filter((b) => !ids.has(b.id) && erd.layout?.positions?.[b.id]);
  const right = kept.length === 0 ? 0 : Math.max(...kept.map((b) => b.position.x + boxSize(b).width)) + 120;
  const top = kept.length === 0 ? 0 : Math.min(...kept.map((b) => b.position.y));
  const placed = { ...(erd.layout?.positions ?? {}) };
  for (const [id, p] of Object.entries(positions)) placed[id] = { x: p.x + right, y: p.y + top };
  return placed;
}

/** `erd` with every entity that has no position placed (all of them laid out when none has one). */
export async function placeUnplaced(erd: Erd): Promise<Erd> {
  const known = erd.layout?.positions ?? {};
  const unplaced = new Set(erd.entities.map((e) => e.name).filter((n) => !known[n]));
  if (unplaced.size === 0) return erd;
  const all = unplaced.size === erd.entities.length;
  const positions = await layoutPositions(erd, all ? undefined : unplaced);
  return { ...erd, layout: { ...erd.layout, positions } };
}

/** The automatic layout in progress, if any. */
let running: Promise<boolean> | null = null;

/**
 * Resolves once no automatic layout is running: an export asked while a document's first layout
 * is computed waits for it, and pictures the laid-out diagram rather than the grid before it.
 */
export async function layoutSettled(): Promise<void> {
  while (running) await running;
}

/** Lays the document out; false (with a toast) when the layout could not be computed. */
export function autoLayout(): Promise<boolean> {
  const run = layOut().finally(() => {
    if (running === run) running = null;
  });
  running = run;
  return run;
}

async function layOut(): Promise<boolean> {
  const erd: Erd | undefined = studioState().document?.erd;
  if (!erd || erd.entities.length === 0) return false;
  try {
    const positions = await layoutPositions(erd);
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
