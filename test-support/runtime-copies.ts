/**
 * What a runtime-layer run left behind, seen from outside: processes working in one of its
 * temporary copies (`djforge-runtime-<owner pid>-…`, so bubblewrap and the `manage.py` inside
 * it are both found), and the copies themselves. Linux only (reads /proc).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `pid cwd` of each live process whose working folder is a runtime copy of `ownerPid`. */
export async function liveInCopies(ownerPid: number): Promise<string[]> {
  const prefix = path.join(await fs.realpath(os.tmpdir()), `djforge-runtime-${ownerPid}-`);
  const found: string[] = [];
  for (const pid of (await fs.readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const cwd = await fs.readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (cwd.startsWith(prefix)) found.push(`${pid} ${cwd}`);
  }
  return found;
}

/** The runtime copies of `ownerPid` still in the temporary folder. */
export async function copiesOf(ownerPid: number): Promise<string[]> {
  return (await fs.readdir(os.tmpdir())).filter((n) => n.startsWith(`djforge-runtime-${ownerPid}-`));
}

/** Poll `test` every 50 ms until it holds; throws naming `what` after `ms`. */
export async function waitFor(what: string, test: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
