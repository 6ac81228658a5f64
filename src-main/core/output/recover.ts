/**
 * Repairing a project folder after a writer was killed: every writer calls this first (holding the
 * folder's lock), and a host can call `recoverInterruptedWrite` when a project folder is opened.
 * A journalled transaction inside the folder is rolled back (still staging) or forward (already
 * committing); a new-folder write's staging folder beside it is removed, and an old folder that a
 * forced replacement had moved aside is put back when the new one never arrived; temporary files
 * of crashed writers are removed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { killPoints, type KillPoint } from './output-error';
import { withWriteLock } from './write-lock';
import { closeJournal, exists, loadJournal, rollBack, rollForward, sweepTemporaries, TXN_DIR } from './write-journal';

export interface RecoveryReport {
  /** What happened to an interrupted transaction: none found, undone, or completed. */
  transaction: 'none' | 'rolled-back' | 'rolled-forward';
  /** A folder a killed forced replacement had moved aside was put back at the target's path. */
  restoredPrevious: boolean;
  /** Staging folders and temporary files of crashed writers that were removed. */
  removedLeftovers: number;
}

/** Prefix of the sibling folders `writeProject` stages a new project in (see project-writer.ts). */
export const stagingPrefix = (target: string) => `.${path.basename(target)}.djforge-tmp-`;
export const PREVIOUS_SUFFIX = '-previous';

async function recoverSiblings(target: string, report: RecoveryReport): Promise<void> {
  const parent = path.dirname(target);
  let names: string[];
  try {
    names = await fs.readdir(parent);
  } catch {
    return;
  }
  const prefix = stagingPrefix(target);
  const ours = names.filter((n) => n.startsWith(prefix)).sort();
  for (const name of ours) {
    const full = path.join(parent, name);
    if (name.endsWith(PREVIOUS_SUFFIX) && !(await exists(target))) {
      await fs.rename(full, target);
      report.restoredPrevious = true;
    }
  }
  for (const name of ours) {
    const full = path.join(parent, name);
    if (await exists(full)) {
      await fs.rm(full, { recursive: true, force: true });
      report.removedLeftovers++;
    }
  }
}

/** `recoverInterruptedWrite` for a caller that already holds the folder's write lock. */
export async function recoverUnderLock(target: string, killPoint?: KillPoint): Promise<RecoveryReport> {
  const step = killPoints(killPoint);
  const report: RecoveryReport = { transaction: 'none', restoredPrevious: false, removedLeftovers: 0 };
  await recoverSiblings(target, report);
  const stat = await fs.lstat(target).catch(() => null);
  if (!stat?.isDirectory()) return report;
  const journal = await loadJournal(target);
  if (journal?.state === 'committing') {
    await rollForward(target, journal, step);
    report.transaction = 'rolled-forward';
  } else if (journal) {
    await rollBack(target, journal, step);
    report.transaction = 'rolled-back';
  } else if (await exists(path.join(target, TXN_DIR))) {
    await closeJournal(target);
    report.removedLeftovers++;
  }
  report.removedLeftovers += await sweepTemporaries(target);
  return report;
}

/**
 * Bring `dir` to a consistent state after a write to it was interrupted (see the module comment):
 * afterwards it holds exactly what it held before that write, or exactly what the write would
 * have made of it. Cheap when nothing was interrupted. Throws `OutputError` when another write to
 * the folder is running or its journal is damaged.
 */
export async function recoverInterruptedWrite(
  dir: string,
  options: { /** Test seam: crash injection, see `KillPoint`. */ killPoint?: KillPoint } = {},
): Promise<RecoveryReport> {
  const target = path.resolve(dir);
  return withWriteLock(target, () => recoverUnderLock(target, options.killPoint), options.killPoint);
}
