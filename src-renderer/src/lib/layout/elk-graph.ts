/**
 * The diagram as an ELK graph for a layered layout (left to right: referenced entities left of
 * those that reference them), and ELK's answer back as top-left positions, with layers taller
 * than a screen-shaped area wrapped into several columns. Plain functions, so the worker and the
 * tests use the same code.
 *
 * Why the wrapping: an ERD is mostly a star (many entities refer to `User`), so a layered layout
 * puts dozens of boxes in one layer — a column thousands of pixels tall that no screen shows
 * readably. ELK's own wrapping splits long chains of layers, not wide layers, so the tall layers
 * are folded here; lines are drawn by the canvas, not routed by ELK, so nothing else moves.
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

/** Width over height of the area a layout aims to fill (a screen's shape). */
export const ASPECT_RATIO = 1.6;
const NODE_GAP = 40;
const LAYER_GAP = 90;
/** Fewer layer columns than this are never stacked into bands. */
const MIN_BANDED_COLUMNS = 5;
/** From this many boxes on, ELK's cheaper strategies: its thorough ones take seconds at 150. */
const LARGE = 60;

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // One layering for everything: unrelated entities join the first layer and are wrapped with it.
  'elk.separateConnectedComponents': 'false',
  'elk.edgeRouting': 'POLYLINE',
};

const LARGE_OPTIONS = {
  ...OPTIONS,
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
};

export function elkGraph(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): ElkNode {
  const ids = new Set(boxes.map((b) => b.id));
  return {
    id: 'root',
    layoutOptions: boxes.length >= LARGE ? LARGE_OPTIONS : OPTIONS,
    children: boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    // A self-reference does not change the layers; a line to a missing box is not drawn.
    edges: links
      .filter((l) => l.source !== l.target && ids.has(l.source) && ids.has(l.target))
      .map((l, i) => ({ id: `e${i}`, sources: [l.target], targets: [l.source] })),
  };
}

interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Folds every layer taller than the target height into side-by-side columns and moves the layers
 * after it right, keeping the order of boxes within a layer. The target height is that of a
 * rectangle of `aspect` holding all the boxes (never less than the tallest box).
 */
export function wrapLayers(boxes: readonly Placed[], aspect = ASPECT_RATIO): Placed[] {
  if (boxes.length === 0) return [];
  const area = boxes.reduce((sum, b) => sum + (b.width + LAYER_GAP) * (b.height + NODE_GAP), 0);
  const limit = Math.max(Math.sqrt(area / aspect), ...boxes.map((b) => b.height));
  const layers = new Map<number, Placed[]>();
  for (const b of boxes) layers.set(b.x, [...(layers.get(b.x) ?? []), b]);
  const top = Math.min(...boxes.map((b) => b.y));
  const out: Placed[] = [];
  let x = Math.min(...boxes.map((b) => b.x));
  for (const layerX of [...layers.keys()].sort((a, b) => a - b)) {
    const layer = (layers.get(layerX) ?? []).slice().sort((a, b) => a.y - b.y);
    const bottom = Math.max(...layer.map((b) => b.y + b.height));
    if (bottom - top <= limit) {
      out.push(...layer.map((b) => ({ ...b, x })));
      x += Math.max(...layer.map((b) => b.width)) + LAYER_GAP;
      continue;
    }
    let y = top;
    let columnWidth = 0;
    for (const b of layer) {
      if (y > top && y + b.height - top > limit) {
        x += columnWidth + NODE_GAP * 2;
        y = top;
        columnWidth = 0;
      }
      out.push({ ...b, x, y });
      y += b.height + NODE_GAP;
      columnWidth = Math.max(columnWidth, b.width);
    }
    x += columnWidth + LAYER_GAP;
  }
  return out;
}

interface Column {
  x: number;
  width: number;
  top: number;
  bottom: number;
  boxes: Placed[];
}

/** Splits `columns` (left to right) into `count` runs of about equal width, in order. */
function splitColumns(columns: readonly Column[], count: number): Column[][] {
  const total = columns.reduce((sum, c) => sum + c.width + LAYER_GAP, 0);
  const bands: Column[][] = [[]];
  let width = 0;
  columns.forEach((c, i) => {
    const band = bands[bands.length - 1] ?? [];
    const left = columns.length - i;
    const wanted = count - bands.length;
    if (band.length > 0 && wanted > 0 && (width + c.width / 2 > total / count || left <= wanted)) {
      bands.push([c]);
      width = c.width + LAYER_GAP;
    } else {
      band.push(c);
      width += c.width + LAYER_GAP;
    }
  });
  return bands;
}

/**
 * Stacks runs of columns as bands, one under the other, when the columns side by side are much
 * wider than `aspect` (an ERD with long chains of references gives many thin layers: a wide flat
 * strip). The number of bands is the one whose whole is closest to `aspect`; one band leaves the
 * diagram as it was. Columns keep their order, left to right, then top to bottom.
 */
export function bandColumns(boxes: readonly Placed[], aspect = ASPECT_RATIO): Placed[] {
  if (boxes.length === 0) return [];
  const byX = new Map<number, Placed[]>();
  for (const b of boxes) byX.set(b.x, [...(byX.get(b.x) ?? []), b]);
  const columns: Column[] = [...byX.entries()]
    .sort(([a], [b]) => a - b)
    .map(([x, members]) => ({
      x,
      width: Math.max(...members.map((b) => b.width)),
      top: Math.min(...members.map((b) => b.y)),
      bottom: Math.max(...members.map((b) => b.y + b.height)),
      boxes: members,
    }));
  const top = Math.min(...columns.map((c) => c.top));
  const shape = (bands: Column[][]) => {
    const widths = bands.map((band) => band.reduce((sum, c) => sum + c.width + LAYER_GAP, -LAYER_GAP));
    const heights = bands.map((band) => Math.max(...band.map((c) => c.bottom)) - top);
    const height = heights.reduce((sum, h) => sum + h, 0) + LAYER_GAP * (bands.length - 1);
    return { bands, heights, miss: Math.abs(Math.log(Math.max(...widths) / height / aspect)) };
  };
  let best = shape([columns]);
  // A few layers side by side read well whatever their shape: only long runs are stacked.
  if (columns.length < MIN_BANDED_COLUMNS) return boxes.slice();
  for (let count = 2; count <= Math.min(columns.length, 12); count++) {
    const candidate = shape(splitColumns(columns, count));
    if (candidate.miss < best.miss) best = candidate;
  }
  if (best.bands.length === 1) return boxes.slice();
  const left = columns[0]?.x ?? 0;
  const out: Placed[] = [];
  let y = 0;
  best.bands.forEach((band, i) => {
    let x = left;
    for (const c of band) {
      for (const b of c.boxes) out.push({ ...b, x, y: b.y + y });
      x += c.width + LAYER_GAP;
    }
    y += (best.heights[i] ?? 0) + LAYER_GAP;
  });
  return out;
}

/** ELK's laid-out graph as positions, tall layers wrapped, rounded to the 20 px grid. */
export function positionsOf(laidOut: ElkNode, grid = 20): Positions {
  const snap = (v: number) => Math.round(v / grid) * grid;
  const placed = (laidOut.children ?? []).map((n) => ({
    id: n.id,
    x: n.x ?? 0,
    y: n.y ?? 0,
    width: n.width ?? 0,
    height: n.height ?? 0,
  }));
  return Object.fromEntries(bandColumns(wrapLayers(placed)).map((b) => [b.id, { x: snap(b.x), y: snap(b.y) }]));
}
