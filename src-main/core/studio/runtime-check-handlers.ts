/**
 * "Run runtime checks" in the review: the core's runtime layer (Django's check, migrations, the
 * generated tests) on the project as it stands after the run, asked for by the person since it
 * takes seconds where the static layers take milliseconds. The run's `GenerationRun` runs it in
 * the CLI's sandbox policy and judges every file again; this file finds the run, reports the
 * steps as `runtimeCheckProgress`, and says beforehand whether it can run at all.
 */
import type { EmitEvent, RuntimeCheck } from '../../../src-shared/api';
import { DjForgeError } from '../errors';
import { findDjangoPython, findSandbox } from '../runtime';
import type { StudioHandlers } from './dispatch';
import { reviewableRun } from './run-handlers';
import type { RunManager } from './run-manager';

export interface RuntimeCheckDeps {
  runs: RunManager;
  emit: EmitEvent;
  /** Where `DJFORGE_PYTHON`, `DJFORGE_PYTHONPATH` and `DJFORGE_UNSANDBOXED_RUNTIME` are read, as the runtime layer reads them. */
  env: Readonly<Record<string, string | undefined>>;
}

/** The phases a check goes through, in order: what the progress bar counts. */
const PHASES = ['static layers', 'check', 'makemigrations', 'test', 'scoring'] as const;

const phaseOf = (step: string): number => {
  const i = PHASES.findIndex((p) => step.startsWith(p));
  return i < 0 ? 1 : i;
};

export function runtimeCheckHandlers(
  deps: RuntimeCheckDeps,
): Pick<StudioHandlers, 'runtimeAvailability' | 'checkRuntime'> {
  const { runs } = deps;
  const checking = new Set<string>();
  return {
    runtimeAvailability: async ({ runId }) => {
      runs.get(runId);
      const [found, probe] = await Promise.all([findDjangoPython(undefined, { env: deps.env }), findSandbox()]);
      return {
        available: found !== null,
        python: found?.python ?? null,
        djangoVersion: found?.djangoVersion ?? null,
        sandbox: probe.sandbox?.kind ?? null,
        reason: found
          ? null
          : 'No Python that imports Django and Django REST framework was found; set DJFORGE_PYTHON (or the Python setting) to one.',
      };
    },
    checkRuntime: async ({ runId }) => {
      const { run, generation } = reviewableRun(runs, runId);
      if (checking.has(runId))
        throw new DjForgeError('run.busy', `The runtime checks of "${run.project}" are already running.`, true);
      checking.add(runId);
      const progress = (step: string, index: number) =>
        deps.emit('runtimeCheckProgress', { runId, step, index, total: PHASES.length });
      try {
        progress('Running the static layers', 0);
        const outcome = await generation.checkRuntime((step) => progress(`manage.py ${step}`, phaseOf(step)));
        progress('Scoring the files', PHASES.length - 1);
        const findings = generation.review
          .list()
          .flatMap((e) => e.current.findings.filter((f) => f.layer === 'runtime'))
          .map((f) => ({ path: f.file, rule: f.rule, line: f.line, message: f.message }));
        const result: RuntimeCheck = {
          ran: outcome.ran,
          skipped: outcome.skipped ?? null,
          notice: outcome.notice ?? null,
          sandbox: outcome.sandbox ?? null,
          steps: outcome.steps,
          tests: outcome.tests
            ? { ran: outcome.tests.ran, passed: outcome.tests.passed, failing: outcome.tests.failing.length }
            : null,
          findings,
          durationMs: outcome.durationMs,
        };
        return result;
      } finally {
        checking.delete(runId);
      }
    },
  };
}
