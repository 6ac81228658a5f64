/**
 * The clipboard in the editor: Ctrl/Cmd+C copies the selected entities (into the system clipboard
 * as a DjForge clip, and kept in the page for browsers that refuse to read it back), Ctrl/Cmd+V
 * pastes them as one undoable step; pasted text that is not a clip — a DBML, SQL or JSON schema —
 * is imported, asking whether to replace or merge.
 */
import { studioState } from '@renderer/store';
import { perform } from './canvas-actions';
import { clipOf, parseClip, pasteEdit, type EntityClip } from './erd-clipboard';
import { importText, PASTED_SCHEMA } from './import-actions';

let lastClip: EntityClip | null = null;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** The text of the selection's clip, or null when nothing is selected. */
export function copySelection(): string | null {
  const { document, selection } = studioState();
  const clip = document ? clipOf(document.erd, selection.entities) : null;
  if (!clip) return null;
  lastClip = clip;
  return JSON.stringify(clip);
}

/** Pastes a clip (the given text's, else the last copied); true when entities were added. */
export function pasteEntities(text?: string): boolean {
  const erd = studioState().document?.erd;
  const clip = (text === undefined ? null : parseClip(text)) ?? (text === undefined ? lastClip : null);
  if (!erd || !clip) return false;
  const edit = pasteEdit(erd, clip);
  if (!perform(edit) || edit?.kind !== 'batch') return false;
  const added = edit.edits.flatMap((e) => (e.kind === 'addEntity' ? [e.entity.name] : []));
  studioState().setSelection({ entities: added, relations: [] });
  return true;
}

/** Listens to the page's copy and paste events; returns the function that stops listening. */
export function followClipboard(): () => void {
  const onCopy = (e: ClipboardEvent) => {
    if (isTyping(e.target) || (globalThis.getSelection?.()?.toString() ?? '') !== '') return;
    const text = copySelection();
    if (text === null || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (isTyping(e.target)) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    e.preventDefault();
    if (text.trim() === '') {
      pasteEntities();
      return;
    }
    if (!pasteEntities(text)) void importText(text, PASTED_SCHEMA);
  };
  globalThis.document.addEventListener('copy', onCopy);
  globalThis.document.addEventListener('paste', onPaste);
  return () => {
    globalThis.document.removeEventListener('copy', onCopy);
    globalThis.document.removeEventListener('paste', onPaste);
  };
}
