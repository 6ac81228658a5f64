import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { elkGraph, positionsOf } from './elk-graph';

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
});
