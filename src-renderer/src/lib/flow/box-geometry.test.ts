import { describe, expect, it } from 'vitest';
import {
  boxHandles,
  boxHeight,
  boxSize,
  boxWidth,
  estimateText,
  facingHandles,
  HEAD_MIDDLE,
  MAX_WIDTH,
  MIN_WIDTH,
  rowMiddle,
} from './box-geometry';
import type { DiagramBox } from './diagram';

const box = (rows: DiagramBox['rows'], title = 'Job'): Pick<DiagramBox, 'title' | 'rows'> => ({ title, rows });
const row = (name: string, detail = 'string', markers: string[] = []) => ({ key: `f:${name}`, name, detail, markers });

describe('box geometry', () => {
  it('is as wide as its widest line, between the minimum and the maximum', () => {
    expect(boxWidth(box([row('id')]), estimateText)).toBe(MIN_WIDTH);
    const long = boxWidth(box([row('a_rather_long_field_name_for_a_box', 'string(255)', ['U', 'N'])]), estimateText);
    expect(long).toBeGreaterThan(MIN_WIDTH);
    expect(long).toBeLessThan(MAX_WIDTH);
    // Every character adds its width: a name one character longer never makes the box narrower.
    const longer = boxWidth(box([row('a_rather_long_field_name_for_a_box_', 'string(255)', ['U', 'N'])]), estimateText);
    expect(longer).toBeGreaterThan(long);
    expect(boxWidth(box([row('x'.repeat(400))]), estimateText)).toBe(MAX_WIDTH);
    // A long title widens the box as a long row does; a flag beside it takes room too.
    const title = 'AVeryLongEntityNameThatNeedsRoom';
    expect(boxWidth({ ...box([], title), flagged: true }, estimateText)).toBeGreaterThan(
      boxWidth(box([], title), estimateText),
    );
  });

  it('measures with the measure it is given (the page measures with its fonts)', () => {
    const wide = () => 90;
    expect(boxWidth(box([row('id')]), wide)).toBeGreaterThan(boxWidth(box([row('id')]), estimateText));
  });

  it('stacks a stripe, a header and fixed-height rows', () => {
    expect(boxHeight(0)).toBe(boxHeight(1) - 18);
    expect(boxSize(box([row('a'), row('b'), row('c')]), estimateText).height).toBe(boxHeight(3));
    expect(rowMiddle(1) - rowMiddle(0)).toBe(18);
    expect(rowMiddle(0)).toBeGreaterThan(HEAD_MIDDLE);
  });

  it('places a handle left of the header, one right of it and one right of each row, centred on them', () => {
    const rows = [row('title'), { key: 'r:company', name: 'company', detail: '→ Company', markers: ['FK'] }];
    const handles = boxHandles(box(rows), 240);
    expect(handles.map((h) => h.id)).toEqual(['in', 'out', 'f:title', 'f:title:left', 'r:company', 'r:company:left']);
    const middle = (h: (typeof handles)[number]) => h.y + h.height / 2;
    const byId = new Map(handles.map((h) => [h.id, h]));
    expect(middle(byId.get('in')!)).toBe(HEAD_MIDDLE);
    expect(middle(byId.get('out')!)).toBe(HEAD_MIDDLE);
    expect(middle(byId.get('r:company')!)).toBe(rowMiddle(1));
    expect(middle(byId.get('r:company:left')!)).toBe(rowMiddle(1));
    expect(byId.get('r:company:left')).toMatchObject({ type: 'source', position: 'left', x: byId.get('in')!.x });
    expect(byId.get('in')).toMatchObject({ type: 'target', position: 'left' });
    // The outgoing handles sit on the right border: half inside, half outside.
    for (const id of ['out', 'f:title', 'r:company']) {
      const h = byId.get(id)!;
      expect(h).toMatchObject({ type: 'source', position: 'right' });
      expect(h.x).toBeLessThan(240);
      expect(h.x + h.width).toBeGreaterThan(240);
    }
  });

  it('draws a line from the side of its row that faces the target, to the side of the target that faces it', () => {
    const link = { source: 'Job', target: 'User', sourceRow: 'r:posted_by' };
    const at = (x: number) => ({ x, width: 220 });
    expect(facingHandles(link, at(0), at(400))).toEqual({ sourceHandle: 'r:posted_by', targetHandle: 'in' });
    expect(facingHandles(link, at(400), at(0))).toEqual({ sourceHandle: 'r:posted_by:left', targetHandle: 'out' });
    // Boxes one above the other: the usual sides.
    expect(facingHandles(link, at(0), at(0))).toEqual({ sourceHandle: 'r:posted_by', targetHandle: 'in' });
    // A self-reference loops out right and back in left, wherever the box is.
    expect(facingHandles({ ...link, target: 'Job' }, at(400), at(400))).toEqual({
      sourceHandle: 'r:posted_by',
      targetHandle: 'in',
    });
  });
});
