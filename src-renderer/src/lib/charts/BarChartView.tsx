import { lazy } from 'react';
import { LazyBoundary } from '../LazyBoundary';
import type { BarSeries } from './chart';

export interface BarChartViewProps {
  series: BarSeries;
  dark: boolean;
  /** The chart's accessible name; the numbers themselves belong in a table beside it. */
  label: string;
}

const ChartJsBar = lazy(() => import('./ChartJsBar'));

/** A bar chart; Chart.js loads with the first chart shown, not with the app. */
export function BarChartView(props: BarChartViewProps) {
  return (
    <div className="chart-view">
      <LazyBoundary fallback={null}>
        <ChartJsBar {...props} />
      </LazyBoundary>
    </div>
  );
}
