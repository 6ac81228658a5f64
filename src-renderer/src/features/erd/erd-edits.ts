/**
 * Edits of the open ERD as typed command records (what changed, from what, to what), not
 * snapshots, so undo and redo replay them in either direction.
 */
import type { Erd } from '@shared/erd/model';

export type ErdEdit =
  | { kind: 'renameProject'; from: string; to: string }
  | { kind: 'setTitle'; from: string | undefined; to: string | undefined };

export function applyEdit(erd: Erd, edit: ErdEdit, direction: 'do' | 'undo'): Erd {
  const value = direction === 'do' ? edit.to : edit.from;
  switch (edit.kind) {
    case 'renameProject':
      return { ...erd, project: { ...erd.project, name: value as string } };
    case 'setTitle': {
      const { title: _omit, ...project } = erd.project;
      return { ...erd, project: value === undefined ? project : { ...project, title: value } };
    }
  }
}
