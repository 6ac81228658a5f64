/**
 * The whole diagram as a standalone SVG document — every box, line and group, not only what the
 * canvas shows — for the PNG and SVG exports. A pure function of the diagram and the box sizes,
 * so it is tested without a DOM and the picture never depends on the viewport or the zoom.
 */
import { facingHandles, HEAD_HEIGHT, HEAD_MIDDLE, rowMiddle, STRIPE } from './box-geometry';
import type { Diagram, DiagramBox, LinkEnd } from './diagram';

export interface BoxSize {
  width: number;
  height: number;
}

export interface SvgOptions {
  dark: boolean;
  /** The size a box is drawn at (the canvas's own estimate or measure). */
  sizeOf(box: DiagramBox): BoxSize;
}

const MARGIN = 40;

const PALETTE = {
  light: {
    bg: '#ffffff',
    box: '#ffffff',
    fg: '#1f2328',
    muted: '#656d76',
    border: '#d0d7de',
    accent: '#2563eb',
    line: '#6e7781',
    error: '#cf222e',
  },
  dark: {
    bg: '#0d1117',
    box: '#161b22',
    fg: '#e6edf3',
    muted: '#8d96a0',
    border: '#30363d',
    accent: '#4f8cff',
    line: '#8d96a0',
    error: '#f85149',
  },
};

/** Text made safe inside SVG markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

/** The crow's-foot mark drawn at an end of a line, as a path around (0,0) pointing left. */
function endMark(end: LinkEnd): string {
  const bar = 'M 10 -6 L 10 6';
  const foot = 'M 0 -6 L 10 0 L 0 6 M 0 0 L 10 0';
  const ring = 'M 20 0 m -4 0 a 4 4 0 1 0 8 0 a 4 4 0 1 0 -8 0';
  if (end === 'one') return `${bar} M 14 -6 L 14 6`;
  if (end === 'zeroOrOne') return `${bar} ${ring}`;
  if (end === 'many') return `${foot} M 14 -6 L 14 6`;
  return `${foot} ${ring}`;
}

interface Placed {
  box: DiagramBox;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The diagram's SVG text, with its width and height (the bounds of everything plus a margin). */
export function diagramSvg(diagram: Diagram, options: SvgOptions): { svg: string; width: number; height: number } {
  const c = options.dark ? PALETTE.dark : PALETTE.light;
  const placed = new Map<string, Placed>(
    diagram.boxes.map((box) => [box.id, { box, x: box.position.x, y: box.position.y, ...options.sizeOf(box) }]),
  );
  const all = [...placed.values()];
  const x0 = Math.min(0, ...all.map((p) => p.x)) - MARGIN;
  const y0 = Math.min(0, ...all.map((p) => p.y)) - MARGIN - 20;
  const x1 = Math.max(0, ...all.map((p) => p.x + p.width)) + MARGIN;
  const y1 = Math.max(0, ...all.map((p) => p.y + p.height)) + MARGIN;
  const width = Math.ceil(x1 - x0);
  const height = Math.ceil(y1 - y0);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${width} ${height}" font-family="ui-sans-serif, system-ui, sans-serif" font-size="12">`,
    `<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="${c.bg}"/>`,
  );
  for (const group of diagram.groups ?? []) {
    const members = group.boxes.map((id) => placed.get(id)).filter((p): p is Placed => p !== undefined);
    if (members.length === 0) continue;
    const gx = Math.min(...members.map((m) => m.x)) - 24;
    const gy = Math.min(...members.map((m) => m.y)) - 40;
    const gw = Math.max(...members.map((m) => m.x + m.width)) + 24 - gx;
    const gh = Math.max(...members.map((m) => m.y + m.height)) + 24 - gy;
    const stroke = group.color ?? c.border;
    out.push(
      `<g class="group"><rect x="${gx}" y="${gy}" width="${gw}" height="${gh}" rx="10" fill="${stroke}" fill-opacity="0.08" stroke="${stroke}" stroke-dasharray="6 4"/>`,
      `<text x="${gx + 10}" y="${gy + 16}" fill="${c.muted}" font-weight="600">${escapeXml(group.label)}</text></g>`,
    );
  }
  for (const link of diagram.links) {
    const from = placed.get(link.source);
    const to = placed.get(link.target);
    if (!from || !to) continue;
    const rowIndex = from.box.rows.findIndex((r) => r.key === link.sourceRow);
    const sy = from.y + (rowIndex < 0 ? HEAD_MIDDLE : rowMiddle(rowIndex));
    const ty = to.y + HEAD_MIDDLE;
    let d: string;
    let marks: string;
    if (from === to) {
      const sx = from.x + from.width;
      d = `M ${sx} ${sy} C ${sx + 60} ${sy}, ${sx + 60} ${ty - 40}, ${sx - 30} ${to.y}`;
      marks = `<path d="${endMark(link.sourceEnd)}" transform="translate(${sx} ${sy}) rotate(180)"/>`;
    } else {
      // The sides the canvas draws the line between (box-geometry.ts): facing each other.
      const rightward = facingHandles(link, from, to).targetHandle === 'in';
      const sx = rightward ? from.x + from.width : from.x;
      const tx = rightward ? to.x : to.x + to.width;
      const mid = (sx + tx) / 2;
      d = `M ${sx} ${sy} C ${mid} ${sy}, ${mid} ${ty}, ${tx} ${ty}`;
      marks =
        `<path d="${endMark(link.sourceEnd)}" transform="translate(${sx} ${sy}) rotate(${rightward ? 180 : 0})"/>` +
        `<path d="${endMark(link.targetEnd)}" transform="translate(${tx} ${ty}) rotate(${rightward ? 0 : 180})"/>`;
    }
    out.push(
      `<g class="link" fill="none" stroke="${c.line}" stroke-width="1.3"><title>${escapeXml(link.name)}</title><path d="${d}"/>${marks}</g>`,
    );
  }
  for (const p of all) {
    const { box } = p;
    const edge = box.flagged ? c.error : c.border;
    out.push(
      `<g class="box"><title>${escapeXml(box.label)}</title>`,
      `<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" rx="6" fill="${c.box}" stroke="${edge}"/>`,
      `<rect x="${p.x}" y="${p.y}" width="${p.width}" height="4" rx="2" fill="${box.flagged ? c.error : (box.color ?? c.accent)}"/>`,
      `<text x="${p.x + 10}" y="${p.y + HEAD_MIDDLE + 4}" fill="${c.fg}" font-weight="700">${escapeXml(box.title)}</text>`,
      `<line x1="${p.x}" x2="${p.x + p.width}" y1="${p.y + STRIPE + HEAD_HEIGHT}" y2="${p.y + STRIPE + HEAD_HEIGHT}" stroke="${c.border}"/>`,
    );
    box.rows.forEach((row, i) => {
      const y = p.y + rowMiddle(i) + 4;
      const markers = row.markers.join(' ');
      out.push(
        `<text x="${p.x + 10}" y="${y}" fill="${c.accent}" font-size="9">${escapeXml(markers)}</text>`,
        `<text x="${p.x + 10 + (markers ? 8 + markers.length * 6 : 0)}" y="${y}" fill="${c.fg}" font-family="ui-monospace, monospace">${escapeXml(row.name)}</text>`,
        `<text x="${p.x + p.width - 10}" y="${y}" fill="${c.muted}" text-anchor="end">${escapeXml(row.detail)}</text>`,
      );
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return { svg: out.join('\n'), width, height };
}
