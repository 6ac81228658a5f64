/**
 * What the chart adapter draws, as plain data (no Chart.js types), so features build and test
 * their series without a DOM and the numbers of a chart and of its data table come from one place.
 */
export interface BarSeries {
  /** One label per bar, e.g. the run's start time. */
  labels: string[];
  values: number[];
  /** What a value measures, with its unit, e.g. `Time (s)`. */
  measure: string;
}

/** A palette slot, resolved to a colour for the light or dark theme by the adapter. */
export type ChartColour = 'blue' | 'green' | 'orange' | 'red' | 'purple' | 'grey' | 'teal';

export interface ChartDataset {
  label: string;
  /** One value per label; null leaves a gap (a run that did not measure it). */
  values: (number | null)[];
  colour: ChartColour;
  /** Drawn as a line over the bars (moving average, baseline). */
  line?: boolean;
  dashed?: boolean;
}

/** Bars (optionally with lines over them), a line chart, or a doughnut. */
export interface SeriesChart {
  kind: 'bar' | 'line' | 'doughnut';
  labels: string[];
  datasets: ChartDataset[];
  yTitle?: string;
  stacked?: boolean;
  /** A doughnut's colour per label (its one dataset's colour is not used). */
  sliceColours?: ChartColour[];
}

/** One span on a lane of a timeline (a unit on a pool slot). */
export interface TimelineSpan {
  lane: number;
  start: number;
  end: number;
  /** Which dataset (legend entry) the span belongs to. */
  group: string;
}

/** Spans on `lanes` horizontal lanes, one colour per group. */
export interface TimelineChart {
  kind: 'timeline';
  lanes: string[];
  groups: { label: string; colour: ChartColour }[];
  spans: TimelineSpan[];
  xTitle: string;
}

export type ChartSpec = SeriesChart | TimelineChart;

/** The same numbers as the chart, for the accessible table beside it. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

const PALETTE: Record<ChartColour, [light: string, dark: string]> = {
  blue: ['#0969da', '#4493f8'],
  green: ['#1a7f37', '#3fb950'],
  orange: ['#bc4c00', '#f0883e'],
  red: ['#cf222e', '#f85149'],
  purple: ['#8250df', '#ab7df8'],
  grey: ['#6e7781', '#9198a1'],
  teal: ['#1b7c83', '#39c5cf'],
};

/** The colour of a palette slot in the current theme. */
export function colourOf(colour: ChartColour, dark: boolean): string {
  return PALETTE[colour][dark ? 1 : 0];
}
