/**
 * Path confinement for generated files: every path a generator or an LLM proposes is checked
 * before anything touches the disk, so no output can land outside the folder the user chose.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Why a relative output path is refused, or null when it is safe. */
export function unsafePathReason(relPath: string): string | null {
  if (relPath.length === 0) return 'the path is empty';
  if (relPath.includes('\0')) return 'the path contains a NUL character';
  if (path.isAbsolute(relPath) || /^[A-Za-z]:/.test(relPath) || relPath.startsWith('\\')) return 'the path is absolute';
  const parts = relPath.split(/[\\/]/);
  if (parts.some((p) => p === '..')) return 'the path climbs out of the output folder with ".."';
  if (parts.some((p) => p === '' || p === '.')) return 'the path has an empty or "." segment';
  return null;
}

/** Resolve `relPath` inside `root`, throwing when it would escape. */
export function confinedPath(root: string, relPath: string): string {
  const reason = unsafePathReason(relPath);
  if (reason) throw new Error(`Refusing to write "${relPath}": ${reason}.`);
  const resolved = path.resolve(root, relPath);
  const rel = path.relative(path.resolve(root), resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new Error(`Refusing to write "${relPath}": it resolves outside ${root}.`);
  return resolved;
}

/**
 * Refuse `relPath` when writing it under `root` would follow a symbolic link: any existing
 * folder on the way, or the file itself, being a symlink (which could point outside `root`).
 * Checked against the disk, so it complements the lexical `unsafePathReason`.
 */
export async function assertInsideRoot(root: string, relPath: string): Promise<void> {
  confinedPath(root, relPath);
  let current = path.resolve(root);
  for (const part of relPath.split(/[\\/]/)) {
    current = path.join(current, part);
    let stat;
    try {
      stat = await fs.lstat(current);
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) {
      throw new Error(
        `Refusing to write "${relPath}": ${path.relative(root, current)} is a symbolic link, which could lead outside the output folder.`,
      );
    }
  }
}
