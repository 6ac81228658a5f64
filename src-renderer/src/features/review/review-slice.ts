/**
 * The review feature's state. The judgement of each file (score, category, findings, versions,
 * decision) is the host's `ReviewSession`'s; the page mirrors it from `getRun` and the
 * `fileVersion`/`fileDecision` events. The rest is the workspace's own: the file on screen, the
 * list's filter, the custom selection, the batches that can be undone, the guided mode, the diff's
 * base and layout, the live check of an edit in progress, and the write in preparation.
 * The `apply*` functions are pure so the event handling is tested without React.
 */
import type { StateCreator } from 'zustand';
import type {
  ConflictDetail,
  Engine,
  EventPayload,
  FileBases,
  FileReview,
  FileVersionView,
  ReviewDecision,
  RunReview,
  RuntimeAvailability,
  RuntimeCheck,
  WritePlan,
} from '@shared/api';
import { NO_FILTER, rangeBetween, type BatchOperation, type BatchRecord, type ReviewFilter } from './review-model';

/** What the diff compares the current version with. */
export type DiffBase = 'previous' | 'draft' | 'disk' | 'lastGenerated';

export interface ReviewMirror {
  runId: string;
  threshold: number;
  complete: boolean;
  /** The run's engine, once known from the host: regeneration needs the LLM engine. */
  engine: Engine | null;
  files: Record<string, FileReview>;
}

/** The write in preparation: where, the plan shown before writing, and the conflicts resolved. */
export interface WriteDraft {
  outDir: string;
  force: boolean;
  plan: WritePlan | null;
  /** Path → the result the person settled on in the three-way view. */
  resolutions: Record<string, string>;
  /** The conflict open in the three-way view. */
  conflict: ConflictDetail | null;
  writing: boolean;
  /** The folder written last, shown at the end. */
  writtenTo: string | null;
  /** The folder's id the host granted (a dialog's answer), to plan and write there again. */
  folder: string | null;
  /** The writer's last step while writing: `done` of `total` file operations, the last on `path`. */
  progress: { done: number; total: number; path: string } | null;
  /** The last write's id (its progress events, and opening its folder) and whether the host can open it. */
  writeId: string | null;
  canOpenFolder: boolean;
}

/** "Run runtime checks": whether it can run here, its step while it runs, and what it found. */
export interface RuntimeCheckState {
  runId: string | null;
  availability: RuntimeAvailability | null;
  running: boolean;
  step: { step: string; index: number; total: number } | null;
  result: RuntimeCheck | null;
}

export const NO_RUNTIME_CHECK: RuntimeCheckState = {
  runId: null,
  availability: null,
  running: false,
  step: null,
  result: null,
};

export const EMPTY_WRITE: WriteDraft = {
  outDir: '',
  force: false,
  plan: null,
  resolutions: {},
  conflict: null,
  writing: false,
  writtenTo: null,
  folder: null,
  progress: null,
  writeId: null,
  canOpenFolder: false,
};

export interface ReviewSlice {
  /** The file shown; null shows the first file in the list. */
  selectedPath: string | null;
  review: ReviewMirror | null;
  filter: ReviewFilter;
  /** The custom selection (checkboxes), and the last box clicked (shift-click ranges start there). */
  reviewSelection: string[];
  reviewSelectionAnchor: string | null;
  /** Batches that can be taken back, latest last. */
  batchUndo: BatchRecord[];
  guided: boolean;
  diffBase: DiffBase | null;
  inlineDiff: boolean;
  /** The live judgement of the text in the editor, per path, until it is kept or dropped. */
  checks: Record<string, { content: string; version: FileVersionView | null }>;
  bases: Record<string, FileBases>;
  write: WriteDraft;
  runtimeCheck: RuntimeCheckState;
  helpOpen: boolean;
  /** A batch waiting for the person's yes: what it is and the files it would change. */
  pendingBatch: { operation: BatchOperation; paths: string[] } | null;
  /** Bumped by the "next finding" key; the file view moves its cursor to the next finding. */
  findingStep: number;
  selectFile(path: string | null): void;
  loadReview(runId: string, review: RunReview, engine: Engine | null): void;
  onFileVersion(event: EventPayload<'fileVersion'>): void;
  onFileDecision(event: EventPayload<'fileDecision'>): void;
  applyDecisions(runId: string, decisions: Record<string, ReviewDecision>): void;
  setFilter(patch: Partial<ReviewFilter>): void;
  toggleSelected(path: string, range: boolean, order: readonly string[]): void;
  setReviewSelection(paths: string[]): void;
  pushUndo(record: BatchRecord): void;
  popUndo(): BatchRecord | undefined;
  setGuided(guided: boolean): void;
  setDiff(patch: { base?: DiffBase | null; inline?: boolean }): void;
  setCheck(path: string, check: { content: string; version: FileVersionView | null } | null): void;
  setBases(bases: FileBases): void;
  /** Forgets the bases read, when the output folder or what is in it changed. */
  clearBases(): void;
  setWrite(patch: Partial<WriteDraft>): void;
  setRuntimeCheck(patch: Partial<RuntimeCheckState>): void;
  setHelpOpen(open: boolean): void;
  setPendingBatch(batch: ReviewSlice['pendingBatch']): void;
  stepFinding(): void;
}

/** A file's new version (or its first judgement) from the host. */
export function applyFileVersion(review: ReviewMirror | null, e: EventPayload<'fileVersion'>): ReviewMirror {
  const base =
    review && review.runId === e.runId
      ? review
      : { runId: e.runId, threshold: 0.8, complete: false, engine: null, files: {} };
  return { ...base, files: { ...base.files, [e.path]: e.file } };
}

export function applyFileDecision(review: ReviewMirror | null, e: EventPayload<'fileDecision'>): ReviewMirror | null {
  const file = review?.runId === e.runId ? review.files[e.path] : undefined;
  if (!review || !file) return review;
  return { ...review, files: { ...review.files, [e.path]: { ...file, decision: e.decision, decidedBy: e.decidedBy } } };
}

/** Every decision as the host answered a decision or a batch (`decidedBy` follows: a person's). */
export function applyDecisions(
  review: ReviewMirror | null,
  runId: string,
  decisions: Record<string, ReviewDecision>,
): ReviewMirror | null {
  if (!review || review.runId !== runId) return review;
  const files = { ...review.files };
  for (const [p, decision] of Object.entries(decisions)) {
    const file = files[p];
    if (!file || file.decision === decision) continue;
    files[p] = { ...file, decision, decidedBy: decision === 'pending' ? null : 'user' };
  }
  return { ...review, files };
}

export const createReviewSlice: StateCreator<ReviewSlice, [], [], ReviewSlice> = (set, get) => ({
  selectedPath: null,
  review: null,
  filter: NO_FILTER,
  reviewSelection: [],
  reviewSelectionAnchor: null,
  batchUndo: [],
  guided: false,
  diffBase: null,
  inlineDiff: false,
  checks: {},
  bases: {},
  write: EMPTY_WRITE,
  runtimeCheck: NO_RUNTIME_CHECK,
  helpOpen: false,
  pendingBatch: null,
  findingStep: 0,
  selectFile: (selectedPath) => set({ selectedPath }),
  loadReview: (runId, review, engine) =>
    set((s) => ({
      review: { runId, threshold: review.threshold, complete: review.complete, engine, files: review.files },
      ...(s.review?.runId === runId
        ? {}
        : { reviewSelection: [], reviewSelectionAnchor: null, batchUndo: [], checks: {}, bases: {}, guided: false }),
      write: s.review?.runId === runId ? s.write : { ...EMPTY_WRITE, outDir: s.write.outDir },
    })),
  onFileVersion: (e) =>
    set((s) => {
      const fresh = s.review?.runId !== e.runId;
      return {
        review: applyFileVersion(s.review, e),
        ...(fresh
          ? {
              reviewSelection: [],
              batchUndo: [],
              checks: {},
              bases: {},
              write: { ...EMPTY_WRITE, outDir: s.write.outDir },
            }
          : {}),
      };
    }),
  onFileDecision: (e) => set((s) => ({ review: applyFileDecision(s.review, e) })),
  applyDecisions: (runId, decisions) => set((s) => ({ review: applyDecisions(s.review, runId, decisions) })),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  toggleSelected: (path, range, order) =>
    set((s) => {
      const chosen = new Set(s.reviewSelection);
      if (range) {
        const on = !chosen.has(path);
        for (const p of rangeBetween(order, s.reviewSelectionAnchor, path)) {
          if (on) chosen.add(p);
          else chosen.delete(p);
        }
      } else if (chosen.has(path)) chosen.delete(path);
      else chosen.add(path);
      return { reviewSelection: order.filter((p) => chosen.has(p)), reviewSelectionAnchor: path };
    }),
  setReviewSelection: (selection) => set({ reviewSelection: selection, reviewSelectionAnchor: null }),
  pushUndo: (record) => set((s) => ({ batchUndo: [...s.batchUndo, record].slice(-20) })),
  popUndo: () => {
    const last = get().batchUndo.at(-1);
    if (last) set((s) => ({ batchUndo: s.batchUndo.slice(0, -1) }));
    return last;
  },
  setGuided: (guided) => set({ guided }),
  setDiff: ({ base, inline }) =>
    set((s) => ({ diffBase: base === undefined ? s.diffBase : base, inlineDiff: inline ?? s.inlineDiff })),
  setCheck: (path, check) =>
    set((s) => {
      const checks = { ...s.checks };
      if (check) checks[path] = check;
      else delete checks[path];
      return { checks };
    }),
  setBases: (bases) => set((s) => ({ bases: { ...s.bases, [bases.path]: bases } })),
  clearBases: () => set({ bases: {} }),
  setWrite: (patch) => set((s) => ({ write: { ...s.write, ...patch } })),
  setRuntimeCheck: (patch) => set((s) => ({ runtimeCheck: { ...s.runtimeCheck, ...patch } })),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setPendingBatch: (pendingBatch) => set({ pendingBatch }),
  stepFinding: () => set((s) => ({ findingStep: s.findingStep + 1 })),
});
