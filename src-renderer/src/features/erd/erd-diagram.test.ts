import { describe, expect, it } from 'vitest';
import type { Erd } from '@shared/erd/model';
import { diagramOfErd, GRID } from './erd-diagram';

const erd = (names: string[], positions?: Record<string, { x: number; y: number }>): Erd => ({
  format: 'djforge-erd',
  version: 1,
  project: { name: 'p' },
  entities: names.map((name) => ({ name, fields: [{ name: 'title', type: 'string' }] })),
  relations: [{ name: 'owner', kind: 'manyToOne', from: names[0] ?? 'A', to: names[1] ?? 'B' }],
  ...(positions ? { layout: { positions } } : {}),
});

describe('the ERD as a diagram', () => {
  it('draws one box per entity with its fields and relations, and one named link per relation', () => {
    const diagram = diagramOfErd(erd(['Job', 'User']));
    expect(diagram.boxes[0]).toEqual({
      id: 'Job',
      label: 'Entity Job',
      title: 'Job',
      rows: [
        { key: 'f:title', name: 'title', detail: 'string' },
        { key: 'r:owner', name: 'owner', detail: '→ User (manyToOne)' },
      ],
      position: { x: 0, y: 0 },
    });
    expect(diagram.links).toEqual([
      { id: 'Job.owner', source: 'Job', target: 'User', label: 'owner', name: 'Relation Job.owner to User' },
    ]);
  });

  it('keeps saved positions and puts the others on a grid', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const diagram = diagramOfErd(erd(names, { C: { x: 900, y: 40 } }));
    expect(diagram.boxes.map((b) => b.position)).toEqual([
      { x: 0, y: 0 },
      { x: GRID.width, y: 0 },
      { x: 900, y: 40 },
      { x: 2 * GRID.width, y: 0 },
      { x: 3 * GRID.width, y: 0 },
      { x: 0, y: GRID.height },
    ]);
  });
});
