/**
 * The writer hosts call for a generation run. A new or empty folder gets the project (atomically,
 * as `writeProject` does) plus a merge base in `.djforge/`. A folder that already holds a
 * DjForge project is regenerated in place without `--force`: files the user did not touch are
 * updated, files the user changed are merged three-way with the new generation, and where both
 * changed the same lines the user's file is kept exactly as it is, the merge with conflict
 * markers goes to `.djforge/conflicts/<path>`, and the conflict is reported — nothing the user
 * wrote is overwritten silently. Files the user added are never touched. All of it is one
 * transaction: a failure leaves the folder as it was, and a kill leaves a journal that the next
 * writer (or `recoverInterruptedWrite`) completes or undoes before doing anything else.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { assertInsideRoot, unsafePathReason } from './paths';
import { isMigrationPath } from '../generate/migrations';
import { WriterKilled } from './output-error';
import { OutputError, writeProjectUnderLock, type FileToWrite } from './project-writer';
import { recoverUnderLock } from './recover';
import { baseSnapshot, META_DIR, planSync, readManifest, type SyncEntry } from './sync-plan';
import { applyTransaction, type TransactionHooks } from './transaction';
import { withWriteLock } from './write-lock';

export interface SyncOptions extends TransactionHooks {
  /** Replace a non-empty folder that holds no DjForge project. */
  force?: boolean;
  /**
   * Paths generated this run that the review did not approve: they are not written, and a
   * version of them already on disk is left as it is (never deleted as "no longer generated").
   */
  notApproved?: readonly string[];
  /** Conflicts the person resolved (path → content), written instead of keeping their file (see `planSync`). */
  resolutions?: ReadonlyMap<string, string>;
}

export interface SyncReport {
  /** `created`: new or empty folder; `replaced`: a foreign folder replaced with force; `merged`: regenerated in place. */
  mode: 'created' | 'replaced' | 'merged';
  entries: SyncEntry[];
  /** Paths whose merge conflicted: the user's file was kept; the merge is in `.djforge/conflicts/<path>`. */
  conflicts: string[];
}

async function listing(dir: string): Promise<string[] | null> {
  try {
    const stat = await fs.lstat(dir);
    if (!stat.isDirectory()) throw new OutputError(`${dir} exists and is not a folder.`, 'output.not-directory');
    return await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function checkPaths(files: readonly FileToWrite[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const reason =
      unsafePathReason(f.path) ??
      (f.path.split('/')[0] === META_DIR ? `${META_DIR}/ is reserved for DjForge's own records` : null);
    if (reason) throw new OutputError(`Refusing to write "${f.path}": ${reason}.`, 'output.unsafe-path');
    if (seen.has(f.path))
      throw new OutputError(`Refusing to write "${f.path}" twice in one project.`, 'output.unsafe-path');
    seen.add(f.path);
  }
}

/** Write or regenerate the project `files` in `outDir` (see the module comment). */
export async function syncProject(
  outDir: string,
  files: readonly FileToWrite[],
  options: SyncOptions = {},
): Promise<SyncReport> {
  checkPaths(files);
  const target = path.resolve(outDir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  return withWriteLock(
    target,
    async () => {
      await recoverUnderLock(target);
      return syncUnderLock(target, files, options);
    },
    options.killPoint,
  );
}

async function syncUnderLock(target: string, files: readonly FileToWrite[], options: SyncOptions): Promise<SyncReport> {
  const entries = await listing(target);
  const manifest = entries && entries.length > 0 ? await readManifest(target) : null;
  if (!manifest) {
    if (entries && entries.length > 0 && !options.force) {
      throw new OutputError(
        `${target} is not empty and holds no DjForge project (${META_DIR}/manifest.json); pass --force to replace it.`,
        'output.not-empty',
      );
    }
    await writeProjectUnderLock(target, [...files, ...baseSnapshot(files)], {
      force: options.force ?? false,
      ...(options.beforeStage ? { beforeEachFile: options.beforeStage } : {}),
      ...(options.killPoint ? { killPoint: options.killPoint } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return {
      mode: entries && entries.length > 0 ? 'replaced' : 'created',
      entries: files.map((f) => ({ path: f.path, action: 'create' })),
      conflicts: [],
    };
  }
  // A run ships only the migrations it adds (`run/migrations-step.ts`); the ones shipped before stay:
  // deleting them as "no longer generated" would leave the new migration without its dependencies.
  const shipped = Object.keys(manifest.files).filter(isMigrationPath);
  const plan = await planSync(
    target,
    manifest,
    files,
    new Set([...(options.notApproved ?? []), ...shipped]),
    options.resolutions,
  );
  for (const rel of [...plan.writes.map((w) => w.path), ...plan.deletes]) {
    try {
      await assertInsideRoot(target, rel);
    } catch (e) {
      throw new OutputError((e as Error).message, 'output.unsafe-path');
    }
  }
  try {
    await applyTransaction(target, plan.writes, plan.deletes, options);
  } catch (e) {
    if (e instanceof WriterKilled) throw e;
    throw new OutputError(
      `Could not update the project in ${target}; nothing was changed: ${(e as Error).message}`,
      'output.write-failed',
    );
  }
  return {
    mode: 'merged',
    entries: plan.entries,
    conflicts: plan.entries.filter((e) => e.action === 'conflict').map((e) => e.path),
  };
}
