/** What the chart adapter draws, as plain data (no Chart.js types), so features test it without a DOM. */
export interface BarSeries {
  /** One label per bar, e.g. the run's start time. */
  labels: string[];
  values: number[];
  /** What a value measures, with its unit, e.g. `Time (s)`. */
  measure: string;
}
