/**
 * Deciding what regeneration does to a folder that already holds a generated project, before
 * touching it: files the user did not change are updated, files the user changed are merged,
 * conflicts keep the user's file and are reported, files the user added are left alone.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mergeThreeWay } from './merge';
import type { FileToWrite } from './project-writer';

/** Folder inside a generated project that holds what was generated last (the merge base). */
export const META_DIR = '.djforge';
export const MANIFEST = `${META_DIR}/manifest.json`;
export const BASE_DIR = `${META_DIR}/base`;
export const CONFLICTS_DIR = `${META_DIR}/conflicts`;

export interface Manifest {
  format: 'djforge-manifest';
  version: 1;
  files: Record<string, string>;
}

export type SyncAction =
  | 'create' // new file, nothing on disk
  | 'update' // user did not touch it: replaced by the new version
  | 'unchanged' // on disk already equal to the new version
  | 'merge' // user changed it; merged cleanly with the new version
  | 'keep' // user changed it; the generator's version did not change
  | 'conflict' // user and generator changed the same lines: user's file kept, merge with markers in .djforge/conflicts
  | 'delete' // no longer generated and untouched by the user
  | 'orphan' // no longer generated but changed by the user: kept
  | 'kept-deleted'; // the user deleted it and the generator's version did not change: stays deleted

export interface SyncEntry {
  path: string;
  action: SyncAction;
  conflicts?: number;
}

export interface SyncPlan {
  entries: SyncEntry[];
  /** Files to write (project files plus the new merge base), as full new contents. */
  writes: FileToWrite[];
  /** Project-relative paths to remove. */
  deletes: string[];
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The snapshot files that record `files` as the new merge base. */
export function baseSnapshot(files: readonly FileToWrite[]): FileToWrite[] {
  const manifest: Manifest = {
    format: 'djforge-manifest',
    version: 1,
    files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])),
  };
  return [
    ...files.map((f) => ({ path: `${BASE_DIR}/${f.path}`, content: f.content })),
    { path: MANIFEST, content: JSON.stringify(manifest, null, 2) + '\n' },
  ];
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The manifest of a previously generated project in `outDir`, or null when there is none. */
export async function readManifest(outDir: string): Promise<Manifest | null> {
  const text = await readOrNull(path.join(outDir, MANIFEST));
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    if (
      parsed.format === 'djforge-manifest' &&
      parsed.version === 1 &&
      parsed.files &&
      typeof parsed.files === 'object'
    ) {
      return parsed as Manifest;
    }
  } catch {
    // fall through: an unreadable manifest is treated as absent, and the caller refuses to merge.
  }
  return null;
}

/**
 * Decide, without writing anything, what regenerating `files` into `outDir` (which holds a
 * generated project described by `manifest`) does to each file; see `SyncAction`. Conflicts keep
 * the user's file untouched and put the merge with git-style markers in `.djforge/conflicts/`.
 */
export async function planSync(
  outDir: string,
  manifest: Manifest,
  files: readonly FileToWrite[],
  /** Paths generated this run but not approved: left exactly as they are on disk, base included. */
  retained: ReadonlySet<string> = new Set(),
  /**
   * The person's resolution of a conflict (path → the file they settled on in a three-way view):
   * written as the file instead of keeping theirs, with the generated version as the new merge
   * base. Ignored for a path that does not conflict (the folder changed since they resolved it).
   */
  resolutions: ReadonlyMap<string, string> = new Map(),
): Promise<SyncPlan> {
  const entries: SyncEntry[] = [];
  const writes: FileToWrite[] = [];
  const deletes: string[] = [];
  const generated = new Set(files.map((f) => f.path));
  const keptBases = new Map<string, string>();

  for (const file of files) {
    const onDisk = await readOrNull(path.join(outDir, file.path));
    const base = file.path in manifest.files ? await readOrNull(path.join(outDir, BASE_DIR, file.path)) : null;
    if (onDisk === null && base !== null && base === file.content) {
      entries.push({ path: file.path, action: 'kept-deleted' });
    } else if (onDisk === null) {
      entries.push({ path: file.path, action: 'create' });
      writes.push(file);
    } else if (onDisk === file.content) {
      entries.push({ path: file.path, action: 'unchanged' });
    } else if (base !== null && onDisk === base) {
      entries.push({ path: file.path, action: 'update' });
      writes.push(file);
    } else {
      const merged = mergeThreeWay(base ?? '', onDisk, file.content);
      if (merged.kind === 'clean' && merged.content === onDisk) {
        entries.push({ path: file.path, action: 'keep' });
      } else if (merged.kind === 'clean' && base !== null) {
        entries.push({ path: file.path, action: 'merge' });
        writes.push({ path: file.path, content: merged.content });
      } else if (resolutions.has(file.path)) {
        entries.push({ path: file.path, action: 'merge' });
        writes.push({ path: file.path, content: resolutions.get(file.path) ?? '' });
      } else {
        const conflicts = merged.kind === 'conflict' ? merged.conflicts : 1;
        entries.push({ path: file.path, action: 'conflict', conflicts });
        writes.push({ path: `${CONFLICTS_DIR}/${file.path}`, content: merged.content });
        // The merge base stays what it was, so the next run still sees the user's side as a change.
        keptBases.set(file.path, base ?? '');
      }
    }
  }

  for (const old of Object.keys(manifest.files).sort()) {
    if (generated.has(old) || retained.has(old)) continue;
    const onDisk = await readOrNull(path.join(outDir, old));
    if (onDisk === null) continue;
    if (sha256(onDisk) === manifest.files[old]) {
      entries.push({ path: old, action: 'delete' });
      deletes.push(old, `${BASE_DIR}/${old}`);
    } else {
      entries.push({ path: old, action: 'orphan' });
      deletes.push(`${BASE_DIR}/${old}`);
    }
  }

  // Conflict files from an earlier run are stale once this run is applied.
  const staleConflicts = await listFiles(path.join(outDir, CONFLICTS_DIR));
  const newConflicts = new Set(writes.filter((w) => w.path.startsWith(CONFLICTS_DIR + '/')).map((w) => w.path));
  for (const rel of staleConflicts) {
    const p = `${CONFLICTS_DIR}/${rel}`;
    if (!newConflicts.has(p)) deletes.push(p);
  }

  const snapshot = files.map((f) => ({ path: f.path, content: keptBases.get(f.path) ?? f.content }));
  for (const rel of [...retained].sort()) {
    if (generated.has(rel) || !(rel in manifest.files)) continue;
    const base = await readOrNull(path.join(outDir, BASE_DIR, rel));
    if (base !== null) snapshot.push({ path: rel, content: base });
  }
  writes.push(...baseSnapshot(snapshot));
  return { entries, writes, deletes };
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
