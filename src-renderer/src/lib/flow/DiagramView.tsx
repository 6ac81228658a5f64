import { LazyBoundary } from '../LazyBoundary';
import { preloadable } from '../preloadable';
import type { Diagram, DiagramEvents, DiagramSelection } from './diagram';

export interface DiagramViewProps {
  diagram: Diagram;
  dark: boolean;
  /** The accessible name of the canvas region. */
  label: string;
  /** What the user does on the canvas; without it the diagram is only looked at. */
  events?: DiagramEvents;
  /** What is selected, when the owner keeps the selection (the canvas tells changes by events). */
  selection?: DiagramSelection;
  /** A box to bring into view; a new object each time it is asked, even for the same box. */
  focus?: { box: string };
}

const { Component: FlowDiagram, preload } = preloadable(() => import('./FlowDiagram'));

/**
 * Fetches React Flow's chunk ahead of the first diagram (say, once the editor is shown and idle),
 * so opening a document then costs drawing it, not loading and compiling the canvas's code too.
 */
export function preloadDiagramView(): void {
  preload();
}

/**
 * A diagram on a React Flow canvas (pan, zoom, minimap, snap to grid, multi-select, drawing
 * links). React Flow loads with the first diagram shown, not with the app; until then, or if it
 * cannot load, a sentence stands in.
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
