/**
 * Writing the approved files: the folder (a typed path in the browser, the native dialog in the
 * app), the merge plan shown before anything is written, conflicts resolved in the three-way
 * view, then the write through the host's merging writer.
 */
import { callResult, call, errorSentence } from '@renderer/lib/call';
import { showError, showInfo, studioState } from '@renderer/store';
import type { EventPayload } from '@shared/api';

/** Where to write, as the host takes it: the granted folder, else the typed path, else its dialog. */
function target(): { folder?: string; outDir?: string } {
  const { write, info } = studioState();
  if (write.folder) return { folder: write.folder };
  const outDir = write.outDir.trim();
  return outDir && !info?.nativeDialogs ? { outDir } : {};
}

const resolutions = () => {
  const r = studioState().write.resolutions;
  return Object.keys(r).length > 0 ? { resolutions: r } : {};
};

/** The merge plan of writing the approved files into the chosen folder; nothing is written. */
export async function showPlan(): Promise<void> {
  const { run, write } = studioState();
  if (!run) return;
  const plan = await call('planWrite', { runId: run.runId, ...target(), force: write.force, ...resolutions() });
  if (!plan) return;
  studioState().setWrite({
    plan,
    outDir: plan.outDir,
    ...(plan.folder && studioState().info?.nativeDialogs ? { folder: plan.folder } : {}),
  });
}

export function closePlan(): void {
  studioState().setWrite({ plan: null, conflict: null });
}

/** The folder typed in the browser; a new folder forgets the plan made for the old one. */
export function setOutDir(outDir: string): void {
  studioState().setWrite({ outDir, plan: null, folder: null, resolutions: {}, writtenTo: null });
  studioState().clearBases();
}

export function setForce(force: boolean): void {
  studioState().setWrite({ force, plan: null });
}

/** Opens a conflicting file of the plan in the three-way view. */
export async function openConflict(path: string): Promise<void> {
  const { run } = studioState();
  const where = target();
  if (!run || (!where.folder && !where.outDir)) return;
  const detail = await call('conflictDetail', { runId: run.runId, path, ...where });
  if (detail) studioState().setWrite({ conflict: detail });
}

/** Keeps the person's result for a conflict and plans again with it. */
export async function resolveConflict(path: string, result: string): Promise<void> {
  const { write } = studioState();
  studioState().setWrite({ resolutions: { ...write.resolutions, [path]: result }, conflict: null });
  await showPlan();
}

export function closeConflict(): void {
  studioState().setWrite({ conflict: null });
}

/**
 * Writes the approved files (and the resolved conflicts); replacing a folder DjForge did not
 * write asks for the folder's name first, as the host requires. Says where at the end.
 */
export async function writeApproved(): Promise<void> {
  const { run, write } = studioState();
  if (!run) return;
  const input = { runId: run.runId, ...target(), force: write.force, ...resolutions() };
  studioState().setWrite({ writing: true, progress: null, writtenTo: null, writeId: null });
  try {
    let result = await callResult('writeProject', input);
    if (!result.ok && result.error.code === 'output.confirm-required') {
      const typed = prompt(result.error.message);
      if (typed === null) return;
      result = await callResult('writeProject', { ...input, confirm: typed });
    }
    if (!result.ok) return showError(errorSentence('writeProject', result.error));
    const written = result.value;
    if (!written) return;
    const merged = written.mode === 'merged';
    studioState().setWrite({
      plan: null,
      resolutions: {},
      writtenTo: written.outDir,
      writeId: written.writeId,
      canOpenFolder: written.canOpenFolder,
      outDir: written.outDir,
      ...(studioState().info?.nativeDialogs ? { folder: written.folder } : {}),
    });
    // What is on disk changed: the diff's "file on disk" and "last generation" are read again.
    studioState().clearBases();
    showInfo(
      `${merged ? 'Merged' : 'Wrote'} ${written.written.length} files ${merged ? 'into' : 'to'} ${written.outDir}.`,
    );
    if (written.conflicts.length > 0) {
      showError(
        `${written.conflicts.length} file(s) you changed conflict with the new generation and were kept as you left them: ` +
          `${written.conflicts.join(', ')}. The merges with conflict markers are in .djforge/conflicts/.`,
      );
    }
  } finally {
    studioState().setWrite({ writing: false, progress: null });
  }
}

/** The writer's progress while the page waits for `writeProject`; a step of another run is not ours. */
export function onWriteProgress(e: EventPayload<'writeProgress'>): void {
  const { run, write } = studioState();
  if (!write.writing || run?.runId !== e.runId) return;
  studioState().setWrite({ progress: { done: e.done, total: e.total, path: e.path } });
}

/** Opens the folder just written in the system's file manager (the app); the host knows it by the write's id. */
export async function openWrittenFolder(): Promise<void> {
  const { writeId } = studioState().write;
  if (writeId) await call('openWrittenFolder', { writeId });
}

/** Copies the path of the folder just written (the browser, which cannot open it). */
export async function copyWrittenPath(): Promise<void> {
  const { writtenTo } = studioState().write;
  if (!writtenTo) return;
  try {
    await navigator.clipboard.writeText(writtenTo);
    showInfo(`Copied ${writtenTo}.`);
  } catch {
    showError(`Could not copy the path; select it and copy it by hand: ${writtenTo}`);
  }
}
