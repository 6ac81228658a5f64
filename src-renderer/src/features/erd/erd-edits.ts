/**
 * Edits of the open ERD as typed command records (what changed, from what, to what), not
 * snapshots, so undo and redo replay them in either direction: `invertEdit` gives the record
 * that undoes one, and `applyEdit(erd, edit, 'undo')` applies that inverse. A drag of several
 * entities, a multi-delete, an import or an automatic layout is one record, so one undo.
 */
import type { ErdDocument } from '@shared/api';
import type { Entity, Erd, Field, Relation } from '@shared/erd/model';
import { renameEntityEverywhere, renameFieldEverywhere } from './erd-rename';

export interface Point {
  x: number;
  y: number;
}

/**
 * What names the open document apart from its model: an import that replaces the diagram makes
 * the document the imported file's (unsaved), and undoing it gives the old name and file back.
 */
export type DocumentIdentity = Pick<ErdDocument, 'path' | 'file' | 'name' | 'format' | 'diagnostics'>;

export type ErdEdit =
  | { kind: 'renameProject'; from: string; to: string }
  | { kind: 'setTitle'; from: string | undefined; to: string | undefined }
  | { kind: 'addEntity'; entity: Entity; index: number; position?: Point }
  | { kind: 'removeEntity'; entity: Entity; index: number; position?: Point }
  | { kind: 'renameEntity'; from: string; to: string }
  | { kind: 'setEntity'; name: string; from: Entity; to: Entity }
  | { kind: 'addField'; entity: string; field: Field; index: number }
  | { kind: 'removeField'; entity: string; field: Field; index: number }
  | { kind: 'renameField'; entity: string; from: string; to: string }
  | { kind: 'setField'; entity: string; name: string; from: Field; to: Field }
  | { kind: 'addRelation'; relation: Relation; index: number }
  | { kind: 'removeRelation'; relation: Relation; index: number }
  | { kind: 'setRelation'; index: number; from: Relation; to: Relation }
  | { kind: 'move'; moves: { entity: string; from: Point | undefined; to: Point | undefined }[] }
  | {
      kind: 'replace';
      label: 'Import' | 'Auto-layout' | 'Text edit' | 'Project settings';
      from: Erd;
      to: Erd;
      /** The document's identity before and after, when the step changes it (an import that replaces). */
      identity?: { from: DocumentIdentity; to: DocumentIdentity };
    }
  | { kind: 'batch'; label: string; edits: ErdEdit[] };

/** The record that undoes `edit`. */
export function invertEdit(edit: ErdEdit): ErdEdit {
  switch (edit.kind) {
    case 'renameProject':
    case 'setTitle':
    case 'renameEntity':
      return { ...edit, from: edit.to, to: edit.from } as ErdEdit;
    case 'setEntity':
      return { ...edit, name: edit.to.name, from: edit.to, to: edit.from };
    case 'renameField':
      return { ...edit, from: edit.to, to: edit.from };
    case 'setField':
      return { ...edit, name: edit.to.name, from: edit.to, to: edit.from };
    case 'setRelation':
      return { ...edit, from: edit.to, to: edit.from };
    case 'replace':
      return {
        ...edit,
        from: edit.to,
        to: edit.from,
        ...(edit.identity ? { identity: { from: edit.identity.to, to: edit.identity.from } } : {}),
      };
    case 'addEntity':
      return { ...edit, kind: 'removeEntity' };
    case 'removeEntity':
      return { ...edit, kind: 'addEntity' };
    case 'addField':
      return { ...edit, kind: 'removeField' };
    case 'removeField':
      return { ...edit, kind: 'addField' };
    case 'addRelation':
      return { ...edit, kind: 'removeRelation' };
    case 'removeRelation':
      return { ...edit, kind: 'addRelation' };
    case 'move':
      return { kind: 'move', moves: edit.moves.map((m) => ({ entity: m.entity, from: m.to, to: m.from })) };
    case 'batch':
      return { ...edit, edits: edit.edits.map(invertEdit).reverse() };
  }
}

/** The document identity `edit` leaves (in `direction`), when it changes it. */
export function identityAfter(edit: ErdEdit, direction: 'do' | 'undo'): DocumentIdentity | undefined {
  if (edit.kind !== 'replace' || !edit.identity) return undefined;
  return direction === 'do' ? edit.identity.to : edit.identity.from;
}

/** Applies `edit` (or, for `'undo'`, its inverse); the input document is never changed. */
export function applyEdit(erd: Erd, edit: ErdEdit, direction: 'do' | 'undo' = 'do'): Erd {
  return apply(erd, direction === 'do' ? edit : invertEdit(edit));
}

/** A short sentence for the history list, e.g. `Add entity Job`. */
export function describeEdit(edit: ErdEdit): string {
  switch (edit.kind) {
    case 'renameProject':
      return `Rename project to ${edit.to}`;
    case 'setTitle':
      return 'Set project title';
    case 'addEntity':
      return `Add entity ${edit.entity.name}`;
    case 'removeEntity':
      return `Delete entity ${edit.entity.name}`;
    case 'renameEntity':
      return `Rename ${edit.from} to ${edit.to}`;
    case 'setEntity':
      return `Edit entity ${edit.to.name}`;
    case 'addField':
      return `Add field ${edit.entity}.${edit.field.name}`;
    case 'removeField':
      return `Delete field ${edit.entity}.${edit.field.name}`;
    case 'renameField':
      return `Rename ${edit.entity}.${edit.from} to ${edit.to}`;
    case 'setField':
      return `Edit field ${edit.entity}.${edit.to.name}`;
    case 'addRelation':
      return `Add relation ${edit.relation.from}.${edit.relation.name}`;
    case 'removeRelation':
      return `Delete relation ${edit.relation.from}.${edit.relation.name}`;
    case 'setRelation':
      return `Edit relation ${edit.to.from}.${edit.to.name}`;
    case 'move':
      return edit.moves.length === 1 ? `Move ${edit.moves[0]?.entity ?? ''}` : `Move ${edit.moves.length} entities`;
    case 'replace':
      return edit.label;
    case 'batch':
      return edit.label;
  }
}

function entityIndex(erd: Erd, name: string): number {
  const index = erd.entities.findIndex((e) => e.name === name);
  if (index < 0) throw new Error(`The edit names entity ${name}, which the document does not have.`);
  return index;
}

function withEntity(erd: Erd, name: string, change: (entity: Entity) => Entity): Erd {
  const index = entityIndex(erd, name);
  const entities = erd.entities.slice();
  entities[index] = change(entities[index] as Entity);
  return { ...erd, entities };
}

function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const copy = list.slice();
  copy.splice(Math.max(0, Math.min(index, copy.length)), 0, item);
  return copy;
}

function setPosition(erd: Erd, entity: string, point: Point | undefined): Erd {
  const positions = { ...(erd.layout?.positions ?? {}) };
  if (point) positions[entity] = { x: Math.round(point.x), y: Math.round(point.y) };
  else delete positions[entity];
  return { ...erd, layout: { ...erd.layout, positions } };
}

function apply(erd: Erd, edit: ErdEdit): Erd {
  switch (edit.kind) {
    case 'renameProject':
      return { ...erd, project: { ...erd.project, name: edit.to } };
    case 'setTitle': {
      const { title: _omit, ...project } = erd.project;
      return { ...erd, project: edit.to === undefined ? project : { ...project, title: edit.to } };
    }
    case 'addEntity': {
      if (erd.entities.some((e) => e.name === edit.entity.name)) {
        throw new Error(`Entity ${edit.entity.name} already exists.`);
      }
      const added = { ...erd, entities: insertAt(erd.entities, edit.index, edit.entity) };
      return edit.position ? setPosition(added, edit.entity.name, edit.position) : added;
    }
    case 'removeEntity': {
      const index = entityIndex(erd, edit.entity.name);
      const removed = { ...erd, entities: erd.entities.filter((_, i) => i !== index) };
      return erd.layout?.positions?.[edit.entity.name] ? setPosition(removed, edit.entity.name, undefined) : removed;
    }
    case 'renameEntity':
      entityIndex(erd, edit.from);
      return renameEntityEverywhere(erd, edit.from, edit.to);
    case 'setEntity': {
      const renamed = edit.from.name !== edit.to.name ? renameEntityEverywhere(erd, edit.name, edit.to.name) : erd;
      return withEntity(renamed, edit.to.name, () => edit.to);
    }
    case 'addField':
      return withEntity(erd, edit.entity, (e) => {
        if (e.fields.some((f) => f.name === edit.field.name)) {
          throw new Error(`${edit.entity} already has a field ${edit.field.name}.`);
        }
        return { ...e, fields: insertAt(e.fields, edit.index, edit.field) };
      });
    case 'removeField':
      return withEntity(erd, edit.entity, (e) => ({
        ...e,
        fields: e.fields.filter((f) => f.name !== edit.field.name),
      }));
    case 'renameField':
      return renameFieldEverywhere(erd, edit.entity, edit.from, edit.to);
    case 'setField': {
      const renamed =
        edit.from.name !== edit.to.name ? renameFieldEverywhere(erd, edit.entity, edit.name, edit.to.name) : erd;
      return withEntity(renamed, edit.entity, (e) => ({
        ...e,
        fields: e.fields.map((f) => (f.name === edit.to.name ? edit.to : f)),
      }));
    }
    case 'addRelation':
      return { ...erd, relations: insertAt(erd.relations, edit.index, edit.relation) };
    case 'removeRelation': {
      const { from, name } = edit.relation;
      return { ...erd, relations: erd.relations.filter((r) => !(r.from === from && r.name === name)) };
    }
    case 'setRelation': {
      const relations = erd.relations.slice();
      if (!relations[edit.index]) throw new Error(`The document has no relation number ${edit.index + 1}.`);
      relations[edit.index] = edit.to;
      return { ...erd, relations };
    }
    case 'move':
      return edit.moves.reduce((doc, m) => setPosition(doc, m.entity, m.to), erd);
    case 'replace':
      return edit.to;
    case 'batch':
      return edit.edits.reduce(apply, erd);
  }
}
