import { useMemo } from 'react';
import { BarChartView } from '@renderer/lib/charts/BarChartView';
import { seconds } from '@renderer/lib/format';
import { isDark } from '@renderer/lib/theme';
import { useStudio } from '@renderer/store';
import { historyTotals, runTimeSeries } from './run-history';

/** Past runs from the history, newest first: totals, the time per run as a chart, and the table. */
export function DashboardWorkspace() {
  const history = useStudio((s) => s.history);
  const dark = useStudio((s) => isDark(s.theme));
  const series = useMemo(() => runTimeSeries(history), [history]);
  if (history.length === 0) return <p>No runs yet.</p>;
  const totals = historyTotals(history);
  return (
    <section aria-label="Dashboard">
      <p className="stats">
        {totals.runs} runs · {totals.completed} completed · {totals.cancelled} cancelled · {totals.failed} failed
        {totals.averageMs !== null && <> · average {seconds(totals.averageMs)} per completed run</>}
      </p>
      <BarChartView series={series} dark={dark} label="Time per run" />
      <table className="history">
        <thead>
          <tr>
            <th>When</th>
            <th>Project</th>
            <th>Engine</th>
            <th>Status</th>
            <th>Files</th>
            <th>Fell back</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {history.map((r) => (
            <tr key={r.runId}>
              <td>{new Date(r.startedAt).toLocaleString()}</td>
              <td>{r.project}</td>
              <td>{r.engine}</td>
              <td>{r.status}</td>
              <td>{r.summary.files}</td>
              <td>{r.summary.fellBack}</td>
              <td>{seconds(r.summary.elapsedMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
