import { preloadable } from '../preloadable';
import { LazyBoundary } from '../LazyBoundary';

/** A finding placed on a line of the right-hand (current) text. */
export interface DiffMarker {
  severity: 'error' | 'warning' | 'info';
  line: number;
  column?: number;
  /** The rule id, shown with the sentence on hover. */
  code: string;
  message: string;
}

export interface DiffViewProps {
  /** The file's path: picks the language. */
  path: string;
  /**
   * Names the text on the right (the file and its version; default the path): the editor keeps
   * one model per key, so coming back to a file is a swap, and a new key is a new undo history.
   */
  modelKey?: string;
  /** The base chosen for comparison (left, read-only). */
  original: string;
  /** The current text (right; editable unless `readOnly`). */
  modified: string;
  readOnly: boolean;
  /** One column with the changes inline instead of side by side. */
  inline: boolean;
  dark: boolean;
  markers: readonly DiffMarker[];
  /** Scrolls to and puts the cursor on `line`; a new `nonce` reveals again. */
  reveal: { line: number; nonce: number } | null;
  /** Every change of the right-hand text, as the person types or reverts a change. */
  onChange?(text: string): void;
  /** Told once the editor is on screen (for the time-to-open figure). */
  onReady?(): void;
}

const { Component: MonacoDiffView, preload } = preloadable(() => import('./MonacoDiffView'));

/**
 * Fetches and compiles Monaco's diff editor ahead of the first file (once the review is shown and
 * idle), so the first click on a file costs showing it, not loading Monaco (~0.8 s measured).
 */
export function preloadDiffView(): void {
  preload();
}

/**
 * A file against a base in Monaco's diff editor, with findings as markers and per-change revert
 * (gutter arrows, Alt+Backspace). Monaco loads on first use; until then, or if it cannot load,
 * the current text shows as plain text.
 */
export function DiffView(props: DiffViewProps) {
  return (
    <div className="diff-view" aria-label={`Diff of ${props.path}`} role="region">
      <LazyBoundary fallback={<pre className="code-fallback">{props.modified}</pre>}>
        <MonacoDiffView {...props} />
      </LazyBoundary>
    </div>
  );
}
