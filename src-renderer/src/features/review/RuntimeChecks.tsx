import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '@renderer/store';
import { loadRuntimeAvailability, runRuntimeChecks } from './runtime-check-actions';

/**
 * "Run runtime checks": Django's check, migrations and the generated tests on the project as it
 * stands, on request (seconds, where the static layers follow each edit in milliseconds). Disabled,
 * with the reason, while the run goes on or where no Python with Django is found; a progress bar
 * with the step while it runs; what it found when it ends.
 */
export function RuntimeChecks({ runId, running }: { runId: string; running: boolean }) {
  const state = useStudio(useShallow((s) => s.runtimeCheck));
  useEffect(() => {
    if (!running) void loadRuntimeAvailability(runId);
  }, [runId, running]);
  const mine = state.runId === runId;
  const availability = mine ? state.availability : null;
  const why = running
    ? 'Wait for the run to finish.'
    : !availability
      ? 'Looking for a Python with Django…'
      : availability.available
        ? null
        : availability.reason;
  const result = mine ? state.result : null;
  return (
    <div className="runtime-checks" role="group" aria-label="Runtime checks">
      <button
        type="button"
        disabled={why !== null || state.running}
        aria-describedby="runtime-checks-why"
        title={why ?? 'Run Django on the project as it stands: check, migrations and the generated tests.'}
        onClick={() => void runRuntimeChecks()}
      >
        Run runtime checks
      </button>
      {state.running && mine ? (
        <>
          <div
            className="progress"
            role="progressbar"
            aria-label="Runtime checks progress"
            aria-valuemin={0}
            aria-valuemax={state.step?.total ?? 5}
            aria-valuenow={state.step?.index ?? 0}
            aria-valuetext={state.step?.step ?? 'Starting'}
          >
            <span style={{ width: `${(100 * (state.step?.index ?? 0)) / (state.step?.total ?? 5)}%` }} />
          </div>
          <span className="muted">{state.step?.step ?? 'Starting'}…</span>
        </>
      ) : (
        <span id="runtime-checks-why" className="muted">
          {why ??
            (result
              ? result.ran
                ? `Last run: ${result.findings.length} runtime finding(s)` +
                  `${result.tests ? `, ${result.tests.passed} of ${result.tests.ran} tests passed` : ''}` +
                  ` in ${(result.durationMs / 1000).toFixed(1)} s${result.sandbox ? ` (${result.sandbox})` : ''}.`
                : `Did not run: ${result.skipped ?? 'no reason given'}.`
              : `Django ${availability?.djangoVersion ?? ''}${availability?.sandbox ? `, in ${availability.sandbox}` : ', no sandbox'}.`)}
        </span>
      )}
    </div>
  );
}
