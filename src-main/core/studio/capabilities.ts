/**
 * What a page may touch on disk. The page never holds authority over a raw path: it holds
 * capabilities — opaque ids the host granted for a file or folder the user chose (a native
 * dialog, a recent file, or, in the web host, a typed path confined to the roots the person
 * started it with). Hosts inject their policy; this module holds the checks every host shares:
 * the capability table, path confinement (roots, system folders, symlink escapes) and the
 * content-free sentences for what was refused.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DjForgeError } from '../errors';

/** A file the page may open and save (`erd`) or a folder it may write a project into (`folder`). */
export type CapabilityKind = 'erd' | 'folder';

/**
 * The granted paths of one host process, keyed by opaque ids. The same path and kind always
 * get the same id within a launch, so a document and its recent-files entry agree.
 */
export class CapabilityTable {
  private readonly byId = new Map<string, { kind: CapabilityKind; path: string }>();
  private readonly byPath = new Map<string, string>();

  grant(kind: CapabilityKind, absolutePath: string): string {
    const key = `${kind}\0${absolutePath}`;
    const existing = this.byPath.get(key);
    if (existing) return existing;
    const id = randomBytes(18).toString('base64url');
    this.byId.set(id, { kind, path: absolutePath });
    this.byPath.set(key, id);
    return id;
  }

  /** The path behind `id`, or a refusal: the page cannot name what it was not given. */
  resolve(id: string, kind: CapabilityKind): string {
    const entry = this.byId.get(id);
    if (!entry || entry.kind !== kind) {
      const what = kind === 'erd' ? 'file' : 'folder';
      throw new DjForgeError(
        'capability.unknown',
        `Refused: this ${what} was not chosen in this session; choose it again with the dialog.`,
      );
    }
    return entry.path;
  }
}

/** Folders of the operating system that no page request may read or write, whatever the roots. */
export function systemFolders(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    const env = process.env;
    return [env['SystemRoot'] ?? 'C:\\Windows', env['ProgramFiles'], env['ProgramFiles(x86)'], env['ProgramData']]
      .filter((p): p is string => typeof p === 'string' && p !== '')
      .map((p) => path.resolve(p));
  }
  const unix = ['/etc', '/proc', '/sys', '/dev', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
  const more = ['/boot', '/var', '/run', '/snap'];
  const darwin = platform === 'darwin' ? ['/System', '/Library', '/private/etc', '/private/var/db', '/cores'] : [];
  return [...unix, ...more, ...darwin];
}

/** Where typed paths may lead: inside a root, outside every denied folder (all real paths). */
export interface PathConfinement {
  readonly roots: readonly string[];
  readonly denied: readonly string[];
}

const isInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

async function realOrSelf(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return p;
  }
}

/** Why `dir` cannot be a root (a system folder, the file system's root, not a folder), or null. */
export async function unusableRootReason(dir: string, denied: readonly string[]): Promise<string | null> {
  const absolute = path.resolve(dir);
  let real: string;
  try {
    real = await fs.realpath(absolute);
    if (!(await fs.stat(real)).isDirectory()) return 'it is not a folder';
  } catch {
    return 'it does not exist';
  }
  if (path.dirname(real) === real) return 'the whole file system cannot be a root';
  const system = systemFolders().find((d) => isInside(real, d) || isInside(absolute, d) || isInside(d, real));
  if (system) return `it is, or is inside, or holds a system folder (${system})`;
  const own = denied.map((d) => path.resolve(d)).find((d) => isInside(real, d) || isInside(absolute, d));
  return own ? `it is inside a folder of the host itself (${own})` : null;
}

/**
 * Checks the roots a host starts with and returns them as real paths. Throws with the root and
 * the reason for the first unusable one.
 */
export async function createConfinement(roots: readonly string[], denied: readonly string[]): Promise<PathConfinement> {
  if (roots.length === 0) throw new Error('At least one root folder is needed.');
  const real: string[] = [];
  for (const root of roots) {
    const reason = await unusableRootReason(root, denied);
    if (reason) throw new Error(`The root ${path.resolve(root)} cannot be used: ${reason}.`);
    real.push(await fs.realpath(path.resolve(root)));
  }
  const deniedReal = await Promise.all(denied.map(async (d) => realOrSelf(path.resolve(d))));
  return { roots: [...new Set(real)], denied: [...new Set([...denied.map((d) => path.resolve(d)), ...deniedReal])] };
}

/** The real path of `absolute`: the nearest existing ancestor resolved, the missing rest appended. */
async function realPathOfMaybeMissing(absolute: string): Promise<string> {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      const real = await fs.realpath(current);
      return path.join(real, ...missing.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * A typed path made safe to use: absolute, inside a root once every symbolic link is followed,
 * and outside the system folders and the host's own folders. Returns the real path to operate
 * on; refuses with the path as typed and the reason.
 */
export async function confinePath(confinement: PathConfinement, given: string, what: string): Promise<string> {
  const refuse = (reason: string) =>
    new DjForgeError('path.refused', `Refused: ${what} ${JSON.stringify(given)} ${reason}.`);
  if (given.includes('\0')) throw refuse('contains a NUL character');
  if (!path.isAbsolute(given)) throw refuse('is not a full path (start it with / or a drive letter)');
  const absolute = path.resolve(given);
  let real: string;
  try {
    real = await realPathOfMaybeMissing(absolute);
  } catch (e) {
    throw refuse(`cannot be resolved (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const protectedHit = [...systemFolders(), ...confinement.denied].find(
    (d) => isInside(real, d) || isInside(absolute, d),
  );
  if (protectedHit) throw refuse(`is inside a protected folder (${protectedHit})`);
  if (!confinement.roots.some((root) => isInside(real, root))) {
    const via = real === absolute ? '' : ` (it leads to ${real})`;
    throw refuse(`is outside the folders this server may use${via}; allowed: ${confinement.roots.join(', ')}`);
  }
  return real;
}
