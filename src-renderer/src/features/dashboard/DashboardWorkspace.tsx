import { useMemo } from 'react';
import { seconds } from '@renderer/lib/format';
import { isDark } from '@renderer/lib/theme';
import { useStudio } from '@renderer/store';
import type { Engine } from '@shared/api';
import { downloadHistory, filterHistory } from './actions';
import { Insights } from './Insights';
import { RunCharts } from './RunCharts';
import { ModelCharts, TrendCharts } from './TrendCharts';
import './dashboard.css';

/** The recorded runs: filters, the selected run, trends, models, ratings, advice, and the table. */
export function DashboardWorkspace() {
  const history = useStudio((s) => s.history);
  const dashboard = useStudio((s) => s.dashboard);
  const filter = useStudio((s) => s.historyFilter);
  const selectedRunId = useStudio((s) => s.selectedRunId);
  const dark = useStudio((s) => isDark(s.theme));
  const erds = useMemo(() => [...new Set(history.map((r) => r.project))].sort(), [history]);
  const records = useMemo(() => dashboard?.records ?? [], [dashboard]);
  const completed = useMemo(() => records.filter((r) => r.status === 'completed'), [records]);
  if (history.length === 0)
    return (
      <section aria-label="Dashboard" className="dashboard">
        <p>No runs yet.</p>
        <p className="empty">
          Every generation is recorded here: open or draw an ERD, press Generate, and come back to see how fast, how
          cached and how good the run was. Runs of <code>djforge generate</code> that share this data folder appear too.
        </p>
      </section>
    );
  const run = records.find((r) => r.runId === selectedRunId) ?? records.at(-1);
  return (
    <section aria-label="Dashboard" className="dashboard">
      <div className="dash-toolbar" role="group" aria-label="Filter and export">
        <label>
          ERD{' '}
          <select
            value={filter.erd ?? ''}
            onChange={(e) => void filterHistory({ ...filter, erd: e.target.value || undefined })}
          >
            <option value="">All ERDs</option>
            {erds.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Engine{' '}
          <select
            value={filter.engine ?? ''}
            onChange={(e) =>
              void filterHistory({ ...filter, engine: (e.target.value || undefined) as Engine | undefined })
            }
          >
            <option value="">All engines</option>
            <option value="template">template</option>
            <option value="llm">llm</option>
          </select>
        </label>
        <button type="button" onClick={() => void downloadHistory('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void downloadHistory('json')}>
          Export JSON
        </button>
      </div>
      {dashboard?.warnings.map((w) => (
        <p key={w} className="warning" role="note">
          {w}
        </p>
      ))}
      {run ? (
        <>
          <RunCharts runs={records} run={run} dark={dark} />
          <TrendCharts
            runs={completed}
            baselines={
              dashboard?.baselines ?? {
                pipelineMs: 0,
                cacheHitRate: 0,
                autoApprovalRate: 0,
                errorRate: 0,
                averageQuality: 0,
              }
            }
            dark={dark}
          />
          <ModelCharts runs={completed} dark={dark} />
          {dashboard && <Insights dashboard={dashboard} />}
        </>
      ) : (
        <p className="empty">No recorded run matches this filter; choose another ERD or engine.</p>
      )}
      <h2>All runs</h2>
      <table className="history" aria-label="Recorded runs">
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
