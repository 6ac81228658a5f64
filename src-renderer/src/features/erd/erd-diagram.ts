/**
 * The ERD as a diagram: one box per entity listing its implicit `id`, its fields (type badge,
 * unique/nullable/indexed markers) and the relations it holds (FK/M2M), one link per relation
 * from the relation's row to its target with crow's-foot ends. Saved positions
 * (`layout.positions`) are kept; entities without one are placed on a grid after them, so a
 * document without a layout still opens readable.
 */
import type { Diagram, DiagramBox, DiagramRow, LinkEnd } from '@renderer/lib/flow/diagram';
import type { Entity, Erd, Field, Relation } from '@shared/erd/model';

export const GRID = { columns: 4, width: 320, height: 280 } as const;

/** What is selected on the canvas: entity names and relation ids (`From.name`). */
export interface CanvasSelection {
  entities: string[];
  relations: string[];
}

export const relationId = (r: Pick<Relation, 'from' | 'name'>): string => `${r.from}.${r.name}`;

function fieldRow(f: Field): DiagramRow {
  const markers: string[] = [];
  if (f.unique) markers.push('U');
  if (f.nullable) markers.push('N');
  if (f.index) markers.push('IX');
  const detail = f.type === 'string' && f.maxLength ? `string(${f.maxLength})` : f.type;
  return { key: `f:${f.name}`, name: f.name, detail, markers };
}

function relationRow(r: Relation): DiagramRow {
  const markers = r.kind === 'manyToMany' ? ['M2M'] : ['FK'];
  if (r.kind === 'oneToOne') markers.push('U');
  if (r.nullable) markers.push('N');
  return { key: `r:${r.name}`, name: r.name, detail: `→ ${r.to}`, markers };
}

/** The crow's-foot ends of a relation: [at its `from` entity, at its `to` entity]. */
export function relationEnds(r: Relation): [LinkEnd, LinkEnd] {
  const target: LinkEnd = r.nullable ? 'zeroOrOne' : 'one';
  if (r.kind === 'manyToMany') return ['zeroOrMany', 'zeroOrMany'];
  if (r.kind === 'oneToOne') return ['zeroOrOne', target];
  return ['zeroOrMany', target];
}

/** Where an entity without a saved position goes: the `slot`-th cell of a grid. */
export function gridSlot(slot: number): { x: number; y: number } {
  return { x: (slot % GRID.columns) * GRID.width, y: Math.floor(slot / GRID.columns) * GRID.height };
}

/**
 * The box last drawn for an entity object, with what else it was drawn from. Edits replace only
 * the entities they change, so an unchanged entity gets back the very same box and the canvas
 * re-renders only the boxes an edit (or a move) touched.
 */
const boxCache = new WeakMap<
  Entity,
  {
    position: { x: number; y: number };
    flagged: boolean;
    color: string | undefined;
    relations: Relation[];
    box: DiagramBox;
  }
>();

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The diagram of `erd`, with the `flagged` entities (those with errors) marked. */
export function diagramOfErd(erd: Erd, flagged: ReadonlySet<string> = new Set()): Diagram {
  const positions = erd.layout?.positions ?? {};
  const colors = erd.layout?.colors ?? {};
  const held = new Map<string, Relation[]>();
  for (const r of erd.relations) held.set(r.from, [...(held.get(r.from) ?? []), r]);
  let unplaced = 0;
  const boxes = erd.entities.map((entity: Entity): DiagramBox => {
    const position = positions[entity.name] ?? gridSlot(unplaced++);
    const relations = held.get(entity.name) ?? [];
    const isFlagged = flagged.has(entity.name);
    const color = colors[entity.name];
    const was = boxCache.get(entity);
    if (
      was &&
      was.position.x === position.x &&
      was.position.y === position.y &&
      was.flagged === isFlagged &&
      was.color === color &&
      sameItems(was.relations, relations)
    )
      return was.box;
    const rows: DiagramRow[] = [
      { key: 'pk', name: 'id', detail: 'auto', markers: ['PK'] },
      ...entity.fields.map(fieldRow),
      ...relations.map(relationRow),
    ];
    const box: DiagramBox = {
      id: entity.name,
      label: `Entity ${entity.name}`,
      title: entity.name,
      rows,
      position,
      ...(isFlagged ? { flagged: true } : {}),
      ...(color ? { color } : {}),
    };
    boxCache.set(entity, { position, flagged: isFlagged, color, relations, box });
    return box;
  });
  const links = erd.relations.map((r) => {
    const [sourceEnd, targetEnd] = relationEnds(r);
    return {
      id: relationId(r),
      source: r.from,
      target: r.to,
      sourceRow: `r:${r.name}`,
      sourceEnd,
      targetEnd,
      label: r.name,
      name: `Relation ${r.from}.${r.name} to ${r.to}`,
    };
  });
  const groups = (erd.layout?.groups ?? []).map((g, i) => ({
    id: String(i),
    label: g.name,
    boxes: g.entities,
    ...(g.color ? { color: g.color } : {}),
  }));
  return { boxes, links, groups };
}
