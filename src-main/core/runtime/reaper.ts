/**
 * Nothing a run starts outlives it. Every child started by `spawnChild` leads its own process
 * group and every temporary project copy is registered here; on the parent's exit, Ctrl-C
 * (SIGINT), SIGTERM or SIGHUP the groups are killed and the copies removed, synchronously, before
 * the process goes. The handlers are installed only while something is registered, so a host that
 * has nothing running keeps the default signal behaviour. A copy left by a parent killed with
 * SIGKILL is removed by the next run (its folder name carries the dead parent's pid).
 */
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const groups = new Set<number>();
const tempDirs = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

/** Kill every registered process group and remove every registered temporary copy, now. */
export function reapAll(): void {
  for (const pid of groups) killGroup(pid);
  groups.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  update();
}

/** SIGKILL the process group led by `pid` (the child itself where groups do not exist). */
export function killGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  // Ctrl-C with another listener (a run's cancel, a review's "stop this regeneration") is that
  // listener's to handle; it ends in a normal exit, where `onExit` reaps. Otherwise the signal
  // would have ended the process: reap, then die of the same signal with its default action.
  if (signal === 'SIGINT' && process.listenerCount('SIGINT') > 1) return;
  reapAll();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const onExit = (): void => reapAll();

function update(): void {
  const wanted = groups.size > 0 || tempDirs.size > 0;
  if (wanted === installed) return;
  installed = wanted;
  if (wanted) {
    process.on('exit', onExit);
    for (const s of SIGNALS) process.on(s, onSignal);
  } else {
    process.off('exit', onExit);
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}

/** Track a child's process group until `release` is called (when the child has exited). */
export function trackGroup(pid: number): () => void {
  groups.add(pid);
  update();
  return () => {
    groups.delete(pid);
    update();
  };
}

/** Process groups and temporary copies currently tracked (for tests and diagnostics). */
export function tracked(): { groups: number[]; tempDirs: string[] } {
  return { groups: [...groups], tempDirs: [...tempDirs] };
}

const PREFIX = 'djforge-runtime-';

/**
 * A fresh temporary folder `djforge-runtime-<pid>-XXXXXX` (real path), removed on exit or signal
 * unless `release` removed it first. Folders of earlier parents that no longer run are removed.
 */
export async function trackedTempDir(): Promise<{ dir: string; release: () => void }> {
  sweepStale();
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`)));
  tempDirs.add(dir);
  update();
  return {
    dir,
    release: () => {
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
      update();
    },
  };
}

function sweepStale(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^djforge-runtime-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid))
      rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
