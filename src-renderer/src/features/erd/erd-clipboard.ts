/**
 * Copy and paste of entities: the selection becomes a clip (the entities, the relations among
 * them and to others, their positions) that pastes into any document as one undoable step, with
 * names made free and positions offset so the copy is seen beside the original.
 */
import type { Entity, Erd, Relation } from '@shared/erd/model';
import type { ErdEdit, Point } from './erd-edits';
import { freeName } from './erd-factory';

/** Marks clipboard text as DjForge entities rather than a schema to import. */
export const CLIP_FORMAT = 'djforge-erd-clip';

export interface EntityClip {
  format: typeof CLIP_FORMAT;
  entities: Entity[];
  relations: Relation[];
  positions: Record<string, Point>;
}

/** The clip of `names` in `erd`; null when none of them exists. */
export function clipOf(erd: Erd, names: readonly string[]): EntityClip | null {
  const chosen = erd.entities.filter((e) => names.includes(e.name));
  if (chosen.length === 0) return null;
  const held = new Set(chosen.map((e) => e.name));
  const positions: Record<string, Point> = {};
  for (const e of chosen) {
    const at = erd.layout?.positions?.[e.name];
    if (at) positions[e.name] = at;
  }
  return {
    format: CLIP_FORMAT,
    entities: structuredClone(chosen),
    relations: structuredClone(erd.relations.filter((r) => held.has(r.from))),
    positions,
  };
}

/** The clip in clipboard text, or null when the text is something else. */
export function parseClip(text: string): EntityClip | null {
  if (!text.includes(CLIP_FORMAT)) return null;
  try {
    const value = JSON.parse(text) as Partial<EntityClip>;
    if (value.format !== CLIP_FORMAT || !Array.isArray(value.entities) || !Array.isArray(value.relations)) return null;
    return {
      format: CLIP_FORMAT,
      entities: value.entities,
      relations: value.relations,
      positions: value.positions ?? {},
    };
  } catch {
    return null;
  }
}

/**
 * The edit that pastes `clip` into `erd`: each entity under its own name when free, else
 * `NameCopy`…; relations among the pasted entities follow the new names, relations to an entity
 * the document lacks are left out. Null when the clip is empty.
 */
export function pasteEdit(erd: Erd, clip: EntityClip, offset = 40): ErdEdit | null {
  const taken = erd.entities.map((e) => e.name);
  const names = new Map<string, string>();
  const edits: ErdEdit[] = [];
  clip.entities.forEach((entity, i) => {
    const name = taken.includes(entity.name) ? freeName(`${entity.name}Copy`, taken) : entity.name;
    taken.push(name);
    names.set(entity.name, name);
    const at = clip.positions[entity.name] ?? { x: i * 40, y: i * 40 };
    edits.push({
      kind: 'addEntity',
      entity: { ...structuredClone(entity), name },
      index: erd.entities.length + edits.length,
      position: { x: at.x + offset, y: at.y + offset },
    });
  });
  let index = erd.relations.length;
  for (const r of clip.relations) {
    const from = names.get(r.from);
    const to = names.get(r.to) ?? (erd.entities.some((e) => e.name === r.to) ? r.to : undefined);
    const through = r.through === undefined ? undefined : (names.get(r.through) ?? r.through);
    if (!from || !to) continue;
    const copy: Relation = { ...structuredClone(r), from, to, ...(through ? { through } : {}) };
    if (copy.relatedName !== undefined) delete copy.relatedName;
    edits.push({ kind: 'addRelation', relation: copy, index: index++ });
  }
  if (names.size === 0) return null;
  return { kind: 'batch', label: `Paste ${names.size} ${names.size === 1 ? 'entity' : 'entities'}`, edits };
}
