/**
 * "Run runtime checks": the host runs Django on the project as it stands (check, migrations, the
 * generated tests) in the CLI's sandbox policy and judges every file again; the new judgements
 * arrive as `fileVersion` events like any other, so findings, markers and categories follow.
 * The page asks first whether a Python with Django is there, and shows the steps as they come.
 */
import { call, callResult } from '@renderer/lib/call';
import { showError, showInfo, studioState } from '@renderer/store';
import type { EventPayload } from '@shared/api';
import { refreshReview } from './actions';

/** Asks the host, once per run, whether the runtime layer can run. */
export async function loadRuntimeAvailability(runId: string): Promise<void> {
  const state = studioState().runtimeCheck;
  if (state.runId === runId && state.availability) return;
  studioState().setRuntimeCheck({ runId, availability: null, result: null, step: null, running: false });
  const answer = await callResult('runtimeAvailability', { runId });
  if (studioState().runtimeCheck.runId !== runId) return;
  // A host that cannot say is treated as one that cannot run it, with its reason on the button.
  const availability = answer.ok
    ? answer.value
    : { available: false, python: null, djangoVersion: null, sandbox: null, reason: answer.error.message };
  studioState().setRuntimeCheck({ availability });
}

export function onRuntimeCheckProgress(e: EventPayload<'runtimeCheckProgress'>): void {
  const state = studioState().runtimeCheck;
  if (!state.running || state.runId !== e.runId) return;
  studioState().setRuntimeCheck({ step: { step: e.step, index: e.index, total: e.total } });
}

/** Runs the runtime layer on the current versions of the run's files and says what it found. */
export async function runRuntimeChecks(): Promise<void> {
  const { run, checks } = studioState();
  if (!run) return;
  const runId = run.runId;
  studioState().setRuntimeCheck({ runId, running: true, step: null, result: null });
  try {
    const result = await call('checkRuntime', { runId });
    if (!result) return;
    studioState().setRuntimeCheck({ result });
    // Every file was judged again: the events may have raced the answer, so read the review whole.
    await refreshReview(runId);
    const unkept = Object.keys(checks);
    const aside = unkept.length > 0 ? ` Your edit of ${unkept.join(', ')} was not kept, so it was not run.` : '';
    if (!result.ran) showError(`The runtime checks did not run: ${result.skipped ?? 'no reason given'}.${aside}`);
    else
      showInfo(
        `Runtime checks: ${result.findings.length === 0 ? 'no problem found' : `${result.findings.length} finding(s) in ${new Set(result.findings.map((f) => f.path)).size} file(s)`}` +
          `${result.tests ? `; ${result.tests.passed} of ${result.tests.ran} tests passed` : ''}.${aside}`,
      );
  } finally {
    studioState().setRuntimeCheck({ running: false, step: null });
  }
}
