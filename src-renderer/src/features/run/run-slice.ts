/**
 * The run feature's state: the run the user is watching — units with their live status,
 * per-agent and overall counts, files as they enter review, findings, decisions, and the end
 * summary. Streamed text is not here but in `store/streams.ts`, so tokens do not re-render the
 * workspaces. The `apply*` functions are pure so the event handling is unit-tested without React.
 */
import type { StateCreator } from 'zustand';
import type {
  AgentProgress,
  EventPayload,
  GeneratedFileView,
  ReviewDecision,
  RunSnapshot,
  RunStatus,
  RunSummary,
  RunUnit,
} from '@shared/api';
import { FINISHED_UNIT_STATUSES } from '@shared/api/model-constants';
import type { Diagnostic } from '@shared/diagnostics';

export interface RunView {
  runId: string;
  project: string;
  status: RunStatus;
  startedAt: number;
  endedAt: number | null;
  units: RunUnit[];
  agents: AgentProgress[];
  finished: number;
  total: number;
  files: GeneratedFileView[];
  decisions: Record<string, ReviewDecision>;
  findings: Record<string, Diagnostic[]>;
  summary: RunSummary | null;
  error: string | null;
}

export interface RunSlice {
  run: RunView | null;
  setRun(run: RunView | null): void;
  onProgress(event: EventPayload<'runProgress'>): void;
  onFile(event: EventPayload<'fileReady'>): void;
  onFinished(event: EventPayload<'runFinished'>, now: number): void;
  onFindings(event: EventPayload<'findings'>): void;
  setDecisions(decisions: Record<string, ReviewDecision>): void;
}

export function viewOfSnapshot(s: RunSnapshot): RunView {
  const finished = s.units.filter((u) => FINISHED_UNIT_STATUSES.includes(u.status)).length;
  return { ...s, finished, total: s.units.length };
}

export function applyProgress(run: RunView, e: EventPayload<'runProgress'>): RunView {
  if (run.runId !== e.runId) return run;
  const units = run.units.some((u) => u.id === e.unit.id)
    ? run.units.map((u) => (u.id === e.unit.id ? e.unit : u))
    : [...run.units, e.unit];
  return { ...run, units, agents: e.agents, finished: e.finished, total: e.total };
}

export function applyFile(run: RunView, e: EventPayload<'fileReady'>): RunView {
  if (run.runId !== e.runId) return run;
  return {
    ...run,
    files: [...run.files.filter((f) => f.path !== e.file.path), e.file],
    decisions: { ...run.decisions, [e.file.path]: run.decisions[e.file.path] ?? 'pending' },
  };
}

export function applyFindings(run: RunView, e: EventPayload<'findings'>): RunView {
  if (run.runId !== e.runId) return run;
  return { ...run, findings: { ...run.findings, [e.path]: e.diagnostics } };
}

export function applyFinished(run: RunView, e: EventPayload<'runFinished'>, now: number): RunView {
  if (run.runId !== e.runId) return run;
  return { ...run, status: e.status, summary: e.summary, error: e.error, endedAt: now };
}

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set) => ({
  run: null,
  setRun: (run) => set({ run }),
  onProgress: (e) => set((s) => (s.run ? { run: applyProgress(s.run, e) } : s)),
  onFile: (e) => set((s) => (s.run ? { run: applyFile(s.run, e) } : s)),
  onFindings: (e) => set((s) => (s.run ? { run: applyFindings(s.run, e) } : s)),
  onFinished: (e, now) => set((s) => (s.run ? { run: applyFinished(s.run, e, now) } : s)),
  setDecisions: (decisions) => set((s) => (s.run ? { run: { ...s.run, decisions } } : s)),
});
