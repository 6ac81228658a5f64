/**
 * Deciding on generated files through the host's review: per file, the five batch operations
 * (each asked before acting and undoable), the guided mode, and following the review's events.
 * Every decision is the host's `ReviewSession`'s; the page asks and mirrors the answer.
 */
import { call } from '@renderer/lib/call';
import { studio } from '@renderer/lib/client';
import { showInfo, studioState } from '@renderer/store';
import type { FileReview, ReviewDecision } from '@shared/api';
import { appendRegenerationText } from './regeneration-text';
import { onRuntimeCheckProgress } from './runtime-check-actions';
import { onWriteProgress } from './write-actions';
import {
  BATCH_LABELS,
  batchRecord,
  batchTargets,
  groupByCategory,
  stepFile,
  undoSteps,
  visibleOrder,
  type BatchOperation,
} from './review-model';

export function selectFile(path: string): void {
  studioState().selectFile(path);
}

/** The files of the review of the current run, or none. */
export function reviewedFiles(): FileReview[] {
  const { review, run } = studioState();
  return review && run && review.runId === run.runId ? Object.values(review.files) : [];
}

/** The paths in the order the list shows them, with the current filter. */
export function listOrder(): string[] {
  return visibleOrder(groupByCategory(reviewedFiles(), studioState().filter));
}

function mirror(runId: string, decisions: Record<string, ReviewDecision>): void {
  studioState().applyDecisions(runId, decisions);
  studioState().setDecisions(decisions);
}

/** Approves, skips or (with `pending`) takes back the decision on files; in guided mode moves on. */
export async function decideFiles(paths: string[], decision: ReviewDecision): Promise<void> {
  const { run } = studioState();
  if (!run || paths.length === 0) return;
  const result = await call('decideFiles', { runId: run.runId, paths, decision });
  if (!result) return;
  mirror(run.runId, result.decisions);
  if (studioState().guided && decision !== 'pending') nextFile(1);
}

/** The same decision for every file of the current run. */
export async function decideAll(decision: ReviewDecision): Promise<void> {
  await decideFiles(studioState().run?.files.map((f) => f.path) ?? [], decision);
}

/** Shows what a batch would change and waits for the person's yes (`confirmBatch`). */
export function askBatch(operation: BatchOperation): void {
  const paths = batchTargets(operation, reviewedFiles(), studioState().reviewSelection);
  if (operation === 'reviewEach') return startGuided();
  studioState().setPendingBatch({ operation, paths });
}

export function cancelBatch(): void {
  studioState().setPendingBatch(null);
}

/** Applies the batch the person confirmed; it can be taken back with `undoBatch`. */
export async function confirmBatch(): Promise<void> {
  const { run, pendingBatch, reviewSelection } = studioState();
  studioState().setPendingBatch(null);
  if (!run || !pendingBatch) return;
  const before = Object.fromEntries(reviewedFiles().map((f) => [f.path, f.decision]));
  const { operation } = pendingBatch;
  const runId = run.runId;
  const result =
    operation === 'approveSelection'
      ? await call('approveSelection', { runId, paths: reviewSelection })
      : operation === 'reviewEach'
        ? null
        : await call(operation, { runId });
  if (!result) return;
  mirror(runId, result.decisions);
  if (result.changed.length > 0) studioState().pushUndo(batchRecord(BATCH_LABELS[operation], result.changed, before));
  if (operation === 'approveSelection') studioState().setReviewSelection([]);
  showInfo(`${BATCH_LABELS[operation]}: ${result.changed.length} file(s) changed.`);
}

/** Takes back the last batch: each file it changed gets the decision it had before. */
export async function undoBatch(): Promise<void> {
  const { run } = studioState();
  const record = studioState().popUndo();
  if (!run || !record) return;
  for (const step of undoSteps(record)) {
    const result = await call('decideFiles', { runId: run.runId, paths: step.paths, decision: step.decision });
    if (!result) {
      studioState().pushUndo(record);
      return;
    }
    mirror(run.runId, result.decisions);
  }
  showInfo(`Undone: ${record.label} (${Object.keys(record.before).length} file(s)).`);
}

const isPending = (path: string) => studioState().review?.files[path]?.decision === 'pending';

/** Batch 3: the pending files one at a time, with the decision keys. */
export function startGuided(): void {
  studioState().setGuided(true);
  const first = stepFile(listOrder(), null, 1, isPending);
  if (first) selectFile(first);
  else showInfo('Every file is decided.');
}

export function stopGuided(): void {
  studioState().setGuided(false);
}

/** The next (or previous) file of the list; in guided mode the next pending one. */
export function nextFile(direction: 1 | -1): void {
  const { guided, selectedPath } = studioState();
  const order = listOrder();
  const current = selectedPath ?? order[0] ?? null;
  const next = stepFile(order, current, direction, guided ? isPending : undefined);
  if (next) selectFile(next);
  else if (guided) {
    studioState().setGuided(false);
    showInfo('Every file is decided.');
  }
}

/** Loads the whole review of a run from the host (after it ends, or when the page attaches). */
export async function refreshReview(runId: string): Promise<void> {
  const snapshot = await call('getRun', { runId });
  if (snapshot) studioState().loadReview(runId, snapshot.review, snapshot.engine);
}

/** Follows the review's events into the store; returns the function that stops following. */
export function followReview(): () => void {
  const client = studio();
  const stops = [
    client.onFileVersion((e) => studioState().onFileVersion(e)),
    client.onFileDecision((e) => studioState().onFileDecision(e)),
    client.onRegenerationText(appendRegenerationText),
    client.onRunFinished((e) => void refreshReview(e.runId)),
    client.onWriteProgress(onWriteProgress),
    client.onRuntimeCheckProgress(onRuntimeCheckProgress),
  ];
  return () => stops.forEach((stop) => stop());
}
