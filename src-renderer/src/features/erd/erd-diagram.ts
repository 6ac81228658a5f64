/**
 * The ERD as a diagram: one box per entity listing its fields and relations, one link per
 * relation. Saved positions (`layout.positions`) are kept; entities without one are placed on a
 * grid after them, so a document without a layout still opens readable.
 */
import type { Diagram, DiagramBox } from '@renderer/lib/flow/diagram';
import type { Erd } from '@shared/erd/model';

export const GRID = { columns: 4, width: 280, height: 240 } as const;

export function diagramOfErd(erd: Erd): Diagram {
  const positions = erd.layout?.positions ?? {};
  let unplaced = 0;
  const boxes = erd.entities.map((entity): DiagramBox => {
    const saved = positions[entity.name];
    const slot = saved ? null : unplaced++;
    const position = saved ?? {
      x: ((slot ?? 0) % GRID.columns) * GRID.width,
      y: Math.floor((slot ?? 0) / GRID.columns) * GRID.height,
    };
    const fields = entity.fields.map((f) => ({ key: `f:${f.name}`, name: f.name, detail: f.type }));
    const relations = erd.relations
      .filter((r) => r.from === entity.name)
      .map((r) => ({ key: `r:${r.name}`, name: r.name, detail: `→ ${r.to} (${r.kind})` }));
    return {
      id: entity.name,
      label: `Entity ${entity.name}`,
      title: entity.name,
      rows: [...fields, ...relations],
      position,
    };
  });
  const links = erd.relations.map((r) => ({
    id: `${r.from}.${r.name}`,
    source: r.from,
    target: r.to,
    label: r.name,
    name: `Relation ${r.from}.${r.name} to ${r.to}`,
  }));
  return { boxes, links };
}
