import type { HistoryDashboard, MetricRating } from '@shared/api';

const LABELS: Record<MetricRating['metric'], string> = {
  pipelineMs: 'Pipeline time',
  cacheHitRate: 'Cache hit rate',
  autoApprovalRate: 'Auto-approval rate',
  errorRate: 'Error rate',
  averageQuality: 'Average quality',
};
const RATING_TEXT = { excellent: 'Excellent', good: 'Good', needsAttention: 'Needs attention' } as const;

function shown(metric: MetricRating['metric'], value: number): string {
  if (metric === 'pipelineMs') return `${(value / 1000).toFixed(1)} s`;
  if (metric === 'averageQuality') return value.toFixed(2);
  return `${(value * 100).toFixed(1)} %`;
}

/** The latest run against the baselines, and the recommendations with their evidence. */
export function Insights({ dashboard }: { dashboard: HistoryDashboard }) {
  return (
    <section aria-labelledby="dash-insights" className="dash-section">
      <h2 id="dash-insights">Against the baselines</h2>
      {dashboard.ratings.length === 0 ? (
        <p className="empty">No completed run to rate yet.</p>
      ) : (
        <table className="history" aria-label="Ratings of the latest run">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Latest run</th>
              <th scope="col">Baseline</th>
              <th scope="col">Difference</th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.ratings.map((r) => (
              <tr key={r.metric}>
                <td>{LABELS[r.metric]}</td>
                <td>{shown(r.metric, r.value)}</td>
                <td>{shown(r.metric, r.baseline)}</td>
                <td>
                  {r.differencePct > 0 ? '+' : ''}
                  {r.differencePct.toFixed(1)} %
                </td>
                <td className={`rating rating-${r.rating}`}>{RATING_TEXT[r.rating]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Recommendations</h2>
      {dashboard.recommendations.length === 0 ? (
        <p className="empty">No rule found anything to change in these runs.</p>
      ) : (
        <ul className="recommendations" aria-label="Recommendations">
          {dashboard.recommendations.map((r, i) => (
            <li key={`${r.rule}-${i}`}>
              <strong>{r.message}</strong>
              <span className="evidence">
                {' '}
                Rule {r.rule}:{' '}
                {Object.entries(r.evidence)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', ')}
                .
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
