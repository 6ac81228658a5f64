import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { BarChartViewProps } from './BarChartView';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A Chart.js bar chart; loaded lazily through `BarChartView`. */
export default function ChartJsBar({ series, dark, label }: BarChartViewProps) {
  const ink = dark ? '#d8dee9' : '#2e3440';
  const grid = dark ? 'rgba(216, 222, 233, 0.15)' : 'rgba(46, 52, 64, 0.1)';
  return (
    <Bar
      aria-label={label}
      role="img"
      data={{
        labels: series.labels,
        datasets: [{ label: series.measure, data: series.values, backgroundColor: dark ? '#88c0d0' : '#5e81ac' }],
      }}
      options={{
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { ticks: { color: ink }, grid: { color: grid } },
          y: {
            beginAtZero: true,
            ticks: { color: ink },
            grid: { color: grid },
            title: { display: true, text: series.measure, color: ink },
          },
        },
      }}
    />
  );
}
