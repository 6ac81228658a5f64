/**
 * What the user does with ERD documents, as plain functions over the store; every host call
 * goes through `call()`, which shows failures as toasts.
 */
import { call } from '@renderer/lib/call';
import type { CapabilityId } from '@shared/api';
import { showInfo, studioState, useStudio } from '@renderer/store';

export async function refreshRecentFiles(): Promise<void> {
  const recentFiles = await call('listRecentFiles', {});
  if (recentFiles) studioState().setRecentFiles(recentFiles);
}

export async function clearRecentFiles(): Promise<void> {
  const recentFiles = await call('clearRecentFiles', {});
  if (recentFiles) studioState().setRecentFiles(recentFiles);
}

/** Starts with a blank document (asking first when there are unsaved changes). */
export async function newDocument(): Promise<void> {
  if (studioState().dirty && !confirm('Discard the unsaved changes?')) return;
  await loadBlankDocument();
}

/** Opens a typed path (hosts without dialogs), a granted file id (recent files), or asks. */
export async function openDocument(path?: string, file?: CapabilityId): Promise<void> {
  if (studioState().dirty && !confirm('Discard the unsaved changes?')) return;
  const document = await call('openErd', file ? { file } : path ? { path } : {});
  if (!document) return;
  studioState().setDocument(document);
  studioState().setWorkspace('erd');
  await refreshRecentFiles();
}

/** Saves where the document came from, or at `path`, or (save as / never saved) where the host asks. */
export async function saveDocument(saveAs = false, path?: string): Promise<void> {
  const { document } = studioState();
  if (!document) return;
  const target = path ? { path } : !saveAs && document.file ? { file: document.file } : {};
  const saved = await call('saveErd', { erd: document.erd, ...target });
  if (!saved) return;
  studioState().markSaved(saved.path, saved.name, saved.file);
  showInfo(`Saved ${saved.path}.`);
  await refreshRecentFiles();
}

export function renameProject(to: string): void {
  const { document, edit } = studioState();
  if (document) edit({ kind: 'renameProject', from: document.erd.project.name, to });
}

export function undoEdit(): void {
  studioState().undo();
}

export function redoEdit(): void {
  studioState().redo();
}

/** Loads a blank document to start from. */
export async function loadBlankDocument(): Promise<void> {
  const blank = await call('newErd', {});
  if (blank) studioState().setDocument(blank);
}

/**
 * Keeps the window title and the host (title bar, unsaved-changes prompt) told of what is open.
 * Returns the unsubscribe function.
 */
export function reportDocumentState(): () => void {
  return useStudio.subscribe((next, prev) => {
    if (next.document === prev.document && next.dirty === prev.dirty) return;
    const { document, dirty } = next;
    if (!document) return;
    globalThis.document.title = `${dirty ? '• ' : ''}${document.name} — DjForge Studio`;
    void call('setDocumentState', { name: document.name, dirty });
  });
}
