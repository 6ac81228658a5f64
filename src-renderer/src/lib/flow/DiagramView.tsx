import { lazy } from 'react';
import { LazyBoundary } from '../LazyBoundary';
import type { Diagram } from './diagram';

export interface DiagramViewProps {
  diagram: Diagram;
  dark: boolean;
  /** The accessible name of the canvas region. */
  label: string;
}

const FlowDiagram = lazy(() => import('./FlowDiagram'));

/**
 * A diagram on a React Flow canvas (pan, zoom, minimap). React Flow loads with the first
 * diagram shown, not with the app; until then, or if it cannot load, a sentence stands in.
 */
export function DiagramView(props: DiagramViewProps) {
  const fallback = (
    <p className="muted">
      Drawing {props.diagram.boxes.length} boxes and {props.diagram.links.length} links…
    </p>
  );
  return (
    <div className="diagram-view" role="region" aria-label={props.label}>
      <LazyBoundary fallback={fallback}>
        <FlowDiagram {...props} />
      </LazyBoundary>
    </div>
  );
}
