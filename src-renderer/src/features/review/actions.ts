/** Deciding on generated files and writing the approved ones, through the host's review. */
import { call, callResult, errorSentence } from '@renderer/lib/call';
import { showError, showInfo, studioState } from '@renderer/store';
import type { ReviewDecision } from '@shared/api';

export function selectFile(path: string): void {
  studioState().selectFile(path);
}

/** Approves or skips files of the current run; the host answers with every decision. */
export async function decideFiles(paths: string[], decision: ReviewDecision): Promise<void> {
  const { run } = studioState();
  if (!run || paths.length === 0) return;
  const result = await call('decideFiles', { runId: run.runId, paths, decision });
  if (result) studioState().setDecisions(result.decisions);
}

/** The same decision for every file of the current run. */
export async function decideAll(decision: ReviewDecision): Promise<void> {
  await decideFiles(studioState().run?.files.map((f) => f.path) ?? [], decision);
}

/**
 * Writes the approved files into `outDir` (the host asks where when not given); replacing a folder
 * DjForge did not write asks for the folder's name first, as the host requires.
 */
export async function writeApproved(outDir?: string, force = false): Promise<void> {
  const { run } = studioState();
  if (!run) return;
  const input = { runId: run.runId, ...(outDir ? { outDir } : {}), force };
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
  showInfo(
    `${merged ? 'Merged' : 'Wrote'} ${written.written.length} files ${merged ? 'into' : 'to'} ${written.outDir}.`,
  );
  if (written.conflicts.length > 0) {
    showError(
      `${written.conflicts.length} file(s) you changed conflict with the new generation and were kept as you left them: ` +
        `${written.conflicts.join(', ')}. The merges with conflict markers are in .djforge/conflicts/.`,
    );
  }
}
