import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Chart as ReactChart, Doughnut } from 'react-chartjs-2';
import { colourOf, type SeriesChart, type TimelineChart } from './chart';
import type { ChartViewProps } from './ChartView';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

function axes(dark: boolean) {
  return { ink: dark ? '#e6edf3' : '#1f2328', grid: dark ? 'rgba(230, 237, 243, 0.15)' : 'rgba(31, 35, 40, 0.1)' };
}

function seriesChart(spec: SeriesChart, dark: boolean, label: string) {
  const { ink, grid } = axes(dark);
  if (spec.kind === 'doughnut') {
    const dataset = spec.datasets[0];
    return (
      <Doughnut
        aria-label={label}
        role="img"
        data={{
          labels: spec.labels,
          datasets: [
            {
              label: dataset?.label ?? '',
              data: (dataset?.values ?? []).map((v) => v ?? 0),
              backgroundColor: (spec.sliceColours ?? []).map((c) => colourOf(c, dark)),
              borderColor: dark ? '#1e1e1e' : '#ffffff',
            },
          ],
        }}
        options={{ animation: false, maintainAspectRatio: false, plugins: { legend: { labels: { color: ink } } } }}
      />
    );
  }
  // A line over a single run has no segment to draw: its point is drawn as a short dash instead,
  // so a baseline or a moving average stays visible from the first run on.
  const single = spec.labels.length === 1;
  const data = {
    labels: spec.labels,
    datasets: spec.datasets.map((d) => {
      const line = spec.kind === 'line' || d.line === true;
      return {
        type: line ? ('line' as const) : ('bar' as const),
        label: d.label,
        data: d.values,
        backgroundColor: colourOf(d.colour, dark),
        borderColor: colourOf(d.colour, dark),
        borderDash: d.dashed ? [6, 4] : [],
        pointStyle: line ? ('line' as const) : ('rect' as const),
        pointRadius: d.line ? (single ? 14 : 0) : 3,
        pointBorderWidth: 2,
        spanGaps: true,
      };
    }),
  } as ChartData<'bar' | 'line', (number | null)[], string>;
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    // Legend entries drawn in each dataset's own style: a line for lines, a box for bars.
    plugins: { legend: { labels: { color: ink, usePointStyle: true } } },
    scales: {
      x: { stacked: spec.stacked ?? false, ticks: { color: ink }, grid: { color: grid } },
      y: {
        stacked: spec.stacked ?? false,
        beginAtZero: true,
        ticks: { color: ink },
        grid: { color: grid },
        title: { display: spec.yTitle !== undefined, text: spec.yTitle ?? '', color: ink },
      },
    },
  };
  return <ReactChart type="bar" aria-label={label} role="img" data={data} options={options} />;
}

function timelineChart(spec: TimelineChart, dark: boolean, label: string) {
  const { ink, grid } = axes(dark);
  const data = {
    labels: spec.lanes,
    datasets: spec.groups.map((g) => ({
      label: g.label,
      data: spec.spans.filter((s) => s.group === g.label).map((s) => ({ x: [s.start, s.end], y: spec.lanes[s.lane] })),
      backgroundColor: colourOf(g.colour, dark),
      grouped: false,
      barPercentage: 0.8,
      minBarLength: 2,
    })),
  } as unknown as ChartData<'bar'>;
  return (
    <ReactChart
      type="bar"
      aria-label={label}
      role="img"
      data={data}
      options={{
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { labels: { color: ink } } },
        scales: {
          x: {
            beginAtZero: true,
            ticks: { color: ink },
            grid: { color: grid },
            title: { display: true, text: spec.xTitle, color: ink },
          },
          y: { ticks: { color: ink }, grid: { color: grid } },
        },
      }}
    />
  );
}

/** A Chart.js chart of any `ChartSpec`; loaded lazily through `ChartView`. */
export default function ChartJsChart({ spec, dark, label }: ChartViewProps) {
  return spec.kind === 'timeline' ? timelineChart(spec, dark, label) : seriesChart(spec, dark, label);
}
