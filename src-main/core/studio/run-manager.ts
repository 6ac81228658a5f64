/**
 * Starts, tracks and cancels runs, and turns an engine's callbacks into contract events. One run
 * at a time: a second `start` while one is going is refused with a sentence saying so. Finished
 * runs are kept (the last few) for review and writing, and recorded in the history. Each run owns
 * its `GenerationRun` — and so its `ReviewSession` — which the snapshot reads the review from.
 */
import { randomUUID } from 'node:crypto';
import type {
  EmitEvent,
  Engine,
  GeneratedFileView,
  RunHistoryRecord,
  RunSnapshot,
  RunStatus,
  RunSummary,
  UnitStatus,
} from '../../../src-shared/api';
import { DjForgeError } from '../errors';
import { runReviewView } from '../review/review-view';
import type { GenerationRun } from '../run/generation-run';
import type { PlannedUnit } from '../run/plan';
import type { HistoryStore } from '../history/history-store';
import { addFile, createRunState, finishedCount, finishRun, setUnitStatus } from './run-state';

/** What an engine reports while it works; every call becomes an event. */
export interface RunReporter {
  readonly signal: AbortSignal;
  unit(unitId: string, status: UnitStatus, message?: string): void;
  text(unitId: string, delta: string): void;
  file(file: GeneratedFileView): void;
}

/** A run ready to start: its units (known up front, so progress has a total), its generation and the work. */
export interface RunJob {
  project: string;
  engine: Engine;
  units: PlannedUnit[];
  /** The run's generation, whose review the snapshot shows and the review methods act on. */
  generation: GenerationRun;
  warnings: string[];
  execute(reporter: RunReporter): Promise<void>;
  /** Releases the engine (the LLM engine's syntax checker); regeneration is impossible afterwards. */
  release(): Promise<void>;
  /** The run's history record, once it has ended (see `core/history/build-record.ts`). */
  historyRecord(ended: EndedRun): RunHistoryRecord;
}

/** How a run ended, on the run manager's clock. */
export interface EndedRun {
  runId: string;
  status: Exclude<RunStatus, 'running'>;
  startedAt: number;
  endedAt: number;
  summary: RunSummary;
}

interface Tracked {
  state: RunSnapshot;
  job: RunJob;
  released: boolean;
}

export const KEPT_RUNS = 5;

export class RunManager {
  private readonly runs = new Map<string, Tracked>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly done = new Map<string, Promise<void>>();

  constructor(
    private readonly emit: EmitEvent,
    private readonly history: HistoryStore,
    private readonly now: () => number = Date.now,
  ) {}

  start(job: RunJob): string {
    const active = [...this.runs.values()].find((r) => r.state.status === 'running');
    if (active)
      throw new DjForgeError(
        'run.busy',
        `A run of "${active.state.project}" is still going; cancel it or wait for it to finish.`,
        true,
      );
    // One engine at a time: an older run keeps its review, but can no longer regenerate.
    for (const tracked of this.runs.values()) void this.release(tracked);
    const runId = randomUUID();
    const state = createRunState(
      runId,
      job.project,
      job.engine,
      job.units,
      this.now(),
      job.generation.review.threshold,
    );
    state.warnings = job.warnings; // the job adds to it as it learns (no migrations shipped)
    const tracked: Tracked = { state, job, released: false };
    this.runs.set(runId, tracked);
    this.forgetOldRuns();
    const controller = new AbortController();
    this.controllers.set(runId, controller);
    const reporter: RunReporter = {
      signal: controller.signal,
      unit: (unitId, status, message) => {
        if (state.status !== 'running') return;
        const unit = setUnitStatus(state, unitId, status, this.now(), message);
        this.emit('runProgress', {
          runId,
          unit: { ...unit },
          finished: finishedCount(state),
          total: state.units.length,
          agents: state.agents,
        });
      },
      text: (unitId, delta) => {
        if (state.status === 'running') this.emit('runText', { runId, unitId, delta });
      },
      file: (file) => {
        if (state.status !== 'running') return;
        addFile(state, file);
        this.emit('fileReady', { runId, file });
      },
    };
    this.done.set(runId, this.execute(state, job, reporter, controller));
    return runId;
  }

  private async execute(
    state: RunSnapshot,
    job: RunJob,
    reporter: RunReporter,
    controller: AbortController,
  ): Promise<void> {
    let status: 'completed' | 'cancelled' | 'failed' = 'completed';
    let error: string | null = null;
    try {
      await job.execute(reporter);
      if (controller.signal.aborted) status = 'cancelled';
    } catch (e) {
      if (controller.signal.aborted) status = 'cancelled';
      else {
        status = 'failed';
        error = e instanceof Error ? e.message : String(e);
      }
    }
    this.controllers.delete(state.runId);
    // A run that did not complete cannot be reviewed further; its engine is released now.
    if (status !== 'completed') await this.release(this.runs.get(state.runId));
    const summary = finishRun(state, status, this.now(), error);
    for (const unit of state.units.filter(
      (u) => u.status === 'cancelled' || (u.status === 'failed' && status !== 'completed'),
    )) {
      this.emit('runProgress', {
        runId: state.runId,
        unit: { ...unit },
        finished: finishedCount(state),
        total: state.units.length,
        agents: state.agents,
      });
    }
    try {
      await this.history.addRun(
        job.historyRecord({
          runId: state.runId,
          status,
          startedAt: state.startedAt,
          endedAt: state.endedAt ?? this.now(),
          summary,
        }),
      );
    } catch {
      // History is a convenience; a full disk must not turn a finished run into a failure.
    }
    this.emit('runFinished', { runId: state.runId, status, summary, error });
  }

  private async release(tracked: Tracked | undefined): Promise<void> {
    if (!tracked || tracked.released) return;
    tracked.released = true;
    await tracked.job.release().catch(() => undefined);
  }

  /** Cancels a running run; false when it had already ended. */
  cancel(runId: string): boolean {
    this.tracked(runId);
    const controller = this.controllers.get(runId);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  /** Runs still going (for a host shutting down). */
  activeRunIds(): string[] {
    return [...this.runs.values()].filter((r) => r.state.status === 'running').map((r) => r.state.runId);
  }

  /** Resolves when the run has ended and its events have been emitted. */
  async settled(runId: string): Promise<void> {
    await this.done.get(runId);
  }

  /** Cancels what runs and releases every engine (a host shutting down). */
  async dispose(): Promise<void> {
    for (const runId of this.activeRunIds()) this.cancel(runId);
    await Promise.all([...this.done.values()].map((d) => d.catch(() => undefined)));
    await Promise.all([...this.runs.values()].map((r) => this.release(r)));
  }

  private tracked(runId: string): Tracked {
    const run = this.runs.get(runId);
    if (!run)
      throw new DjForgeError(
        'run.unknown',
        `There is no run "${runId}" (runs are kept until ${KEPT_RUNS} newer ones start).`,
      );
    return run;
  }

  /** The live state of a run (units, files), without the review. */
  get(runId: string): RunSnapshot {
    return this.tracked(runId).state;
  }

  /** The run's generation, for the review methods. */
  generation(runId: string): GenerationRun {
    return this.tracked(runId).job.generation;
  }

  /** Whether the run still holds its engine (so it can regenerate a file). */
  canRegenerate(runId: string): boolean {
    return !this.tracked(runId).released;
  }

  /** A copy of the run with its review as it is now; `decisions` and `findings` mirror the review. */
  snapshot(runId: string): RunSnapshot {
    const { state, job } = this.tracked(runId);
    const review = runReviewView(job.generation.review);
    const files = state.files.map((f) => {
      const current = review.files[f.path]?.versions.at(-1)?.content;
      return current === undefined || current === f.content
        ? f
        : { ...f, content: current, bytes: new TextEncoder().encode(current).length };
    });
    return structuredClone({
      ...state,
      files,
      decisions: Object.fromEntries(Object.values(review.files).map((f) => [f.path, f.decision])),
      findings: Object.fromEntries(Object.values(review.files).map((f) => [f.path, f.findings])),
      review,
    });
  }

  private forgetOldRuns(): void {
    const ids = [...this.runs.keys()];
    for (const id of ids.slice(0, Math.max(0, ids.length - KEPT_RUNS))) {
      const tracked = this.runs.get(id);
      if (tracked?.state.status !== 'running') {
        void this.release(tracked);
        this.runs.delete(id);
        this.done.delete(id);
      }
    }
  }
}
