/**
 * The run and review methods of the contract: start and cancel a run, read it, and review it —
 * per-file decisions, the batch operations, edit, regenerate with feedback (streamed) and the
 * write plan (the write itself: `write-handlers.ts`). Every decision about generating, judging and writing is the core's
 * (`core/run`, `core/review`); these handlers only find the run and translate.
 */
import type { BatchResult, EmitEvent } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import { DjForgeError } from '../errors';
import { ReviewError } from '../review/types';
import { fileReviewView } from '../review/review-view';
import { chooseCacheDir, prepareEngine, type EngineChoice, type PreparedEngine } from '../run/engine';
import { planWrite } from '../run/write-plan';
import type { SecretStore, SettingsStore } from '../settings';
import type { CoreFunctions } from './core-functions';
import type { StudioHandlers } from './dispatch';
import { generationJob } from './generation-job';
import { resolutionsOf } from './review-handlers';
import type { ResolveOutputTarget } from './file-handlers';
import type { RunManager } from './run-manager';

type RunHandlerName =
  | 'startRun'
  | 'cancelRun'
  | 'getRun'
  | 'decideFiles'
  | 'approveHighQuality'
  | 'approveHighAndMedium'
  | 'skipProblematic'
  | 'approveSelection'
  | 'editFile'
  | 'regenerateFile'
  | 'cancelRegeneration'
  | 'planWrite';

export interface RunHandlerDeps {
  core: CoreFunctions;
  runs: RunManager;
  settings: SettingsStore;
  secrets: SecretStore;
  emit: EmitEvent;
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
  /** The ERD after the importer's own validation (refused with `erd.invalid` and every diagnostic). */
  checkedErd(erd: Erd): Promise<Erd>;
  /** The output folder the page named (an id, a confined path, or the host's dialog); null when cancelled. */
  outputTarget: ResolveOutputTarget;
}

/** The run, finished and judged: review actions before that would be undone by the judging. */
export function reviewableRun(runs: RunManager, runId: string) {
  const run = runs.get(runId);
  if (run.status === 'running')
    throw new DjForgeError('run.running', `Run "${run.project}" is still going; wait for it to finish.`, true);
  const generation = runs.generation(runId);
  if (!generation.review.isComplete)
    throw new DjForgeError(
      'review.not-ready',
      `Run "${run.project}" ended before its files were judged (${run.status}); start a new run.`,
    );
  return { run, generation, session: generation.review };
}

/** The approved files of a finished run (refused when there is none) and the paths not approved. */
export function approvedFilesOf(runs: RunManager, runId: string) {
  const { run, session } = reviewableRun(runs, runId);
  const approved = session.approvedFiles().map((f) => ({ path: f.path, content: f.content }));
  const notApproved = session
    .list()
    .filter((e) => e.decision !== 'approved')
    .map((e) => e.path);
  if (approved.length === 0)
    throw new DjForgeError(
      'review.nothing-approved',
      `No file of "${run.project}" is approved; approve files before writing.`,
    );
  return { approved, notApproved };
}

export function runHandlers(deps: RunHandlerDeps): Pick<StudioHandlers, RunHandlerName> {
  const { runs } = deps;
  const regenerating = new Map<string, AbortController>();

  const reviewable = (runId: string) => reviewableRun(runs, runId);

  /** The run's session, with every path in it; decisions may come while the run still goes. */
  const known = (runId: string, paths: readonly string[]) => {
    const run = runs.get(runId);
    const session = runs.generation(runId).review;
    const unknown = paths.filter((p) => !session.list().some((e) => e.path === p));
    if (unknown.length > 0)
      throw new ReviewError(
        `Run "${run.project}" has no file ${unknown.map((p) => `"${p}"`).join(', ')}.`,
        'review.unknown-file',
      );
    return session;
  };

  const batch = (runId: string, apply: (s: ReturnType<typeof reviewable>['session']) => string[]): BatchResult => {
    const session = runs.generation(runId).review;
    const changed = apply(session);
    return { changed, decisions: Object.fromEntries(session.list().map((e) => [e.path, e.decision])) };
  };

  const approvedOf = (runId: string) => approvedFilesOf(runs, runId);

  return {
    startRun: async ({ erd, engine, runtime }) => {
      const valid = await deps.checkedErd(erd);
      const { settings } = await deps.settings.load();
      const chosen = engine ?? settings.engine;
      const apiKey = chosen === 'llm' ? await deps.secrets.get(settings.provider) : null;
      const choice: EngineChoice = {
        engine: chosen,
        concurrency: settings.concurrency,
        ...(chosen === 'llm'
          ? {
              llm: {
                provider: settings.provider,
                ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
                ...(apiKey ? { apiKey } : {}),
                model: settings.model,
                fallbackModels: settings.fallbackModels,
                requestTimeoutMs: settings.timeoutSeconds * 1000,
                ...(settings.pythonPath ? { python: settings.pythonPath } : {}),
                cacheDir: settings.cacheDir,
              },
            }
          : {}),
      };
      let prepared: PreparedEngine;
      try {
        prepared = await prepareEngine(choice, { env: deps.env, cwd: deps.dataDir }, { shareCache: true });
      } catch (e) {
        if (e instanceof DjForgeError && e.code === 'settings.invalid')
          throw new DjForgeError('settings.invalid', `Settings › ${settings.provider}: ${e.message}`);
        throw e;
      }
      let runId = '';
      try {
        runId = runs.start(
          generationJob({
            core: deps.core,
            erd: valid,
            engine: chosen,
            prepared,
            review: {
              // The app's setting allows 0 ("approve whatever has no error"); the session needs > 0.
              threshold: Math.max(settings.autoApproveThreshold, Number.MIN_VALUE),
              runtime: runtime ?? false,
              autoApprove: true,
            },
            env: deps.env,
            ...(settings.pythonPath ? { python: settings.pythonPath } : {}),
            migrationsCacheDir: chooseCacheDir(settings.cacheDir, { env: deps.env, cwd: deps.dataDir }),
            emit: deps.emit,
            runId: () => runId,
            prices: settings.prices,
          }),
        );
      } catch (e) {
        await prepared.close();
        throw e;
      }
      return { runId };
    },
    cancelRun: async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    getRun: async ({ runId }) => runs.snapshot(runId),
    decideFiles: async ({ runId, paths, decision }) => {
      const session = known(runId, paths);
      for (const p of paths) {
        if (decision === 'approved') session.approve(p);
        else if (decision === 'skipped') session.skip(p);
        else session.undecide(p);
      }
      return { decisions: Object.fromEntries(session.list().map((e) => [e.path, e.decision])) };
    },
    approveHighQuality: async ({ runId }) => batch(runId, (s) => s.approveHighQuality()),
    approveHighAndMedium: async ({ runId }) => batch(runId, (s) => s.approveHighAndMedium()),
    skipProblematic: async ({ runId }) => batch(runId, (s) => s.skipProblematic()),
    approveSelection: async ({ runId, paths }) => {
      known(runId, paths);
      return batch(runId, (s) => s.approveSelection(paths));
    },
    editFile: async ({ runId, path: file, content }) => fileReviewView(await known(runId, [file]).edit(file, content)),
    regenerateFile: async ({ runId, path: file, feedback }) => {
      const { run, generation } = reviewable(runId);
      known(runId, [file]);
      if (regenerating.has(runId))
        throw new DjForgeError('run.busy', `A file of "${run.project}" is being regenerated; wait for it.`, true);
      if (generation.engine === 'llm' && !runs.canRegenerate(runId))
        throw new ReviewError(
          `Run "${run.project}" released its engine when a newer run started; regenerate in the newest run.`,
          'review.no-regenerator',
        );
      const cancel = new AbortController();
      regenerating.set(runId, cancel);
      try {
        const entry = await generation.regenerate(file, feedback, {
          signal: cancel.signal,
          onEvent: (event) => {
            if (event.type === 'streaming')
              deps.emit('regenerationText', { runId, path: file, unitId: event.unitId, delta: event.delta });
          },
        });
        return fileReviewView(entry);
      } finally {
        regenerating.delete(runId);
      }
    },
    cancelRegeneration: async ({ runId }) => {
      runs.get(runId);
      const controller = regenerating.get(runId);
      if (!controller || controller.signal.aborted) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },
    planWrite: async ({ runId, folder, outDir, force, resolutions }) => {
      const { approved, notApproved } = approvedOf(runId);
      const resolved = resolutionsOf(resolutions);
      const target = await deps.outputTarget({ folder, outDir, force }, 'plan');
      if (!target) return null;
      return {
        ...(await planWrite(target.path, approved, notApproved, force ?? false, resolved)),
        folder: target.folder,
      };
    },
  };
}
