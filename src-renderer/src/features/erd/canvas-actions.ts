/**
 * What the user does on the canvas and in the inspector, as edits on the store: each gesture
 * becomes one typed edit record (one undo step). An edit the document refuses (a name taken, an
 * entity gone) is shown as a toast and changes nothing.
 */
import { showError, studioState } from '@renderer/store';
import type { RelationKind } from '@shared/erd/model';
import { relationId } from './erd-diagram';
import type { ErdEdit, Point } from './erd-edits';
import { addEntityEdit, addFieldEdit, deleteEdit, drawRelationEdit, duplicateEdit } from './erd-factory';

/** Applies one edit; false (with a toast saying why) when the document refuses it. */
export function perform(edit: ErdEdit | null): boolean {
  if (!edit) return false;
  try {
    studioState().edit(edit);
    return true;
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
    return false;
  }
}

const erdOrNull = () => studioState().document?.erd ?? null;

/** A drag ended: one `move` edit for every entity it moved. */
export function moveEntities(moves: { id: string; position: Point }[]): void {
  const erd = erdOrNull();
  if (!erd) return;
  perform({
    kind: 'move',
    moves: moves.map((m) => ({ entity: m.id, from: erd.layout?.positions?.[m.id], to: m.position })),
  });
}

/** Moves the selected entities by (dx, dy), one undo step. */
export function nudgeSelection(dx: number, dy: number, positionOf: (name: string) => Point | undefined): void {
  const { selection } = studioState();
  if (selection.entities.length === 0) return;
  moveEntities(
    selection.entities.flatMap((id) => {
      const at = positionOf(id);
      return at ? [{ id, position: { x: at.x + dx, y: at.y + dy } }] : [];
    }),
  );
}

/** Adds an entity at `at` and selects it; its name, or null when nothing was added. */
export function addEntityAt(at: Point): string | null {
  const erd = erdOrNull();
  if (!erd) return null;
  const edit = addEntityEdit(erd, at);
  if (!perform(edit) || edit.kind !== 'addEntity') return null;
  studioState().setSelection({ entities: [edit.entity.name], relations: [] });
  return edit.entity.name;
}

export function addField(entity: string): void {
  const erd = erdOrNull();
  if (!erd) return;
  const edit = addFieldEdit(erd, entity);
  if (perform(edit) && edit.kind === 'addField') {
    studioState().setSelection({ entities: [entity], relations: [] }, edit.field.name);
  }
}

/** Draws a relation of `kind` from `from` to `to` and selects it. */
export function drawRelation(from: string, to: string, kind: RelationKind): void {
  const erd = erdOrNull();
  if (!erd) return;
  try {
    const edit = drawRelationEdit(erd, from, to, kind);
    if (perform(edit) && edit.kind === 'addRelation') {
      studioState().setSelection({ entities: [], relations: [relationId(edit.relation)] });
    }
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
}

export function deleteSelection(): void {
  const erd = erdOrNull();
  const { selection, selectedField } = studioState();
  if (!erd) return;
  const only = selection.entities.length === 1 && selection.relations.length === 0 ? selection.entities[0] : null;
  if (only && selectedField) {
    const entity = erd.entities.find((e) => e.name === only);
    const index = entity?.fields.findIndex((f) => f.name === selectedField) ?? -1;
    const field = entity?.fields[index];
    if (field && perform({ kind: 'removeField', entity: only, field, index })) {
      studioState().setSelection(selection, null);
    }
    return;
  }
  if (perform(deleteEdit(erd, selection.entities, selection.relations))) {
    studioState().setSelection({ entities: [], relations: [] });
  }
}

export function duplicateSelection(): void {
  const erd = erdOrNull();
  if (!erd) return;
  const edit = duplicateEdit(erd, studioState().selection.entities);
  if (perform(edit) && edit?.kind === 'batch') {
    const added = edit.edits.flatMap((e) => (e.kind === 'addEntity' ? [e.entity.name] : []));
    studioState().setSelection({ entities: added, relations: [] });
  }
}

export function selectAll(): void {
  const erd = erdOrNull();
  if (erd) studioState().setSelection({ entities: erd.entities.map((e) => e.name), relations: [] });
}
