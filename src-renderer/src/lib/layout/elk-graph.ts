/**
 * The diagram as an ELK graph for a layered layout (left to right, lines routed between layers),
 * and ELK's answer back as top-left positions. Plain functions, so the worker and the tests use
 * the same code.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

export interface LayoutLink {
  source: string;
  target: string;
}

export type Positions = Record<string, { x: number; y: number }>;

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '60',
  // Pack the components into a screen-shaped area rather than one tall column.
  'elk.aspectRatio': '1.6',
};

export function elkGraph(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): ElkNode {
  const ids = new Set(boxes.map((b) => b.id));
  return {
    id: 'root',
    layoutOptions: OPTIONS,
    children: boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    // A self-reference does not change the layers; a line to a missing box is not drawn.
    edges: links
      .filter((l) => l.source !== l.target && ids.has(l.source) && ids.has(l.target))
      .map((l, i) => ({ id: `e${i}`, sources: [l.target], targets: [l.source] })),
  };
}

/** ELK's laid-out graph as positions rounded to the 20 px grid. */
export function positionsOf(laidOut: ElkNode, grid = 20): Positions {
  const snap = (v: number | undefined) => Math.round((v ?? 0) / grid) * grid;
  return Object.fromEntries((laidOut.children ?? []).map((n) => [n.id, { x: snap(n.x), y: snap(n.y) }]));
}
