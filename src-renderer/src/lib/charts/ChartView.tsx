import { lazy } from 'react';
import { LazyBoundary } from '../LazyBoundary';
import type { ChartSpec } from './chart';

export interface ChartViewProps {
  spec: ChartSpec;
  dark: boolean;
  /** The chart's accessible name; the numbers themselves are in the table beside it. */
  label: string;
}

const ChartJsChart = lazy(() => import('./ChartJsChart'));

/** Any chart of the dashboard; Chart.js loads with the first chart shown, not with the app. */
export function ChartView(props: ChartViewProps) {
  const tall = props.spec.kind === 'timeline' ? Math.max(160, 40 * props.spec.lanes.length + 80) : undefined;
  return (
    <div className="chart-view" style={tall ? { height: tall } : undefined}>
      <LazyBoundary fallback={null}>
        <ChartJsChart {...props} />
      </LazyBoundary>
    </div>
  );
}
