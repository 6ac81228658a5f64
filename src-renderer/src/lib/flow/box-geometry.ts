/**
 * The size a box is drawn at, computed rather than left to the browser: the canvas gives each box
 * this width and fixed-height rows, so a box measures the same whether its rows are written out or
 * shown as lines at a far zoom (see `EntityNode`), and the automatic layout and the SVG/PNG export
 * place and draw boxes at the size the canvas shows them. Widths come from the fonts' own metrics
 * where the page can measure text (a canvas), and from a per-character estimate elsewhere (tests).
 */
import type { DiagramBox, DiagramRow } from './diagram';

/** The coloured stripe above the header. */
export const STRIPE = 4;
/** The header row, its bottom border included. */
export const HEAD_HEIGHT = 26;
/** Space above the first row and below the last. */
export const ROWS_PAD = 3;
export const ROW_HEIGHT = 18;
export const MIN_WIDTH = 200;
export const MAX_WIDTH = 480;
/** Left and right padding of the header and of each row. */
const SIDE = 10;
const GAP = 6;
const MARKERS_MIN = 26;

/** The fonts the box's CSS uses (flow.css, styles.css): measured with the same strings. */
export const FONTS = {
  title: 'bold 12px system-ui, -apple-system, "Segoe UI", sans-serif',
  name: '12px ui-monospace, "Cascadia Code", Menlo, monospace',
  detail: '12px system-ui, -apple-system, "Segoe UI", sans-serif',
  marker: '9px system-ui, -apple-system, "Segoe UI", sans-serif',
} as const;

export type TextMeasure = (text: string, font: string) => number;

/** Average character widths of the fonts at their sizes, where nothing can measure text. */
const PER_CHAR: Record<string, number> = {
  [FONTS.title]: 7.6,
  [FONTS.name]: 7.3,
  [FONTS.detail]: 6.8,
  [FONTS.marker]: 6,
};

export const estimateText: TextMeasure = (text, font) => text.length * (PER_CHAR[font] ?? 7);

/** The part of a canvas's 2D context that measures text (an OffscreenCanvas's, in the page). */
interface TextContext {
  font: string;
  measureText(text: string): { width: number };
}
type TextCanvas = new (width: number, height: number) => { getContext(kind: '2d'): TextContext | null };

let context: TextContext | null | undefined;
/** Per font, the width of each character met so far: a name's width is the sum of its characters'. */
const glyphs = new Map<string, Map<string, number>>();
/** Per font, the texts measured so far (names and types repeat across a diagram's boxes). */
const texts = new Map<string, Map<string, number>>();

/**
 * The width of `text` in `font` as the page draws it, from the canvas's metrics of each character
 * (measured once per font; kerning ignored, which the ellipsis in flow.css absorbs), or an estimate
 * where there is no canvas. Measuring each name whole took 20 ms of opening a 150-entity diagram.
 */
export const pageText: TextMeasure = (text, font) => {
  if (context === undefined) {
    const Canvas = (globalThis as { OffscreenCanvas?: TextCanvas }).OffscreenCanvas;
    context = Canvas ? new Canvas(1, 1).getContext('2d') : null;
  }
  if (!context) return estimateText(text, font);
  let known = texts.get(font);
  if (!known) texts.set(font, (known = new Map()));
  const seen = known.get(text);
  if (seen !== undefined) return seen;
  let widths = glyphs.get(font);
  if (!widths) glyphs.set(font, (widths = new Map()));
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    let width = widths.get(char);
    if (width === undefined) {
      if (context.font !== font) context.font = font;
      width = context.measureText(char).width;
      widths.set(char, width);
    }
    total += width;
  }
  if (known.size > 5000) known.clear();
  known.set(text, total);
  return total;
};

function rowWidth(row: DiagramRow, measure: TextMeasure): number {
  const markers = row.markers.reduce((w, m, i) => w + measure(m, FONTS.marker) + 8 + (i > 0 ? 2 : 0), 0);
  return (
    SIDE +
    Math.max(MARKERS_MIN, markers) +
    GAP +
    measure(row.name, FONTS.name) +
    GAP * 2 +
    measure(row.detail, FONTS.detail) +
    SIDE
  );
}

/** The box's width: its widest line (header or row) between the minimum and maximum, borders included. */
export function boxWidth(box: Pick<DiagramBox, 'title' | 'rows' | 'flagged'>, measure: TextMeasure = pageText): number {
  const head = SIDE + measure(box.title, FONTS.title) + (box.flagged ? GAP + 14 : 0) + SIDE;
  const widest = Math.max(head, ...box.rows.map((r) => rowWidth(r, measure)));
  return Math.ceil(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)));
}

/** The box's height: stripe, header, rows and the bottom border. */
export function boxHeight(rows: number): number {
  return STRIPE + HEAD_HEIGHT + ROWS_PAD * 2 + rows * ROW_HEIGHT + 1;
}

/** Where row `index`'s line starts, from the box's top (its middle). */
export function rowMiddle(index: number): number {
  return STRIPE + HEAD_HEIGHT + ROWS_PAD + index * ROW_HEIGHT + ROW_HEIGHT / 2;
}

export function boxSize(
  box: Pick<DiagramBox, 'title' | 'rows' | 'flagged'>,
  measure: TextMeasure = pageText,
): { width: number; height: number } {
  return { width: boxWidth(box, measure), height: boxHeight(box.rows.length) };
}

/**
 * Where a box's handles are, from its top-left corner, as flow.css places them: the incoming one
 * left of the header, the outgoing one right of it, one right of each row. React Flow takes these
 * instead of measuring every handle of every box as a document opens, and draws the lines at once.
 */
export interface BoxHandle {
  id: string;
  type: 'source' | 'target';
  position: 'left' | 'right';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The header's middle, from the box's top (its padding box: the header's bottom border is below it). */
export const HEAD_MIDDLE = STRIPE + (HEAD_HEIGHT - 1) / 2;
/** Handle sizes with their 1 px borders (flow.css): header in, header out, row. */
const IN_HANDLE = 8;
const OUT_HANDLE = 12;
const ROW_HANDLE = 8;

export function boxHandles(box: Pick<DiagramBox, 'rows'>, width: number): BoxHandle[] {
  const handles: BoxHandle[] = [
    { id: 'in', type: 'target', position: 'left', x: -3, y: HEAD_MIDDLE - 4, width: IN_HANDLE, height: IN_HANDLE },
    {
      id: 'out',
      type: 'source',
      position: 'right',
      x: width - 7,
      y: HEAD_MIDDLE - 6,
      width: OUT_HANDLE,
      height: OUT_HANDLE,
    },
  ];
  box.rows.forEach((row, i) =>
    handles.push(
      {
        id: row.key,
        type: 'source',
        position: 'right',
        x: width - 5,
        y: rowMiddle(i) - 4,
        width: ROW_HANDLE,
        height: ROW_HANDLE,
      },
      {
        id: leftOf(row.key),
        type: 'source',
        position: 'left',
        x: -3,
        y: rowMiddle(i) - 4,
        width: ROW_HANDLE,
        height: ROW_HANDLE,
      },
    ),
  );
  return handles;
}

/** The id of a row's left-hand handle, where its line leaves towards a box on the left. */
export const leftOf = (rowKey: string): string => `${rowKey}:left`;

/**
 * Which sides a line between two boxes uses, as a person draws it: from the side of the row that
 * faces the target, to the side of the target's header that faces the row — right to left when
 * the target lies to the right, left to right when it lies to the left (where an automatic layout
 * puts referenced entities). A line to its own box leaves right and loops back in on the left.
 */
export function facingHandles(
  link: { source: string; target: string; sourceRow?: string },
  from: { x: number; width: number },
  to: { x: number; width: number },
): { sourceHandle: string; targetHandle: string } {
  const row = link.sourceRow;
  const leftward = link.source !== link.target && to.x + to.width / 2 < from.x + from.width / 2 && row !== undefined;
  if (leftward) return { sourceHandle: leftOf(row), targetHandle: 'out' };
  return { sourceHandle: row ?? 'out', targetHandle: 'in' };
}
