/**
 * The automatic layout of the 37-entity example (the predecessor's `seed-legacy-massive.json`):
 * the laid-out diagram has a screen-like shape, neither a wide flat band nor a tall column, with
 * the box sizes the canvas uses and ELK's real layered algorithm (before the tuning: 4.6 wide for 1 high).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { elkGraph, positionsOf } from '@renderer/lib/layout/elk-graph';
import type { Erd } from '@shared/erd/model';
import massive from '../../../../test-support/massive-erd.json?raw';
import { boxSize } from '@renderer/lib/flow/box-geometry';
import { diagramOfErd } from './erd-diagram';

describe('the automatic layout of the 37-entity example', () => {
  it('fills a screen-shaped area: width over height between 0.5 and 2.5, boxes apart', async () => {
    // The example as the core imports it (test-support/massive-erd.test.ts keeps the two equal).
    const erd = JSON.parse(massive) as Erd;
    expect(erd.entities).toHaveLength(37);
    const diagram = diagramOfErd(erd);
    const boxes = diagram.boxes.map((b) => ({ id: b.id, ...boxSize(b) }));
    const at = positionsOf(await new ELK().layout(elkGraph(boxes, diagram.links)));
    const rects = boxes.map((b) => ({ ...b, ...(at[b.id] ?? { x: NaN, y: NaN }) }));
    const width = Math.max(...rects.map((r) => r.x + r.width)) - Math.min(...rects.map((r) => r.x));
    const height = Math.max(...rects.map((r) => r.y + r.height)) - Math.min(...rects.map((r) => r.y));
    expect(width / height).toBeGreaterThan(0.5);
    expect(width / height).toBeLessThan(2.5);
    for (const a of rects)
      for (const b of rects)
        if (a !== b)
          expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(
            true,
          );
  });
});
