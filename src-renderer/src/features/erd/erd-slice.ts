/**
 * The ERD feature's state: the open document, its dirty state, its undo history (typed edit
 * records), and the recently opened files.
 */
import type { StateCreator } from 'zustand';
import type { ErdDocument, RecentDocument } from '@shared/api';
import type { Erd } from '@shared/erd/model';
import type { CanvasSelection } from './erd-diagram';
import { applyEdit, identityAfter, type ErdEdit } from './erd-edits';

const NOTHING: CanvasSelection = { entities: [], relations: [] };

export interface ErdSlice {
  document: ErdDocument | null;
  dirty: boolean;
  undoStack: ErdEdit[];
  redoStack: ErdEdit[];
  recentFiles: RecentDocument[];
  /** What the canvas has selected; the inspector shows the first entity or relation. */
  selection: CanvasSelection;
  /** The field of the selected entity the inspector shows, if any. */
  selectedField: string | null;
  setSelection(selection: CanvasSelection, field?: string | null): void;
  setDocument(document: ErdDocument): void;
  markSaved(path: string, name: string, file: string): void;
  edit(edit: ErdEdit): void;
  undo(): void;
  redo(): void;
  setRecentFiles(recentFiles: RecentDocument[]): void;
  /** An imported document waiting for the user to choose: replace the open one, or merge into it. */
  pendingImport: ErdDocument | null;
  setPendingImport(document: ErdDocument | null): void;
  /** A recovery copy an earlier session left, offered until restored or discarded. */
  recoveryOffer: RecoveryOffer | null;
  setRecoveryOffer(offer: RecoveryOffer | null): void;
  /** Puts a recovered document in place: unsaved (dirty), with a fresh history. */
  restoreDocument(document: ErdDocument): void;
}

export interface RecoveryOffer {
  erd: Erd;
  name: string;
  savedAt: number;
}

/** `document` after `edit` applied in `direction`: its model, and its identity when the edit changes it. */
function edited(document: ErdDocument, edit: ErdEdit, direction: 'do' | 'undo'): ErdDocument {
  return { ...document, ...identityAfter(edit, direction), erd: applyEdit(document.erd, edit, direction) };
}

export const createErdSlice: StateCreator<ErdSlice, [], [], ErdSlice> = (set) => ({
  document: null,
  dirty: false,
  undoStack: [],
  redoStack: [],
  recentFiles: [],
  selection: NOTHING,
  selectedField: null,
  setSelection: (selection, field = null) => set({ selection, selectedField: field }),
  setDocument: (document) =>
    set({ document, dirty: false, undoStack: [], redoStack: [], selection: NOTHING, selectedField: null }),
  markSaved: (path, name, file) =>
    set((s) => (s.document ? { document: { ...s.document, path, name, file }, dirty: false } : s)),
  edit: (edit) =>
    set((s) =>
      s.document
        ? {
            document: edited(s.document, edit, 'do'),
            dirty: true,
            undoStack: [...s.undoStack, edit],
            redoStack: [],
            ...(identityAfter(edit, 'do') ? { selection: NOTHING, selectedField: null } : {}),
          }
        : s,
    ),
  undo: () =>
    set((s) => {
      const edit = s.undoStack.at(-1);
      if (!edit || !s.document) return s;
      return {
        document: edited(s.document, edit, 'undo'),
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
        document: edited(s.document, edit, 'do'),
        dirty: true,
        undoStack: [...s.undoStack, edit],
        redoStack: s.redoStack.slice(0, -1),
      };
    }),
  setRecentFiles: (recentFiles) => set({ recentFiles }),
  pendingImport: null,
  setPendingImport: (pendingImport) => set({ pendingImport }),
  recoveryOffer: null,
  setRecoveryOffer: (recoveryOffer) => set({ recoveryOffer }),
  restoreDocument: (document) =>
    set({ document, dirty: true, undoStack: [], redoStack: [], selection: NOTHING, selectedField: null }),
});
