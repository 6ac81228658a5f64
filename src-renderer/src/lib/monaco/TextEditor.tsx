import { lazy } from 'react';
import { LazyBoundary } from '../LazyBoundary';

/** A place in the text the parser refused, 1-based, with its message. */
export interface TextProblem {
  line: number;
  column: number;
  message: string;
}

export interface TextEditorProps {
  /** Names Monaco's model (one per document and format). */
  path: string;
  language: 'dbml' | 'json';
  /** The accessible name of the editing area. */
  label: string;
  value: string;
  dark: boolean;
  onChange(text: string): void;
  /** Shown as error markers (squiggles and the gutter) at their line. */
  problems: readonly TextProblem[];
}

const MonacoTextEditor = lazy(() => import('./MonacoTextEditor'));

/**
 * An editable text in Monaco with DBML or JSON highlighting and the parser's errors marked at
 * their line. Monaco loads on first use; until then, or if it cannot load, a plain text area
 * edits the same text.
 */
export function TextEditor(props: TextEditorProps) {
  const fallback = (
    <textarea
      aria-label={props.label}
      spellCheck={false}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
  return (
    <div className="text-editor" role="region" aria-label={`Editor of ${props.label}`}>
      <LazyBoundary fallback={fallback}>
        <MonacoTextEditor {...props} />
      </LazyBoundary>
    </div>
  );
}
