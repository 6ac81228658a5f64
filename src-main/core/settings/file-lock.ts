/**
 * Read-modify-write of a small JSON file (settings, history, recent files) by several writers at
 * once — concurrent requests of one host, or the app and a `djforge serve` on the same data folder —
 * without losing an update or failing a rename. Writers of one file are queued in this process and
 * take a lock file (`<file>.lock`, created exclusively) against other processes; every write goes
 * to a uniquely named temporary file that is flushed and renamed over the target, so a reader
 * never sees half a file. A lock left by a process that no longer runs is taken over.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** How long a writer waits for another process's lock before giving up with an error. */
export const LOCK_WAIT_MS = 10_000;

const queues = new Map<string, Promise<unknown>>();

/** Whether a process of this id is running (one of another user counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockOwner(lock: string): Promise<number | null> {
  try {
    const pid = Number((await fs.readFile(lock, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function lockAge(lock: string): Promise<number> {
  try {
    return Date.now() - (await fs.stat(lock)).mtimeMs;
  } catch {
    return 0;
  }
}

async function acquire(lock: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      await fs.writeFile(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = await lockOwner(lock);
    // A lock naming a process that no longer runs (or this process: it cannot be ours, the queue
    // serialises our own writers) is stale; so is an unreadable one older than a moment (its
    // writer died between creating and filling it). A fresh unreadable one is being written: wait.
    const abandoned = owner === null && (await lockAge(lock)) > 2000;
    if (abandoned || (owner !== null && (owner === process.pid || !processAlive(owner)))) {
      await fs.rm(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `${lock} has been held by process ${owner ?? '?'} for ${LOCK_WAIT_MS / 1000} s; cannot update ${path.basename(lock, '.lock')}.`,
      );
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Run `task` as the only writer of `file`, in this process and across processes. Tasks for the
 * same file run one after the other, in call order; a failing task does not block the next.
 */
export function withFileLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const run = async () => {
    await fs.mkdir(path.dirname(key), { recursive: true });
    const lock = `${key}.lock`;
    await acquire(lock);
    try {
      return await task();
    } finally {
      await fs.rm(lock, { force: true });
    }
  };
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/** Replace `file` with `value` as JSON atomically: unique temporary file, flushed, renamed. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(value, null, 2) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
