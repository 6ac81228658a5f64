/**
 * Export of a project as a zip archive: the same confined paths as the folder writer, sorted,
 * with a fixed timestamp so the same files always give the same bytes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { unsafePathReason } from './paths';
import { OutputError, type FileToWrite } from './project-writer';

const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

/** The zip bytes of `files`, all under the folder `root` inside the archive when given. */
export function projectZip(files: readonly FileToWrite[], root?: string): Uint8Array {
  const tree: Zippable = {};
  const encoder = new TextEncoder();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const reason = unsafePathReason(f.path);
    if (reason) throw new OutputError(`Refusing to zip "${f.path}": ${reason}.`, 'output.unsafe-path');
    const name = root ? `${root}/${f.path}` : f.path;
    if (name in tree) throw new OutputError(`Refusing to zip "${f.path}" twice.`, 'output.unsafe-path');
    tree[name] = [encoder.encode(f.content), { mtime: FIXED_TIME }];
  }
  return zipSync(tree, { level: 6 });
}

/** Write the zip of `files` to `zipFile` atomically (temp + rename); an existing file is refused without `force`. */
export async function writeProjectZip(
  zipFile: string,
  files: readonly FileToWrite[],
  options: { root?: string; force?: boolean } = {},
): Promise<void> {
  const bytes = projectZip(files, options.root);
  const dest = path.resolve(zipFile);
  if (!options.force) {
    const present = await fs.lstat(dest).then(
      () => true,
      () => false,
    );
    if (present) throw new OutputError(`${dest} already exists; pass --force to replace it.`, 'output.not-empty');
  }
  const temp = `${dest}.${process.pid}.djforge-tmp`;
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, dest);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new OutputError(`Could not write ${dest}: ${(e as Error).message}`, 'output.write-failed');
  }
}
