/**
 * What the diagram adapter draws, in its own words (no React Flow types), so features build
 * diagrams as plain data and test them without a DOM.
 */
export interface DiagramRow {
  /** Unique inside its box; a link starting at this row names it as `sourceRow`. */
  key: string;
  name: string;
  /** The type badge, e.g. `string`, `→ Company`. */
  detail: string;
  /** Short markers shown before the name: `PK`, `FK`, `M2M`, `U`, `N`, `IX`. */
  markers: string[];
}

export interface DiagramBox {
  id: string;
  /** The accessible name of the box, e.g. `Entity Job`. */
  label: string;
  title: string;
  /** One line per row inside the box (fields, relations). */
  rows: DiagramRow[];
  position: { x: number; y: number };
  /** Drawn with an error border (the entity has errors). */
  flagged?: boolean;
  /** A colour from the layout, shown as the header's stripe. */
  color?: string;
}

/** How many of an end take part: `one`, `zeroOrOne`, `many` (crow's foot), `zeroOrMany`. */
export type LinkEnd = 'one' | 'zeroOrOne' | 'many' | 'zeroOrMany';

export interface DiagramLink {
  id: string;
  source: string;
  target: string;
  /** The row of `source` the line leaves from (its foreign key); the header when absent. */
  sourceRow?: string;
  sourceEnd: LinkEnd;
  targetEnd: LinkEnd;
  /** Shown on the line. */
  label: string;
  /** The accessible name of the line, e.g. `Relation Job.posted_by to User`. */
  name: string;
}

/** What is selected: box ids and link ids. */
export interface DiagramSelection {
  boxes: string[];
  links: string[];
}

/** A labelled area drawn behind the boxes it holds. */
export interface DiagramGroup {
  id: string;
  label: string;
  boxes: string[];
  color?: string;
}

export interface Diagram {
  boxes: DiagramBox[];
  links: DiagramLink[];
  groups?: DiagramGroup[];
}

/** What the user did on the canvas, told to the feature that owns the document. */
export interface DiagramEvents {
  /** A drag ended: the boxes moved and where they are now (one event per drag). */
  onMoveEnd?(moves: { id: string; position: { x: number; y: number } }[]): void;
  onSelectionChange?(selection: DiagramSelection): void;
  /** A line was dragged from `source` (from its row handle `sourceRow`, or the header) to `target`. */
  onConnect?(connection: { source: string; target: string; sourceRow?: string; at: { x: number; y: number } }): void;
  /** A double click on the empty canvas, in diagram coordinates. */
  onPaneDoubleClick?(at: { x: number; y: number }): void;
}

/** Snap-to-grid step, in diagram pixels. */
export const GRID_STEP = 20;
