import { ChartFigure } from '@renderer/lib/charts/ChartFigure';
import type { HistoryDashboard, RunHistoryRecord } from '@shared/api';
import { failuresFigure, latencyFigure, modelTotals, tokensFigure, TREND_METRICS, trendFigure } from './trend-charts';

interface TrendChartsProps {
  runs: RunHistoryRecord[];
  baselines: HistoryDashboard['baselines'];
  dark: boolean;
}

/** Every metric over the completed runs, with its moving average and baseline. */
export function TrendCharts({ runs, baselines, dark }: TrendChartsProps) {
  if (runs.length === 0)
    return (
      <section aria-labelledby="dash-trends" className="dash-section">
        <h2 id="dash-trends">Trends</h2>
        <p className="empty">No completed run matches the filter yet; finish a run to start the trends.</p>
      </section>
    );
  return (
    <section aria-labelledby="dash-trends" className="dash-section">
      <h2 id="dash-trends">Trends</h2>
      <div className="chart-grid">
        {TREND_METRICS.map((metric) => {
          const figure = trendFigure(metric, runs, baselines);
          return (
            <ChartFigure key={metric.id} title={metric.title} spec={figure.spec} table={figure.table} dark={dark} />
          );
        })}
      </div>
    </section>
  );
}

/** Per model over the matching runs: latency, failures by class, tokens and cost. */
export function ModelCharts({ runs, dark }: Omit<TrendChartsProps, 'baselines'>) {
  const models = modelTotals(runs);
  return (
    <section aria-labelledby="dash-models" className="dash-section">
      <h2 id="dash-models">Models</h2>
      {models.length === 0 ? (
        <p className="empty">
          No model was called in these runs. Runs of the LLM engine (Settings → Default engine) show each model’s
          latency, failures, tokens and cost here.
        </p>
      ) : (
        <div className="chart-grid">
          <ChartFigure title="Latency per model" dark={dark} {...latencyFigure(models)} />
          <ChartFigure title="Failures per model" dark={dark} {...failuresFigure(models)} />
          <ChartFigure title="Tokens and cost per model" dark={dark} {...tokensFigure(models)} />
        </div>
      )}
    </section>
  );
}
