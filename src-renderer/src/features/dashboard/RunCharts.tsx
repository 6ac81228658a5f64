import { ChartFigure } from '@renderer/lib/charts/ChartFigure';
import { seconds } from '@renderer/lib/format';
import type { RunHistoryRecord } from '@shared/api';
import { selectRunOnDashboard } from './select';
import { runLabel } from './trend-charts';
import { agentTimeFigure, cacheFigure, qualityFigure, timelineFigure } from './run-charts';

interface RunChartsProps {
  runs: RunHistoryRecord[];
  run: RunHistoryRecord;
  dark: boolean;
}

/** The selected run: time per agent, cache, quality by category, and its units on the pool's lanes. */
export function RunCharts({ runs, run, dark }: RunChartsProps) {
  const figures = [
    { title: 'Time per agent', ...agentTimeFigure(run) },
    { title: 'Cache hits and misses', ...cacheFigure(run) },
    { title: 'Quality by category', ...qualityFigure(run) },
  ];
  const timeline = timelineFigure(run);
  return (
    <section aria-labelledby="dash-run" className="dash-section">
      <h2 id="dash-run">Selected run</h2>
      <label>
        Run shown{' '}
        <select value={run.runId} onChange={(e) => selectRunOnDashboard(e.target.value)}>
          {runs.map((r, i) => (
            <option key={r.runId} value={r.runId}>
              {runLabel(r, i)} · {r.erd.name} · {r.engine} · {r.status}
            </option>
          ))}
        </select>
      </label>
      <p className="stats">
        {run.erd.name} ({run.erd.hash}) · {run.engine}
        {run.models.length > 0 && <> · {run.models.join(' › ')}</>} · concurrency {run.concurrency} · pipeline{' '}
        {seconds(run.pipelineMs)} · {run.modelCalls} model calls · runtime layer{' '}
        {run.runtime.ran ? `${run.runtime.ok ? 'passed' : 'failed'} in ${seconds(run.runtime.ms)}` : 'not run'}
      </p>
      <div className="chart-grid">
        {figures.map((f) => (
          <ChartFigure key={f.title} title={f.title} spec={f.spec} table={f.table} note={f.note} dark={dark} />
        ))}
      </div>
      <ChartFigure title="Timeline of units per slot" spec={timeline.spec} table={timeline.table} dark={dark} />
    </section>
  );
}
