/**
 * Importing a schema (a `.json`, `.dbml` or `.sql` file picked, dropped or pasted) into the
 * editor. Into a blank document it simply opens; over a document with entities the user chooses
 * to replace it or merge into it, and either is one undoable step (entities without positions
 * laid out in the same step). A replaced document becomes the imported file's, unsaved: Save
 * then asks where, as dbdiagram and drawDB do for an imported diagram, never writing over the
 * file that was open; a merge keeps the open document's name and file.
 */
import { call } from '@renderer/lib/call';
import { showError, showInfo, studioState } from '@renderer/store';
import { placeUnplaced } from './auto-layout-action';
import { perform } from './canvas-actions';
import { mergeErd } from './erd-merge';

/** The name a pasted schema is imported under (it has no file; a document it replaces is untitled). */
export const PASTED_SCHEMA = 'pasted schema';

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
  const imported = pendingImport.erd;
  const target = (base: typeof imported) => (choice === 'merge' ? mergeErd(base, imported) : null);
  let placed = target(document.erd)?.erd ?? imported;
  try {
    placed = await placeUnplaced(placed);
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
  // The document may have changed while laying out (its own first layout, say): merge into it as it is now.
  const latest = studioState().document?.erd;
  if (!latest) return;
  const merged = target(latest);
  let to = placed;
  if (merged) {
    const positions = { ...placed.layout?.positions, ...latest.layout?.positions };
    to = { ...merged.erd, layout: { ...merged.erd.layout, positions } };
  }
  const summary = merged
    ? `Merged ${pendingImport.name}: ${merged.added.length} entities added, ${merged.replaced.length} replaced.`
    : `Replaced the diagram with ${pendingImport.name} (${imported.entities.length} entities).`;
  // A replace makes the document the imported file's, unsaved (no path): Save then asks where,
  // never writing the imported model over the file that was open. Undo gives the old one back.
  const current = studioState().document;
  const identity =
    merged || !current
      ? undefined
      : {
          from: {
            path: current.path,
            file: current.file,
            name: current.name,
            format: current.format,
            diagnostics: current.diagnostics,
          },
          to: {
            path: null,
            file: null,
            name: pendingImport.name === PASTED_SCHEMA ? 'Untitled' : pendingImport.name,
            format: pendingImport.format,
            diagnostics: pendingImport.diagnostics,
          },
        };
  if (!perform({ kind: 'replace', label: 'Import', from: latest, to, ...(identity ? { identity } : {}) })) return;
  showInfo(summary);
}
