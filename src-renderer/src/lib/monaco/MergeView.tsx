import { lazy } from 'react';
import { LazyBoundary } from '../LazyBoundary';

export interface MergeViewProps {
  path: string;
  base: string;
  yours: string;
  generated: string;
  /** The result's starting text (the merge with conflict markers). */
  result: string;
  dark: boolean;
  onResultChange(text: string): void;
}

const MonacoMergeView = lazy(() => import('./MonacoMergeView'));

/**
 * A conflict in three read-only panes (last generation, yours, generated now) above the result,
 * which the person edits. Monaco loads on first use; without it the result is a plain text area.
 */
export function MergeView(props: MergeViewProps) {
  return (
    <div className="merge-view" role="region" aria-label={`Three-way merge of ${props.path}`}>
      <LazyBoundary
        fallback={
          <textarea
            aria-label={`Result of ${props.path}`}
            defaultValue={props.result}
            onChange={(e) => props.onResultChange(e.target.value)}
          />
        }
      >
        <MonacoMergeView {...props} />
      </LazyBoundary>
    </div>
  );
}
