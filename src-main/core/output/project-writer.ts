/**
 * Writes a generated project so that a failure at any point leaves the target exactly as it was:
 * everything goes into a temporary sibling folder first, which is renamed into place only when
 * complete. Replacing an existing folder (`force`) swaps it out by rename and removes the old copy
 * only after the new one is in place.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { confinedPath, unsafePathReason } from './paths';
import { readManifest } from './sync-plan';

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
}

export class OutputError extends Error {
  constructor(
    message: string,
    readonly code: 'output.not-empty' | 'output.not-directory' | 'output.unsafe-path' | 'output.write-failed',
  ) {
    super(message);
    this.name = 'OutputError';
  }
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
  options = { ...options, merge: false };
  for (const f of files) {
    const reason = unsafePathReason(f.path);
    if (reason) throw new OutputError(`Refusing to write "${f.path}": ${reason}.`, 'output.unsafe-path');
  }
  await checkOutputTarget(outDir, options);
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(target)}.djforge-tmp-`));
  const written: string[] = [];
  try {
    let index = 0;
    for (const f of files) {
      await options.beforeEachFile?.(f.path, index++);
      const dest = confinedPath(staging, f.path);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await fs.writeFile(dest, f.content, { flag: 'wx' });
      written.push(path.join(target, f.path));
    }
    await swapIntoPlace(staging, target);
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    if (e instanceof OutputError) throw e;
    throw new OutputError(`Could not write the project to ${target}: ${(e as Error).message}`, 'output.write-failed');
  }
  return written;
}

async function swapIntoPlace(staging: string, target: string): Promise<void> {
  const existing = await statOrNull(target);
  if (!existing) {
    await fs.rename(staging, target);
    return;
  }
  const backup = `${staging}-previous`;
  await fs.rename(target, backup);
  try {
    await fs.rename(staging, target);
  } catch (e) {
    await fs.rename(backup, target);
    throw e;
  }
  await fs.rm(backup, { recursive: true, force: true });
}
