/**
 * What writing a run's approved files into a folder would do, decided before anything is written:
 * per file new, updated, merged, conflicting (the user's file would be kept and the merge with
 * markers put in `.djforge/conflicts/`), removed (no longer generated, untouched), unchanged, or
 * kept (the user's edit stays as it is). The same decision `syncProject` applies when writing.
 * A folder whose last write was killed is first brought back to a consistent state (its journal
 * replayed or rolled back), so the plan describes the folder the write will really find.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { WriteAction, WritePlan } from '../../../src-shared/api/review';
import { checkOutputTarget, type FileToWrite } from '../output/project-writer';
import { recoverInterruptedWrite } from '../output/recover';
import { planSync, readManifest, type SyncAction } from '../output/sync-plan';

const ACTIONS: Record<SyncAction, WriteAction> = {
  create: 'new',
  update: 'updated',
  merge: 'merged',
  conflict: 'conflicting',
  delete: 'removed',
  unchanged: 'unchanged',
  keep: 'kept',
  orphan: 'kept',
  'kept-deleted': 'kept',
};

async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    return await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * The plan for writing `approved` into `outDir`; `notApproved` are the run's other files (left as
 * they are on disk). Throws OutputError when the folder would be refused (a file, or a foreign
 * non-empty folder without `force`). Reads the folder and writes nothing of the run; the only
 * change it can make is finishing or undoing an interrupted earlier write.
 */
export async function planWrite(
  outDir: string,
  approved: readonly FileToWrite[],
  notApproved: readonly string[],
  force = false,
  /** Conflicts the person resolved (see `planSync`): planned as `merged`. */
  resolutions: ReadonlyMap<string, string> = new Map(),
): Promise<WritePlan> {
  const target = path.resolve(outDir);
  await checkOutputTarget(target, { force, merge: true });
  if ((await entriesOf(target)) !== null) await recoverInterruptedWrite(target);
  const present = await entriesOf(target);
  const manifest = present && present.length > 0 ? await readManifest(target) : null;
  const sorted = [...approved].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (!manifest)
    return {
      outDir: target,
      mode: present && present.length > 0 ? 'replaced' : 'created',
      files: sorted.map((f) => ({ path: f.path, action: 'new', conflicts: 0 })),
      notApproved: [...notApproved].sort(),
    };
  const plan = await planSync(target, manifest, approved, new Set(notApproved), resolutions);
  return {
    outDir: target,
    mode: 'merged',
    files: plan.entries.map((e) => ({ path: e.path, action: ACTIONS[e.action], conflicts: e.conflicts ?? 0 })),
    notApproved: [...notApproved].sort(),
  };
}
