/**
 * The open ERD document, its dirty state and its undo history. Edits are typed command records
 * (what changed, from what, to what), not snapshots, so undo and redo replay them.
 */
import type { StateCreator } from 'zustand';
import type { ErdDocument } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';

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

export interface DocumentSlice {
  document: ErdDocument | null;
  dirty: boolean;
  undoStack: ErdEdit[];
  redoStack: ErdEdit[];
  setDocument(document: ErdDocument, dirty?: boolean): void;
  markSaved(path: string, name: string, file: string): void;
  edit(edit: ErdEdit): void;
  undo(): void;
  redo(): void;
}

export const createDocumentSlice: StateCreator<DocumentSlice, [], [], DocumentSlice> = (set) => ({
  document: null,
  dirty: false,
  undoStack: [],
  redoStack: [],
  setDocument: (document, dirty = false) => set({ document, dirty, undoStack: [], redoStack: [] }),
  markSaved: (path, name, file) =>
    set((s) => (s.document ? { document: { ...s.document, path, name, file }, dirty: false } : s)),
  edit: (edit) =>
    set((s) =>
      s.document
        ? {
            document: { ...s.document, erd: applyEdit(s.document.erd, edit, 'do') },
            dirty: true,
            undoStack: [...s.undoStack, edit],
            redoStack: [],
          }
        : s,
    ),
  undo: () =>
    set((s) => {
      const edit = s.undoStack.at(-1);
      if (!edit || !s.document) return s;
      return {
        document: { ...s.document, erd: applyEdit(s.document.erd, edit, 'undo') },
        dirty: true,
        undoStack: s.undoStack.slice(0, -1),
        redoStack: [...s.redoStack, edit],
      };
    }),
  redo: () =>
    set((s) => {
      const edit = s.redoStack.at(-1);
      if (!edit || !s.document) return s;
      return {
        document: { ...s.document, erd: applyEdit(s.document.erd, edit, 'do') },
        dirty: true,
        undoStack: [...s.undoStack, edit],
        redoStack: s.redoStack.slice(0, -1),
      };
    }),
});
