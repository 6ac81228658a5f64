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
        { key: 'pk', name: 'id', detail: 'auto', markers: ['PK'] },
        { key: 'f:title', name: 'title', detail: 'string', markers: [] },
        { key: 'r:owner', name: 'owner', detail: '→ User', markers: ['FK'] },
      ],
      position: { x: 0, y: 0 },
    });
    expect(diagram.links).toEqual([
      {
        id: 'Job.owner',
        source: 'Job',
        target: 'User',
        sourceRow: 'r:owner',
        sourceEnd: 'zeroOrMany',
        targetEnd: 'one',
        label: 'owner',
        name: 'Relation Job.owner to User',
      },
    ]);
  });

  it('marks flagged entities, nullable and one-to-one ends, and groups', () => {
    const doc = erd(['Job', 'User']);
    doc.relations = [{ name: 'owner', kind: 'oneToOne', from: 'Job', to: 'User', nullable: true }];
    doc.entities[0]?.fields.push({ name: 'code', type: 'string', unique: true, nullable: true, index: true });
    doc.layout = { groups: [{ name: 'Hiring', entities: ['Job'] }] };
    const diagram = diagramOfErd(doc, new Set(['Job']));
    expect(diagram.boxes.map((b) => b.flagged)).toEqual([true, undefined]);
    expect(diagram.boxes[0]?.rows.map((r) => r.markers)).toEqual([['PK'], [], ['U', 'N', 'IX'], ['FK', 'U', 'N']]);
    expect(diagram.links[0]).toMatchObject({ sourceEnd: 'zeroOrOne', targetEnd: 'zeroOrOne' });
    expect(diagram.groups).toEqual([{ id: '0', label: 'Hiring', boxes: ['Job'] }]);
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
