/**
 * What the diagram adapter draws, in its own words (no React Flow types), so features build
 * diagrams as plain data and test them without a DOM.
 */
export interface DiagramBox {
  id: string;
  /** The accessible name of the box, e.g. `Entity Job`. */
  label: string;
  title: string;
  /** One line per row inside the box (fields, relations). */
  rows: { key: string; name: string; detail: string }[];
  position: { x: number; y: number };
}

export interface DiagramLink {
  id: string;
  source: string;
  target: string;
  /** Shown on the line. */
  label: string;
  /** The accessible name of the line, e.g. `Relation Job.posted_by to User`. */
  name: string;
}

export interface Diagram {
  boxes: DiagramBox[];
  links: DiagramLink[];
}
