/**
 * Applying a set of writes and deletes inside an existing folder so that it either all happens or
 * none of it does: every new content is first staged next to its destination (temp file, same
 * folder, so the rename is atomic); only when all are staged are they renamed into place, each
 * replaced or deleted file being moved to a journal first. Any failure rolls back what was done,
 * in reverse, and removes the staged files and the folders it created.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { assertInsideRoot } from './paths';
import type { FileToWrite } from './project-writer';
import { META_DIR } from './sync-plan';

export interface TransactionHooks {
  /** Test seam: called before staging each write; throwing simulates a crash while staging. */
  beforeStage?: (relPath: string, index: number) => void | Promise<void>;
  /** Test seam: called before each rename into place (writes, then deletes); throwing simulates a crash while committing. */
  beforeCommit?: (relPath: string, index: number) => void | Promise<void>;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** Create the missing folders of `dir` one by one, recording each so a rollback can remove them. */
async function mkdirs(dir: string, created: string[]): Promise<void> {
  if (await exists(dir)) return;
  await mkdirs(path.dirname(dir), created);
  await fs.mkdir(dir);
  created.push(dir);
}

/** Write `writes` and remove `deletes` (project-relative paths) in `root`, all or nothing. */
export async function applyTransaction(
  root: string,
  writes: readonly FileToWrite[],
  deletes: readonly string[],
  hooks: TransactionHooks = {},
): Promise<void> {
  const tag = randomBytes(6).toString('hex');
  const journal = path.join(root, META_DIR, `txn-${tag}`);
  const created: string[] = [];
  const staged: { temp: string; dest: string; rel: string }[] = [];
  const done: { dest: string; saved: string | null }[] = [];
  for (const rel of [...writes.map((w) => w.path), ...deletes]) await assertInsideRoot(root, rel);
  try {
    for (const [i, w] of writes.entries()) {
      await hooks.beforeStage?.(w.path, i);
      const dest = path.join(root, w.path);
      await mkdirs(path.dirname(dest), created);
      const temp = `${dest}.djforge-tmp-${tag}`;
      staged.push({ temp, dest, rel: w.path });
      await fs.writeFile(temp, w.content, { flag: 'wx' });
    }
    await mkdirs(journal, created);
    let n = 0;
    for (const s of staged) {
      await hooks.beforeCommit?.(s.rel, n);
      const saved = (await exists(s.dest)) ? path.join(journal, String(n)) : null;
      if (saved) await fs.rename(s.dest, saved);
      done.push({ dest: s.dest, saved });
      await fs.rename(s.temp, s.dest);
      n++;
    }
    for (const rel of deletes) {
      await hooks.beforeCommit?.(rel, n);
      const dest = path.join(root, rel);
      if (!(await exists(dest))) continue;
      const saved = path.join(journal, String(n++));
      await fs.rename(dest, saved);
      done.push({ dest, saved });
    }
  } catch (e) {
    for (const d of done.reverse()) {
      if (d.saved) await fs.rename(d.saved, d.dest);
      else await fs.rm(d.dest, { force: true });
    }
    for (const s of staged) await fs.rm(s.temp, { force: true });
    await fs.rm(journal, { recursive: true, force: true });
    for (const dir of created.reverse()) await fs.rmdir(dir).catch(() => undefined);
    throw e;
  }
  await fs.rm(journal, { recursive: true, force: true });
}
