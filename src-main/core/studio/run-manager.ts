/**
 * Starts, tracks and cancels runs, and turns an engine's callbacks into contract events. One run
 * at a time: a second `start` while one is going is refused with a sentence saying so. Finished
 * runs are kept (the last few) for review and writing, and recorded in the history.
 */
import { randomUUID } from 'node:crypto';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type {
  EmitEvent,
  Engine,
  GeneratedFileView,
  ReviewDecision,
  RunSnapshot,
  UnitStatus,
} from '../../../src-shared/api';
import { StudioFailure } from './failure';
import type { HistoryStore } from './history-store';
import { addFile, createRunState, finishedCount, finishRun, setUnitStatus, type UnitPlan } from './run-state';

/** What an engine reports while it works; every call becomes an event. */
export interface RunReporter {
  readonly signal: AbortSignal;
  unit(unitId: string, status: UnitStatus, message?: string): void;
  text(unitId: string, delta: string): void;
  file(file: GeneratedFileView): void;
  findings(path: string, diagnostics: Diagnostic[]): void;
}

/** A planned run: its units (known up front, so progress has a total) and the work itself. */
export interface RunPlan {
  project: string;
  engine: Engine;
  units: UnitPlan[];
  execute(reporter: RunReporter): Promise<void>;
}

export const KEPT_RUNS = 5;

export class RunManager {
  private readonly runs = new Map<string, RunSnapshot>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly done = new Map<string, Promise<void>>();

  constructor(
    private readonly emit: EmitEvent,
    private readonly history: HistoryStore,
    private readonly now: () => number = Date.now,
  ) {}

  start(plan: RunPlan): string {
    const active = [...this.runs.values()].find((r) => r.status === 'running');
    if (active)
      throw new StudioFailure(
        'run.busy',
        `A run of "${active.project}" is still going; cancel it or wait for it to finish.`,
        true,
      );
    const runId = randomUUID();
    const state = createRunState(runId, plan.project, plan.engine, plan.units, this.now());
    this.runs.set(runId, state);
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
      findings: (path, diagnostics) => {
        if (state.status !== 'running') return;
        state.findings[path] = diagnostics;
        this.emit('findings', { runId, path, diagnostics });
      },
    };
    this.done.set(runId, this.execute(state, plan, reporter, controller));
    return runId;
  }

  private async execute(
    state: RunSnapshot,
    plan: RunPlan,
    reporter: RunReporter,
    controller: AbortController,
  ): Promise<void> {
    let status: 'completed' | 'cancelled' | 'failed' = 'completed';
    let error: string | null = null;
    try {
      await plan.execute(reporter);
      if (controller.signal.aborted) status = 'cancelled';
    } catch (e) {
      if (controller.signal.aborted) status = 'cancelled';
      else {
        status = 'failed';
        error = e instanceof Error ? e.message : String(e);
      }
    }
    this.controllers.delete(state.runId);
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
      await this.history.addRun({
        runId: state.runId,
        project: state.project,
        engine: state.engine,
        status,
        startedAt: state.startedAt,
        summary,
      });
    } catch {
      // History is a convenience; a full disk must not turn a finished run into a failure.
    }
    this.emit('runFinished', { runId: state.runId, status, summary, error });
  }

  /** Cancels a running run; false when it had already ended. */
  cancel(runId: string): boolean {
    this.get(runId);
    const controller = this.controllers.get(runId);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  /** Runs still going (for a host shutting down). */
  activeRunIds(): string[] {
    return [...this.runs.values()].filter((r) => r.status === 'running').map((r) => r.runId);
  }

  /** Resolves when the run has ended and its events have been emitted. */
  async settled(runId: string): Promise<void> {
    await this.done.get(runId);
  }

  get(runId: string): RunSnapshot {
    const run = this.runs.get(runId);
    if (!run)
      throw new StudioFailure(
        'run.unknown',
        `There is no run "${runId}" (runs are kept until ${KEPT_RUNS} newer ones start).`,
      );
    return run;
  }

  snapshot(runId: string): RunSnapshot {
    return structuredClone(this.get(runId));
  }

  decide(runId: string, paths: readonly string[], decision: ReviewDecision): Record<string, ReviewDecision> {
    const run = this.get(runId);
    const unknown = paths.filter((p) => !run.files.some((f) => f.path === p));
    if (unknown.length > 0) {
      throw new StudioFailure(
        'review.unknown-file',
        `Run "${run.project}" has no file ${unknown.map((p) => `"${p}"`).join(', ')}.`,
      );
    }
    for (const p of paths) run.decisions[p] = decision;
    return { ...run.decisions };
  }

  private forgetOldRuns(): void {
    const ids = [...this.runs.keys()];
    for (const id of ids.slice(0, Math.max(0, ids.length - KEPT_RUNS))) {
      if (this.runs.get(id)?.status !== 'running') {
        this.runs.delete(id);
        this.done.delete(id);
      }
    }
  }
}
