/**
 * The state of one run as plain data with pure updates: unit statuses, per-agent and overall
 * counts, review decisions and the summary. The run manager owns one of these per run and emits
 * an event after each change; `getRun` returns a copy.
 */
import {
  emptyRunReview,
  FINISHED_UNIT_STATUSES,
  type AgentProgress,
  type Engine,
  type GeneratedFileView,
  type RunSnapshot,
  type RunStatus,
  type RunSummary,
  type RunUnit,
  type UnitStatus,
} from '../../../src-shared/api';
import type { PlannedUnit } from '../run/plan';

export function createRunState(
  runId: string,
  project: string,
  engine: Engine,
  units: readonly PlannedUnit[],
  now: number,
  threshold = 0.8,
): RunSnapshot {
  return {
    runId,
    project,
    engine,
    status: 'running',
    startedAt: now,
    endedAt: null,
    units: units.map((u) => ({ ...u, status: 'queued', attempts: 0 })),
    agents: agentProgress(units.map((u) => ({ ...u, status: 'queued', attempts: 0 }))),
    files: [],
    decisions: {},
    findings: {},
    summary: null,
    error: null,
    review: emptyRunReview(threshold),
    warnings: [],
  };
}

export const isFinished = (status: UnitStatus) => FINISHED_UNIT_STATUSES.includes(status);

/** One bar per agent, in the order agents first appear in the plan. */
export function agentProgress(units: readonly RunUnit[]): AgentProgress[] {
  const byAgent = new Map<string, AgentProgress>();
  for (const unit of units) {
    const entry = byAgent.get(unit.agent) ?? { agent: unit.agent, finished: 0, total: 0 };
    entry.total += 1;
    if (isFinished(unit.status)) entry.finished += 1;
    byAgent.set(unit.agent, entry);
  }
  return [...byAgent.values()];
}

/** Applies a status change; returns the updated unit. Finished units never change again. */
export function setUnitStatus(
  state: RunSnapshot,
  unitId: string,
  status: UnitStatus,
  now: number,
  message?: string,
): RunUnit {
  const unit = state.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`Run ${state.runId} has no unit "${unitId}".`);
  if (isFinished(unit.status)) return unit;
  unit.status = status;
  if (message !== undefined) unit.message = message;
  if (status === 'running' || status === 'retried') {
    unit.attempts += 1;
    unit.startedAt ??= now;
  }
  if (isFinished(status)) unit.endedAt = now;
  state.agents = agentProgress(state.units);
  return unit;
}

export function addFile(state: RunSnapshot, file: GeneratedFileView): void {
  state.files = [...state.files.filter((f) => f.path !== file.path), file];
  state.decisions[file.path] ??= 'pending';
}

export function finishedCount(state: RunSnapshot): number {
  return state.units.filter((u) => isFinished(u.status)).length;
}

export function summarize(state: RunSnapshot, now: number): RunSummary {
  const count = (status: UnitStatus) => state.units.filter((u) => u.status === status).length;
  return {
    files: state.files.length,
    failed: count('failed'),
    cached: count('cached'),
    fellBack: state.files.filter((f) => f.source === 'fallback').length,
    retried: state.units.filter((u) => u.attempts > 1).length,
    bytes: state.files.reduce((n, f) => n + f.bytes, 0),
    elapsedMs: Math.max(0, now - state.startedAt),
  };
}

/** Ends the run: unfinished units become `cancelled` (or `failed`), the summary is computed. */
export function finishRun(
  state: RunSnapshot,
  status: Exclude<RunStatus, 'running'>,
  now: number,
  error: string | null,
): RunSummary {
  for (const unit of state.units) {
    if (!isFinished(unit.status)) {
      unit.status = status === 'completed' ? 'failed' : 'cancelled';
      unit.endedAt = now;
    }
  }
  state.agents = agentProgress(state.units);
  state.status = status;
  state.endedAt = now;
  state.error = error;
  state.summary = summarize(state, now);
  return state.summary;
}
