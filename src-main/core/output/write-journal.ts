/**
 * The write journal of a transaction in a project folder (`.djforge/txn/journal.json`): what the
 * transaction writes and deletes, and how far it got. It is written (atomically) before anything
 * else happens, first in state `staging` (new contents are being written to temporary files next
 * to their destinations) and then, once every temporary file is complete and on disk, in state
 * `committing`. Whoever finds a journal — the writer itself on an error, or the next writer after a
 * kill — rolls a `staging` transaction back and a `committing` one forward; a writer undoing a
 * committing transaction after an error first marks it `rollingBack`, so an undo cut short is
 * finished, not reversed. The folder ends either as it was or as it would have become.
 *
 * Every step is idempotent and ordered so that a file being replaced is always present at its own
 * path: its old version is hard-linked into the journal and the new one renamed over it (rename
 * replaces atomically), never moved away first.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { OutputError } from './output-error';
import { assertInsideRoot, confinedPath } from './paths';
import { META_DIR } from './sync-plan';

export const TXN_DIR = `${META_DIR}/txn`;
export const JOURNAL_FILE = `${TXN_DIR}/journal.json`;
/** Suffix of every temporary file a writer creates: `<file>.djforge-tmp-<12 hex digits>`. */
export const TEMP_MARK = '.djforge-tmp-';
const TEMP_NAME = /\.djforge-tmp-[0-9a-f]{12}$/;

export interface Journal {
  format: 'djforge-write-journal';
  version: 1;
  /** Names this transaction's temporary files: `<dest>.djforge-tmp-<tag>`. */
  tag: string;
  /** `rollingBack`: a committing transaction being undone after an error; recovery continues the undo. */
  state: 'staging' | 'committing' | 'rollingBack';
  /** Files written, with whether a file was at that path when the transaction began. */
  writes: { path: string; existed: boolean }[];
  deletes: string[];
  /** Folders the transaction creates, parents first; removed again (when empty) on rollback. */
  createdDirs: string[];
}

export const tempPath = (root: string, rel: string, tag: string) => `${path.join(root, rel)}${TEMP_MARK}${tag}`;
const backupOf = (root: string, kind: 'w' | 'd', index: number) =>
  path.join(root, TXN_DIR, 'backup', `${kind}${index}`);

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** Write `content` to `file` durably: a unique temporary file, flushed, then renamed over it. */
export async function writeFileDurably(file: string, content: string, tag: string): Promise<void> {
  const temp = `${file}${TEMP_MARK}${tag}`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
}

/** Record `journal` in `root` (creating `.djforge/txn`), atomically. */
export async function saveJournal(root: string, journal: Journal): Promise<void> {
  await fs.mkdir(path.join(root, TXN_DIR, 'backup'), { recursive: true });
  await writeFileDurably(path.join(root, JOURNAL_FILE), JSON.stringify(journal), journal.tag);
}

/** The journal left in `root` by an interrupted transaction, or null. Refuses one that is damaged or escapes `root`. */
export async function loadJournal(root: string): Promise<Journal | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, JOURNAL_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const bad = (why: string) =>
    new OutputError(
      `The write journal ${path.join(root, JOURNAL_FILE)} is damaged (${why}); DjForge cannot finish or undo the interrupted write. Check the project, then delete ${path.join(root, TXN_DIR)}.`,
      'output.write-failed',
    );
  let j: Partial<Journal>;
  try {
    j = JSON.parse(text) as Partial<Journal>;
  } catch {
    throw bad('not JSON');
  }
  if (
    j.format !== 'djforge-write-journal' ||
    j.version !== 1 ||
    typeof j.tag !== 'string' ||
    !/^[0-9a-f]{12}$/.test(j.tag) ||
    (j.state !== 'staging' && j.state !== 'committing' && j.state !== 'rollingBack') ||
    !Array.isArray(j.writes) ||
    !Array.isArray(j.deletes) ||
    !Array.isArray(j.createdDirs)
  )
    throw bad('unknown layout');
  const journal = j as Journal;
  for (const rel of [...journal.writes.map((w) => w.path), ...journal.deletes, ...journal.createdDirs]) {
    try {
      confinedPath(root, rel);
      await assertInsideRoot(root, rel);
    } catch (e) {
      throw bad((e as Error).message);
    }
  }
  return journal;
}

/** Hard-link (or, where links are not possible, copy) `dest` to the journal's backup slot. */
export async function backUp(root: string, rel: string, index: number): Promise<void> {
  const backup = backupOf(root, 'w', index);
  if (await exists(backup)) return;
  const dest = path.join(root, rel);
  try {
    await fs.link(dest, backup);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    await fs.copyFile(dest, `${backup}${TEMP_MARK}000000000000`);
    await fs.rename(`${backup}${TEMP_MARK}000000000000`, backup);
  }
}

/** Put the staged new content of write `index` in place (no-op when already done). */
export async function replace(root: string, journal: Journal, rel: string): Promise<void> {
  const temp = tempPath(root, rel, journal.tag);
  if (await exists(temp)) await fs.rename(temp, path.join(root, rel));
}

/** Move deleted file `index` into the journal (no-op when already done). */
export async function remove(root: string, rel: string, index: number): Promise<void> {
  const dest = path.join(root, rel);
  if (await exists(dest)) await fs.rename(dest, backupOf(root, 'd', index));
}

/** Forget the journal: its backups first, the journal file (the transaction's marker) last. */
export async function closeJournal(root: string): Promise<void> {
  await fs.rm(path.join(root, TXN_DIR, 'backup'), { recursive: true, force: true });
  await fs.rm(path.join(root, JOURNAL_FILE), { force: true });
  await fs.rm(path.join(root, TXN_DIR), { recursive: true, force: true });
}

/** A step of recovery, for the crash-injection seam (see `KillPoint`); a no-op in production. */
export type Step = (name: string) => Promise<void>;
const noStep: Step = async () => undefined;

/** Finish a `committing` transaction: every staged file into place, every delete done. */
export async function rollForward(root: string, journal: Journal, step: Step = noStep): Promise<void> {
  for (const w of journal.writes) {
    await step(`roll forward ${w.path}`);
    await replace(root, journal, w.path);
  }
  for (const [i, rel] of journal.deletes.entries()) {
    await step(`roll forward the deletion of ${rel}`);
    await remove(root, rel, i);
  }
  await step('close the journal');
  await closeJournal(root);
}

/** Undo whatever part of the transaction happened, in reverse order, and forget it. */
export async function rollBack(root: string, journal: Journal, step: Step = noStep): Promise<void> {
  for (const [i, rel] of [...journal.deletes.entries()].reverse()) {
    await step(`roll back the deletion of ${rel}`);
    const backup = backupOf(root, 'd', i);
    if (await exists(backup)) await fs.rename(backup, path.join(root, rel));
  }
  for (const [i, w] of [...journal.writes.entries()].reverse()) {
    const temp = tempPath(root, w.path, journal.tag);
    const backup = backupOf(root, 'w', i);
    const dest = path.join(root, w.path);
    await step(`roll back ${w.path}`);
    if (await exists(temp)) await fs.rm(temp, { force: true });
    else if (journal.state !== 'staging' && w.existed) {
      if (await exists(backup)) await fs.rename(backup, dest);
    } else if (journal.state !== 'staging') await fs.rm(dest, { force: true });
  }
  await step('remove created folders');
  for (const dir of [...journal.createdDirs].reverse()) {
    await fs.rmdir(path.join(root, dir)).catch(() => undefined);
  }
  await step('close the journal');
  await closeJournal(root);
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__']);

/**
 * Remove temporary files (`*.djforge-tmp-<hex>`) that crashed writers left in `root`, outside
 * any live journal. Folders generated code never uses (`.git`, virtual environments) are skipped.
 * Returns how many were removed.
 */
export async function sweepTemporaries(root: string): Promise<number> {
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) await walk(full);
      else if (entry.isFile() && TEMP_NAME.test(entry.name)) {
        await fs.rm(full, { force: true });
        removed++;
      }
    }
  };
  await walk(root);
  return removed;
}
