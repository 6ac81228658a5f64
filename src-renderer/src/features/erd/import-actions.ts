/**
 * Importing a schema (a `.json`, `.dbml` or `.sql` file picked, dropped or pasted) into the
 * editor. Into a blank document it simply opens; over a document with entities the user chooses
 * to replace it or merge into it, and either is one undoable step (entities without positions
 * laid out in the same step).
 */
import { call } from '@renderer/lib/call';
import { showError, showInfo, studioState } from '@renderer/store';
import { placeUnplaced } from './auto-layout-action';
import { perform } from './canvas-actions';
import { mergeErd } from './erd-merge';

const isBlank = () => {
  const { document, dirty } = studioState();
  return !document || (document.erd.entities.length === 0 && !dirty);
};

/** Imports `text` named `fileName` (its extension and content say the format). */
export async function importText(text: string, fileName: string): Promise<void> {
  const document = await call('importErd', { text, fileName });
  if (!document) return;
  studioState().setWorkspace('erd');
  if (isBlank()) {
    studioState().setDocument(document);
    return;
  }
  studioState().setPendingImport(document);
}

/** A file dropped on the window or picked in the page. */
export async function importFile(file: File): Promise<void> {
  await importText(await file.text(), file.name);
}

/** The user's answer to the replace-or-merge question. */
export async function resolveImport(choice: 'replace' | 'merge' | 'cancel'): Promise<void> {
  const { pendingImport, document } = studioState();
  studioState().setPendingImport(null);
  if (!pendingImport || !document || choice === 'cancel') return;
  const from = document.erd;
  let target = pendingImport.erd;
  let summary = `Replaced the diagram with ${pendingImport.name} (${target.entities.length} entities).`;
  if (choice === 'merge') {
    const merged = mergeErd(from, pendingImport.erd);
    target = merged.erd;
    summary = `Merged ${pendingImport.name}: ${merged.added.length} entities added, ${merged.replaced.length} replaced.`;
  }
  try {
    target = await placeUnplaced(target);
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
  if (studioState().document?.erd !== from) return; // the document changed while laying out
  if (perform({ kind: 'replace', label: 'Import', from, to: target })) showInfo(summary);
}
