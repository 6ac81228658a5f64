import { useEffect, useState } from 'react';
import { kibibytes, percent, seconds } from '@renderer/lib/format';
import { useStudio } from '@renderer/store';
import { useUnitText } from '@renderer/store/streams';
import type { RunUnit } from '@shared/api';
import { cancelRun } from './actions';

function Elapsed({ startedAt, endedAt }: { startedAt: number; endedAt: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endedAt !== null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [endedAt]);
  return <span aria-label="Elapsed">{seconds((endedAt ?? now) - startedAt)}</span>;
}

/** The tail of what the model is writing for one unit; the only thing a token re-renders. */
function UnitStream({ unitId }: { unitId: string }) {
  const text = useUnitText(unitId);
  if (!text) return null;
  return (
    <pre className="unit-stream" aria-label={`Text of ${unitId}`}>
      {text.slice(-300)}
    </pre>
  );
}

function UnitRow({ unit }: { unit: RunUnit }) {
  return (
    <li className={`unit unit-${unit.status}`} data-unit={unit.id}>
      <span className="unit-status">{unit.status}</span> <span className="unit-label">{unit.label}</span>
      {unit.message && <span className="unit-message"> — {unit.message}</span>}
      {unit.status === 'running' && <UnitStream unitId={unit.id} />}
    </li>
  );
}

/** Progress of the current run: overall and per agent, live unit status, elapsed, cancel, summary. */
export function RunPanel() {
  const run = useStudio((s) => s.run);
  if (!run) return null;
  const overall = percent(run.finished, run.total);
  return (
    <section className="run-panel" aria-label="Run">
      <header>
        <h2>
          Run of {run.project} — <span aria-label="Run status">{run.status}</span>
        </h2>
        <Elapsed
          startedAt={run.startedAt}
          endedAt={run.summary ? run.startedAt + run.summary.elapsedMs : run.endedAt}
        />
        {run.status === 'running' && (
          <button type="button" onClick={() => void cancelRun()}>
            Cancel
          </button>
        )}
      </header>
      <div className="progress-row">
        <span>Overall</span>
        <progress aria-label="Overall progress" max={100} value={overall} />
        <span aria-label="Overall percent">{overall} %</span>
        <span>
          {run.finished}/{run.total}
        </span>
      </div>
      {run.agents.map((a) => (
        <div className="progress-row" key={a.agent}>
          <span>{a.agent}</span>
          <progress aria-label={`Progress of ${a.agent}`} max={a.total} value={a.finished} />
          <span>
            {a.finished}/{a.total}
          </span>
        </div>
      ))}
      {run.summary && (
        <p className="summary" aria-label="Run summary">
          {run.summary.files} files, {kibibytes(run.summary.bytes)} in {seconds(run.summary.elapsedMs)};{' '}
          {run.summary.failed} failed, {run.summary.fellBack} fell back, {run.summary.retried} retried,{' '}
          {run.summary.cached} cached.
          {run.error && <> Error: {run.error}</>}
        </p>
      )}
      <details open={run.status === 'running'}>
        <summary>Units</summary>
        <ul className="units">
          {run.units.map((u) => (
            <UnitRow key={u.id} unit={u} />
          ))}
        </ul>
      </details>
    </section>
  );
}
