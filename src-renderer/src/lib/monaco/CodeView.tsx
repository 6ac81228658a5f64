import { lazy } from 'react';
import { LazyBoundary } from '../LazyBoundary';

export interface CodeViewProps {
  /** The file's path: picks the language and names Monaco's model. */
  path: string;
  text: string;
  dark: boolean;
}

const MonacoCodeView = lazy(() => import('./MonacoCodeView'));

/**
 * A file's text in Monaco. Monaco and its worker load on first use (the app starts without
 * them); until then, or if they cannot load, the text shows as plain preformatted text.
 */
export function CodeView(props: CodeViewProps) {
  return (
    <div className="code-view" aria-label={`Code of ${props.path}`} role="region">
      <LazyBoundary fallback={<pre>{props.text}</pre>}>
        <MonacoCodeView {...props} />
      </LazyBoundary>
    </div>
  );
}
