/**
 * The run history on disk: one JSON line per run, appended, in `<dataDir>/history/runs.jsonl`.
 * Appending never rewrites what is there, so a crash can at worst truncate the last line; a line
 * that is not a valid record (truncated, hand-edited, written by a newer version) is skipped with
 * a warning naming the file and line, and never costs the others. Writers from several processes
 * (the app, `djforge generate` in CI) take the data folder's file lock, so their lines never
 * interleave. The log is bounded: past `maxBytes` it is rotated to `runs.1.jsonl` (older ones
 * shift up, the oldest beyond `keep` is deleted).
 *
 * A run's review, decided after its line was written (the app records a run when it ends and the
 * review when the person writes the project), goes to `reviews.jsonl` beside it under the same
 * rules; `read` merges the latest review of each run into the run, so no line is ever rewritten.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  ReviewHistoryRecordSchema,
  RunHistoryRecordSchema,
  type ReviewHistoryRecord,
  type RunHistoryRecord,
} from '../../../src-shared/api/history';
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
  readonly reviewsFile: string;
  append(record: RunHistoryRecord): Promise<void>;
  /** Appends a run's review; `read` shows it in the run with that id. */
  appendReview(review: ReviewHistoryRecord): Promise<void>;
  read(): Promise<HistoryRead>;
}

async function size(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

async function readLines<T>(
  file: string,
  schema: z.ZodType<T>,
  what: string,
  into: { items: T[]; warnings: string[] },
): Promise<void> {
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
    const parsed = schema.safeParse(raw);
    if (parsed.success) into.items.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      const at = issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid';
      into.warnings.push(`${where}: not a ${what} (${at}); skipped.`);
    }
  });
}

/** One append-only JSON-lines file with its rotated predecessors, `<dir>/<base>.jsonl`. */
function lineFile<T>(dir: string, base: string, schema: z.ZodType<T>, what: string, maxBytes: number, keep: number) {
  const file = path.join(dir, `${base}.jsonl`);
  const rotated = (n: number) => path.join(dir, `${base}.${n}.jsonl`);

  async function rotate(): Promise<void> {
    await fs.rm(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) await fs.rename(rotated(n), rotated(n + 1)).catch(() => undefined);
    if (keep >= 1) await fs.rename(file, rotated(1));
    else await fs.rm(file, { force: true });
  }

  return {
    file,
    append: async (item: T) => {
      const line = JSON.stringify(schema.parse(item)) + '\n';
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
    read: async (warnings: string[]): Promise<T[]> => {
      const into = { items: [] as T[], warnings };
      for (let n = keep; n >= 1; n--) await readLines(rotated(n), schema, what, into);
      await readLines(file, schema, what, into);
      return into.items;
    },
  };
}

/** `records` with the latest review of each run (a later review record overrides an earlier one). */
export function mergeReviews(
  records: readonly RunHistoryRecord[],
  reviews: readonly ReviewHistoryRecord[],
): RunHistoryRecord[] {
  const latest = new Map<string, ReviewHistoryRecord>();
  for (const r of reviews) latest.set(r.runId, r);
  return records.map((record) => {
    const found = latest.get(record.runId);
    if (!found) return record;
    const { kind: _kind, version: _version, runId: _runId, host: _host, ...review } = found;
    return { ...record, review };
  });
}

/** The history log in `<dataDir>/history/`. */
export function historyLog(dataDir: string, options: HistoryLogOptions = {}): HistoryLog {
  const dir = path.join(dataDir, 'history');
  const maxBytes = options.maxBytes ?? HISTORY_MAX_BYTES;
  const keep = options.keep ?? HISTORY_KEEP_ROTATED;
  const runs = lineFile(dir, 'runs', RunHistoryRecordSchema, 'run record', maxBytes, keep);
  const reviews = lineFile(dir, 'reviews', ReviewHistoryRecordSchema, 'review record', maxBytes, keep);
  return {
    file: runs.file,
    reviewsFile: reviews.file,
    append: (record) => runs.append(record),
    appendReview: (review) => reviews.append(review),
    read: async () => {
      const warnings: string[] = [];
      const records = await runs.read(warnings);
      const reviewed = await reviews.read(warnings);
      return { records: mergeReviews(records, reviewed), warnings };
    },
  };
}
