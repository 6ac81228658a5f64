/**
 * Changing a file under review: the live check while the reviewer types (the host judges the
 * text with the static layers, nothing kept), keeping the edit as a new version, regenerating
 * with feedback (the model's text streams into the editor), and the texts the diff compares with.
 */
import { call } from '@renderer/lib/call';
import { showInfo, studioState } from '@renderer/store';
import type { FileReview } from '@shared/api';
import { stopWatchingRegeneration, watchRegeneration } from './regeneration-text';

/** How long typing must pause before the text is checked: quick enough to feel live, rare enough to stay cheap. */
export const CHECK_DELAY_MS = 150;

const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** When each file's text was last sent to be checked. */
const lastSent = new Map<string, number>();

function keep(runId: string, file: FileReview): void {
  studioState().onFileVersion({ runId, path: file.path, file });
  studioState().setDecisions({ ...(studioState().run?.decisions ?? {}), [file.path]: file.decision });
}

/** Re-judges `content` once typing pauses; the editor's markers and score follow the answer. */
export function editorChanged(path: string, content: string): void {
  const { run, review } = studioState();
  const file = review?.files[path];
  if (!run || !file) return;
  clearTimeout(timers.get(path));
  if (content === file.versions[file.current]?.content) {
    studioState().setCheck(path, null);
    return;
  }
  studioState().setCheck(path, { content, version: studioState().checks[path]?.version ?? null });
  // The first change after a pause (a paste, a single fix) is checked at once; a burst of typing
  // is checked once it pauses. Answers to older texts are dropped when they arrive.
  const idle = performance.now() - (lastSent.get(path) ?? -Infinity) > CHECK_DELAY_MS;
  if (idle) void checkNow(run.runId, path, content);
  else
    timers.set(
      path,
      setTimeout(() => void checkNow(run.runId, path, content), CHECK_DELAY_MS),
    );
}

async function checkNow(runId: string, path: string, content: string): Promise<void> {
  timers.delete(path);
  lastSent.set(path, performance.now());
  const version = await call('checkFile', { runId, path, content });
  if (version && studioState().checks[path]?.content === content) studioState().setCheck(path, { content, version });
}

/** Keeps the text in the editor as a new version of the file (re-validated; its decision starts over). */
export async function keepEdit(path: string): Promise<void> {
  const { run, checks } = studioState();
  const check = checks[path];
  if (!run || !check) return;
  clearTimeout(timers.get(path));
  const file = await call('editFile', { runId: run.runId, path, content: check.content });
  if (!file) return;
  studioState().setCheck(path, null);
  keep(run.runId, file);
  studioState().setDiff({ base: 'previous' });
  showInfo(`Kept your edit of ${path} as version ${file.versions.length}.`);
}

/** Drops the text in the editor; the current version is shown again. */
export function discardEdit(path: string): void {
  clearTimeout(timers.get(path));
  studioState().setCheck(path, null);
}

/**
 * A new version of `path` from the model with the reviewer's feedback (the previous stays for
 * comparison); the model's text streams into the editor meanwhile.
 */
export async function regenerate(path: string, feedback: string): Promise<boolean> {
  const { run } = studioState();
  if (!run) return false;
  watchRegeneration(run.runId, path);
  try {
    const file = await call('regenerateFile', { runId: run.runId, path, feedback });
    if (!file) return false;
    discardEdit(path);
    keep(run.runId, file);
    studioState().setDiff({ base: 'previous' });
    showInfo(`Regenerated ${path}: score ${file.score.toFixed(2)} (${file.category}).`);
    return true;
  } finally {
    stopWatchingRegeneration();
  }
}

export async function cancelRegeneration(): Promise<void> {
  const { run } = studioState();
  if (run) await call('cancelRegeneration', { runId: run.runId });
}

/** Fetches what `path` can be compared with (the draft; the disk once an output folder is named). */
export async function loadBases(path: string): Promise<void> {
  const { run, write, info } = studioState();
  if (!run) return;
  const outDir = write.outDir.trim();
  const target = write.folder ? { folder: write.folder } : outDir && !info?.nativeDialogs ? { outDir } : {};
  const bases = await call('fileBases', { runId: run.runId, path, ...target });
  if (bases) studioState().setBases(bases);
}
