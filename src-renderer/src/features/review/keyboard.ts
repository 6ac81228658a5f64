/**
 * The review's keyboard: list navigation and decisions outside the editor, diff changes inside
 * it (Monaco's own bindings, see `lib/monaco/MonacoDiffView.tsx`). One table feeds both the
 * handler and the help overlay, so the overlay cannot list a key that does nothing.
 */
import { studioState } from '@renderer/store';
import { decideFiles, nextFile, undoBatch } from './actions';

/** Keys → what they do, as the help overlay lists them. */
export const REVIEW_SHORTCUTS: readonly (readonly [string, string])[] = [
  ['J / ↓', 'Next file (in guided review: next pending file)'],
  ['K / ↑', 'Previous file'],
  ['A', 'Approve the file'],
  ['S', 'Skip the file'],
  ['P', 'Take the decision back (pending)'],
  ['N', 'Next finding of the file'],
  ['Ctrl+S', 'Keep your edit as a new version'],
  ['U', 'Undo the last batch'],
  ['Alt+↓ / Alt+↑ (in the editor)', 'Accept the change and go to the next / previous change'],
  ['Alt+Backspace (in the editor)', 'Revert the change under the cursor (Ctrl+Z undoes it)'],
  ['?', 'Show or hide these shortcuts'],
  ['Esc', 'Close this help, the batch question or the guided review'],
];

/** Where typing belongs to a field or the editor, the review's keys stay out of the way. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as { closest?: (s: string) => unknown } | null;
  return !!el?.closest?.('input, textarea, select, .monaco-editor, [contenteditable="true"]');
}

/**
 * Handles one key press of the review workspace; returns whether it was the review's.
 * `nextFinding` moves the editor to the next finding of the file on screen.
 */
export function handleReviewKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  current: string | null,
  actions: { nextFinding(): void; keepEdit(): void },
): boolean {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
    actions.keepEdit();
    return true;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return false;
  const state = studioState();
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      nextFile(1);
      return true;
    case 'k':
    case 'ArrowUp':
      nextFile(-1);
      return true;
    case 'a':
      if (current) void decideFiles([current], 'approved');
      return true;
    case 's':
      if (current) void decideFiles([current], 'skipped');
      return true;
    case 'p':
      if (current) void decideFiles([current], 'pending');
      return true;
    case 'n':
      actions.nextFinding();
      return true;
    case 'u':
      void undoBatch();
      return true;
    case '?':
      state.setHelpOpen(!state.helpOpen);
      return true;
    case 'Escape':
      state.setHelpOpen(false);
      state.setPendingBatch(null);
      state.setGuided(false);
      return true;
    default:
      return false;
  }
}
