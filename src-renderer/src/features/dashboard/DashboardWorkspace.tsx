import { useStudio } from '../../store';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Past runs from the history, newest first, with totals. */
export function DashboardWorkspace() {
  const history = useStudio((s) => s.history);
  if (history.length === 0) return <p>No runs yet.</p>;
  const completed = history.filter((r) => r.status === 'completed');
  const average =
    completed.length === 0 ? null : completed.reduce((n, r) => n + r.summary.elapsedMs, 0) / completed.length;
  return (
    <section aria-label="Dashboard">
      <p className="stats">
        {history.length} runs · {completed.length} completed · {history.filter((r) => r.status === 'cancelled').length}{' '}
        cancelled · {history.filter((r) => r.status === 'failed').length} failed
        {average !== null && <> · average {seconds(average)} per completed run</>}
      </p>
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
