/**
 * Applying a set of writes and deletes inside an existing folder so that it either all happens or
 * none of it does, even across a kill: the journal (write-journal.ts) is recorded first, every new
 * content is staged next to its destination (temp file, same folder, so the rename is atomic), the
 * journal is marked `committing`, and only then are files put in place. An error in this process
 * rolls back what was done; a kill leaves the journal for the next writer's
 * `recoverInterruptedWrite`, which rolls a staging transaction back and a committing one forward.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { killPoints, WriterKilled, type KillPoint } from './output-error';
import { assertInsideRoot } from './paths';
import type { FileToWrite } from './project-writer';
import {
  backUp,
  closeJournal,
  exists,
  remove,
  replace,
  rollBack,
  saveJournal,
  tempPath,
  type Journal,
} from './write-journal';

export interface TransactionHooks {
  /** Test seam: called before staging each write; throwing simulates an error while staging (rolled back in process). */
  beforeStage?: (relPath: string, index: number) => void | Promise<void>;
  /** Test seam: called before each file is put in place (writes, then deletes); throwing simulates an error while committing. */
  beforeCommit?: (relPath: string, index: number) => void | Promise<void>;
  /** Test seam: crash injection, see `KillPoint`. */
  killPoint?: KillPoint;
  /** Told after each file is staged, put in place or removed: the writer's progress for a progress bar. */
  onProgress?: WriteProgressListener;
}

/** One step of a write: `done` of `total` file operations finished, the last on `path`. */
export interface WriteProgress {
  done: number;
  total: number;
  path: string;
}

export type WriteProgressListener = (progress: WriteProgress) => void;

/** The folders (relative to `root`, parents first) that must be created to hold `files`. */
async function missingDirs(root: string, files: readonly string[]): Promise<string[]> {
  const missing = new Set<string>();
  for (const rel of files) {
    let dir = path.posix.dirname(rel.split(path.sep).join('/'));
    while (dir !== '.' && !missing.has(dir) && !(await exists(path.join(root, dir)))) {
      missing.add(dir);
      dir = path.posix.dirname(dir);
    }
  }
  return [...missing].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

async function stageFile(file: string, content: string): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Write `writes` and remove `deletes` (project-relative paths) in `root`, all or nothing. The
 * caller holds the folder's write lock and has recovered any earlier interrupted write.
 */
export async function applyTransaction(
  root: string,
  writes: readonly FileToWrite[],
  deletes: readonly string[],
  hooks: TransactionHooks = {},
): Promise<void> {
  const step = killPoints(hooks.killPoint);
  for (const rel of [...writes.map((w) => w.path), ...deletes]) await assertInsideRoot(root, rel);
  const journal: Journal = {
    format: 'djforge-write-journal',
    version: 1,
    tag: randomBytes(6).toString('hex'),
    state: 'staging',
    writes: [],
    deletes: [...deletes],
    createdDirs: await missingDirs(
      root,
      writes.map((w) => w.path),
    ),
  };
  for (const w of writes) journal.writes.push({ path: w.path, existed: await exists(path.join(root, w.path)) });
  // Each write is staged, then put in place; each delete happens once.
  const total = writes.length * 2 + deletes.length;
  let done = 0;
  const progressed = (rel: string) => hooks.onProgress?.({ done: ++done, total, path: rel });
  let recorded = false;
  try {
    await step('record journal');
    await saveJournal(root, journal);
    recorded = true;
    for (const dir of journal.createdDirs) {
      await step(`create folder ${dir}`);
      await fs.mkdir(path.join(root, dir));
    }
    for (const [i, w] of writes.entries()) {
      await hooks.beforeStage?.(w.path, i);
      await step(`stage ${w.path}`);
      await stageFile(tempPath(root, w.path, journal.tag), w.content);
      progressed(w.path);
    }
    await step('mark committing');
    journal.state = 'committing';
    await saveJournal(root, journal);
    let n = 0;
    for (const [i, w] of journal.writes.entries()) {
      await hooks.beforeCommit?.(w.path, n++);
      if (w.existed) {
        await step(`back up ${w.path}`);
        await backUp(root, w.path, i);
      }
      await step(`replace ${w.path}`);
      await replace(root, journal, w.path);
      progressed(w.path);
    }
    for (const [i, rel] of deletes.entries()) {
      await hooks.beforeCommit?.(rel, n++);
      await step(`delete ${rel}`);
      await remove(root, rel, i);
      progressed(rel);
    }
    await step('close journal');
    await closeJournal(root);
  } catch (e) {
    if (e instanceof WriterKilled) throw e;
    if (journal.state === 'committing') {
      journal.state = 'rollingBack';
      await saveJournal(root, journal);
    }
    if (recorded) await rollBack(root, journal, step);
    throw e;
  }
}
