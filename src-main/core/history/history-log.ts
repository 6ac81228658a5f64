/**
 * The run history on disk: one JSON line per run, appended, in `<dataDir>/history/runs.jsonl`.
 * Appending never rewrites what is there, so a crash can at worst truncate the last line; a line
 * that is not a valid record (truncated, hand-edited, written by a newer version) is skipped with
 * a warning naming the file and line, and never costs the others. Writers from several processes
 * (the app, `djforge generate` in CI) take the data folder's file lock, so their lines never
 * interleave. The log is bounded: past `maxBytes` it is rotated to `runs.1.jsonl` (older ones
 * shift up, the oldest beyond `keep` is deleted).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RunHistoryRecordSchema, type RunHistoryRecord } from '../../../src-shared/api/history';
import { withFileLock } from '../settings/file-lock';

export const HISTORY_MAX_BYTES = 4 * 1024 * 1024;
export const HISTORY_KEEP_ROTATED = 3;

export interface HistoryLogOptions {
  /** Rotate when the current file would grow past this many bytes. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
}

export interface HistoryRead {
  /** Oldest first. */
  records: RunHistoryRecord[];
  /** One sentence per skipped line: file, line number and why. */
  warnings: string[];
}

export interface HistoryLog {
  readonly file: string;
  append(record: RunHistoryRecord): Promise<void>;
  read(): Promise<HistoryRead>;
}

async function size(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

async function readLines(file: string, into: HistoryRead): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      into.warnings.push(`${file}: ${(e as Error).message}; skipped.`);
    return;
  }
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      const last = index === lines.length - 1;
      into.warnings.push(`${where}: not a complete JSON line${last ? ' (truncated write?)' : ''}; skipped.`);
      return;
    }
    const parsed = RunHistoryRecordSchema.safeParse(raw);
    if (parsed.success) into.records.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      const at = issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid';
      into.warnings.push(`${where}: not a run record (${at}); skipped.`);
    }
  });
}

/** The history log in `<dataDir>/history/`. */
export function historyLog(dataDir: string, options: HistoryLogOptions = {}): HistoryLog {
  const dir = path.join(dataDir, 'history');
  const file = path.join(dir, 'runs.jsonl');
  const maxBytes = options.maxBytes ?? HISTORY_MAX_BYTES;
  const keep = options.keep ?? HISTORY_KEEP_ROTATED;
  const rotated = (n: number) => path.join(dir, `runs.${n}.jsonl`);

  async function rotate(): Promise<void> {
    await fs.rm(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) await fs.rename(rotated(n), rotated(n + 1)).catch(() => undefined);
    if (keep >= 1) await fs.rename(file, rotated(1));
    else await fs.rm(file, { force: true });
  }

  return {
    file,
    append: async (record) => {
      const line = JSON.stringify(RunHistoryRecordSchema.parse(record)) + '\n';
      await fs.mkdir(dir, { recursive: true });
      await withFileLock(file, async () => {
        const current = await size(file);
        if (current > 0 && current + Buffer.byteLength(line) > maxBytes) await rotate();
        // One write of the whole line with O_APPEND, under the lock: no other writer sits between.
        const handle = await fs.open(file, 'a');
        try {
          await handle.write(line);
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
    },
    read: async () => {
      const result: HistoryRead = { records: [], warnings: [] };
      for (let n = keep; n >= 1; n--) await readLines(rotated(n), result);
      await readLines(file, result);
      return result;
    },
  };
}
