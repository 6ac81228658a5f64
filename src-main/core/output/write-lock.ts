/**
 * One writer per project folder at a time. Recovery rolls an interrupted write back or forward,
 * which would wreck a write that is still running, so every writer (and `recoverInterruptedWrite`)
 * first takes a lock: a small file beside the folder, `.<name>.djforge-lock`, holding the owner's
 * process id. A lock whose owner is gone (the process died, or in this process a writer that was
 * killed by the crash-injection seam) is stale and taken over; a live one is refused with a
 * sentence naming the owner.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from '../settings/file-lock';
import { killPoints, OutputError, WriterKilled, type KillPoint } from './output-error';

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

/** Tokens of the locks this process holds right now (a killed in-process writer drops its own). */
const liveTokens = new Set<string>();

/** The lock file that guards writes to `target` (an absolute folder path). */
export function lockPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.djforge-lock`);
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string')
      return parsed as LockOwner;
  } catch {
    // unreadable or half-written: treated as stale below.
  }
  return null;
}

function isStale(owner: LockOwner | null): boolean {
  if (owner === null) return true;
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return !liveTokens.has(owner.token);
  return !processAlive(owner.pid);
}

/**
 * Run `task` holding the write lock of `target`. When `task` throws `WriterKilled` (the
 * crash-injection seam), the lock file stays behind as a killed process would leave it, and the
 * injected error is rethrown.
 */
export async function withWriteLock<T>(target: string, task: () => Promise<T>, killPoint?: KillPoint): Promise<T> {
  const file = lockPath(target);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex') };
  await fs.mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(owner), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
      const current = await readOwner(file);
      if (!isStale(current)) {
        throw new OutputError(
          `Another DjForge write to ${target} is in progress (process ${current?.pid ?? '?'} on ${current?.host ?? '?'}); ` +
            `wait for it to finish, or remove ${file} if that process no longer runs.`,
          'output.write-failed',
        );
      }
      await fs.rm(file, { force: true });
    }
  }
  liveTokens.add(owner.token);
  let abandoned = false;
  try {
    const result = await task();
    await killPoints(killPoint)('release the lock');
    return result;
  } catch (e) {
    if (e instanceof WriterKilled) {
      abandoned = true;
      throw e.injected;
    }
    throw e;
  } finally {
    liveTokens.delete(owner.token);
    if (!abandoned) await fs.rm(file, { force: true });
  }
}
