import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { ASPECT_RATIO, bandColumns, elkGraph, positionsOf, wrapLayers } from './elk-graph';

describe('the ELK layout adapter', () => {
  it('lays referenced boxes left of the boxes that reference them, apart and on the grid', async () => {
    const boxes = ['User', 'Company', 'Job', 'Application'].map((id) => ({ id, width: 220, height: 100 }));
    const links = [
      { source: 'Job', target: 'Company' },
      { source: 'Application', target: 'Job' },
      { source: 'Application', target: 'User' },
      { source: 'Job', target: 'Job' },
      { source: 'Job', target: 'Ghost' },
    ];
    const graph = elkGraph(boxes, links);
    expect(graph.edges).toHaveLength(3);
    const at = positionsOf(await new ELK().layout(graph));
    expect(Object.keys(at).sort()).toEqual(['Application', 'Company', 'Job', 'User']);
    expect(at['Company']?.x).toBeLessThan(at['Job']?.x ?? 0);
    expect(at['Job']?.x).toBeLessThan(at['Application']?.x ?? 0);
    for (const p of Object.values(at)) expect([p.x % 20, p.y % 20]).toEqual([0, 0]);
    const rects = Object.values(at);
    for (const a of rects) {
      for (const b of rects) {
        if (a === b) continue;
        expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 100).toBe(true);
      }
    }
  });

  it('folds a star of 60 entities into a screen-shaped area, boxes apart', async () => {
    const boxes = [{ id: 'User', width: 220, height: 120 }];
    for (let i = 0; i < 60; i++) boxes.push({ id: `E${i}`, width: 220 + (i % 3) * 20, height: 80 + (i % 5) * 19 });
    const links = boxes.slice(1).map((b) => ({ source: b.id, target: 'User' }));
    const at = positionsOf(await new ELK().layout(elkGraph(boxes, links)));
    const rects = boxes.map((b) => ({ ...b, ...(at[b.id] ?? { x: NaN, y: NaN }) }));
    const width = Math.max(...rects.map((r) => r.x + r.width)) - Math.min(...rects.map((r) => r.x));
    const height = Math.max(...rects.map((r) => r.y + r.height)) - Math.min(...rects.map((r) => r.y));
    expect(width / height).toBeGreaterThan(ASPECT_RATIO / 2);
    expect(width / height).toBeLessThan(ASPECT_RATIO * 2);
    for (const r of rects.slice(1)) expect(r.x).toBeGreaterThan(at['User']?.x ?? Infinity);
    for (const a of rects)
      for (const b of rects)
        if (a !== b)
          expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(
            true,
          );
  });

  it('leaves layers that fit alone and keeps their order when it folds one', () => {
    const layer = [0, 1, 2, 3].map((i) => ({ id: `n${i}`, x: 100, y: i * 200, width: 100, height: 160 }));
    const wrapped = wrapLayers([{ id: 'root', x: 0, y: 0, width: 50, height: 50 }, ...layer], 4);
    expect(wrapped.map((b) => b.id)).toEqual(['root', 'n0', 'n1', 'n2', 'n3']);
    const columns = new Set(wrapped.slice(1).map((b) => b.x));
    expect(columns.size).toBeGreaterThan(1);
    expect(wrapped[1]?.x).toBeLessThan(wrapped[4]?.x ?? 0);
    expect(wrapLayers([{ id: 'a', x: 0, y: 0, width: 10, height: 10 }])).toEqual([
      { id: 'a', x: 0, y: 0, width: 10, height: 10 },
    ]);
  });
});

describe('bands of layer columns', () => {
  it('stacks a long chain of thin layers into bands, in order, and leaves short runs alone', () => {
    const chain = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, x: i * 310, y: 0, width: 220, height: 120 }));
    const banded = bandColumns(chain);
    const width = Math.max(...banded.map((b) => b.x + b.width)) - Math.min(...banded.map((b) => b.x));
    const height = Math.max(...banded.map((b) => b.y + b.height)) - Math.min(...banded.map((b) => b.y));
    expect(width / height).toBeGreaterThan(ASPECT_RATIO / 2);
    expect(width / height).toBeLessThan(ASPECT_RATIO * 2);
    const reading = banded.slice().sort((a, b) => a.y - b.y || a.x - b.x);
    expect(reading.map((b) => b.id)).toEqual(chain.map((b) => b.id));
    expect(bandColumns(chain.slice(0, 4))).toEqual(chain.slice(0, 4));
  });
});
