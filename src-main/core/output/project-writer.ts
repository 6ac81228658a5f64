/**
 * Writes a generated project so that a failure at any point leaves the target exactly as it was:
 * everything goes into a temporary sibling folder first, which is renamed into place only when
 * complete. Replacing an existing folder (`force`) swaps it out by rename and removes the old copy
 * only after the new one is in place. A kill at any point leaves leftovers that the next writer's
 * recovery (recover.ts) resolves: the staging folder is removed, and an old folder moved aside
 * without its replacement arriving is put back.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { killPoints, OutputError, WriterKilled, type KillPoint } from './output-error';
import { confinedPath, unsafePathReason } from './paths';
import { PREVIOUS_SUFFIX, recoverUnderLock, stagingPrefix } from './recover';
import { readManifest } from './sync-plan';
import type { WriteProgressListener } from './transaction';
import { withWriteLock } from './write-lock';

export { OutputError } from './output-error';

export interface FileToWrite {
  path: string;
  content: string;
}

export interface WriteOptions {
  /** Replace a non-empty target folder. Without it a non-empty target is refused. */
  force?: boolean;
  /**
   * `checkOutputTarget` only: also accept a non-empty folder that holds a DjForge project
   * (`.djforge/manifest.json`), because `syncProject` regenerates it in place by merging.
   */
  merge?: boolean;
  /**
   * Test seam for crash simulation: called before each file is written; throwing aborts the write
   * as a crash would. Never set in production code.
   */
  beforeEachFile?: (relPath: string, index: number) => void | Promise<void>;
  /** Test seam: crash injection, see `KillPoint`. */
  killPoint?: KillPoint;
  /** Told after each file is staged: the writer's progress for a progress bar. */
  onProgress?: WriteProgressListener;
}

async function statOrNull(p: string) {
  try {
    return await fs.lstat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Refuses early, before any work, what `writeProject` would refuse. */
export async function checkOutputTarget(outDir: string, options: WriteOptions = {}): Promise<void> {
  const target = path.resolve(outDir);
  const stat = await statOrNull(target);
  if (!stat) return;
  if (!stat.isDirectory()) throw new OutputError(`${target} exists and is not a folder.`, 'output.not-directory');
  const entries = await fs.readdir(target);
  if (entries.length > 0 && options.merge && (await readManifest(target))) return;
  if (entries.length > 0 && !options.force) {
    throw new OutputError(
      `${target} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); pass --force to replace it.`,
      'output.not-empty',
    );
  }
}

/**
 * Write `files` as the complete content of `outDir`. Returns the absolute paths written.
 * On any error the target is left as it was and the temporary folder is removed.
 */
export async function writeProject(
  outDir: string,
  files: readonly FileToWrite[],
  options: WriteOptions = {},
): Promise<string[]> {
  for (const f of files) {
    const reason = unsafePathReason(f.path);
    if (reason) throw new OutputError(`Refusing to write "${f.path}": ${reason}.`, 'output.unsafe-path');
  }
  const target = path.resolve(outDir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  return withWriteLock(
    target,
    async () => {
      await recoverUnderLock(target);
      return writeProjectUnderLock(target, files, options);
    },
    options.killPoint,
  );
}

/** `writeProject` for a caller that holds the target's write lock and has recovered it. */
export async function writeProjectUnderLock(
  target: string,
  files: readonly FileToWrite[],
  options: WriteOptions,
): Promise<string[]> {
  await checkOutputTarget(target, { ...options, merge: false });
  const step = killPoints(options.killPoint);
  const staging = await fs.mkdtemp(path.join(path.dirname(target), stagingPrefix(target)));
  const written: string[] = [];
  try {
    let index = 0;
    for (const f of files) {
      await options.beforeEachFile?.(f.path, index++);
      await step(`stage ${f.path}`);
      const dest = confinedPath(staging, f.path);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await fs.writeFile(dest, f.content, { flag: 'wx' });
      written.push(path.join(target, f.path));
      options.onProgress?.({ done: written.length, total: files.length, path: f.path });
    }
    await swapIntoPlace(staging, target, step);
  } catch (e) {
    if (e instanceof WriterKilled) throw e;
    await fs.rm(staging, { recursive: true, force: true });
    if (e instanceof OutputError) throw e;
    throw new OutputError(`Could not write the project to ${target}: ${(e as Error).message}`, 'output.write-failed');
  }
  return written;
}

async function swapIntoPlace(staging: string, target: string, step: (name: string) => Promise<void>): Promise<void> {
  const existing = await statOrNull(target);
  if (!existing) {
    await step('move into place');
    await fs.rename(staging, target);
    return;
  }
  const backup = `${staging}${PREVIOUS_SUFFIX}`;
  await step('move the old folder aside');
  await fs.rename(target, backup);
  try {
    await step('move into place');
    await fs.rename(staging, target);
  } catch (e) {
    if (e instanceof WriterKilled) throw e;
    await fs.rename(backup, target);
    throw e;
  }
  await step('remove the old folder');
  await fs.rm(backup, { recursive: true, force: true });
}
