/**
 * Run history and recent files, persisted in the data folder so the dashboard and the
 * "Open Recent" menu survive restarts. Runs go to the append-only log (`history-log.ts`); recent
 * files are one small JSON list whose entries that fail their schema are dropped one by one rather
 * than losing the whole file.
 */
import path from 'node:path';
import { type z } from 'zod';
import { RecentFileSchema, type RecentFile, type RunRecord } from '../../../src-shared/api';
import type { ReviewHistoryRecord, RunHistoryRecord } from '../../../src-shared/api/history';
import { withFileLock } from '../settings/file-lock';
import { readJsonFile, writeJsonAtomic } from '../settings/file-settings-store';
import { historyLog, type HistoryLogOptions, type HistoryRead } from './history-log';

export const MAX_RECENT_FILES = 10;

export interface HistoryStore {
  /** The runs as the Dashboard's table lists them, oldest first. */
  listRuns(): Promise<RunRecord[]>;
  /** Every recorded run with all its figures, oldest first, and the lines that were skipped. */
  readRuns(): Promise<HistoryRead>;
  addRun(record: RunHistoryRecord): Promise<void>;
  /** Records a run's review after its run line (the app: when the person writes the project). */
  addReview(review: ReviewHistoryRecord): Promise<void>;
  listRecent(): Promise<RecentFile[]>;
  /** Moves `path` to the front; returns the new list. */
  touchRecent(entry: RecentFile): Promise<RecentFile[]>;
  clearRecent(): Promise<RecentFile[]>;
}

async function readList<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  let raw: unknown;
  try {
    raw = await readJsonFile(file);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The table row of a recorded run. */
export function runRow(record: RunHistoryRecord): RunRecord {
  const { runId, project, engine, status, startedAt, summary } = record;
  return { runId, project, engine, status, startedAt, summary };
}

/** History in `<dataDir>/history/runs.jsonl`, recent files in `<dataDir>/recent-files.json`. */
export function fileHistoryStore(dataDir: string, options: HistoryLogOptions = {}): HistoryStore {
  const log = historyLog(dataDir, options);
  const recentFile = path.join(dataDir, 'recent-files.json');
  return {
    listRuns: async () => (await log.read()).records.map(runRow),
    readRuns: () => log.read(),
    addRun: (record) => log.append(record),
    addReview: (review) => log.appendReview(review),
    listRecent: () => readList(recentFile, RecentFileSchema),
    touchRecent: (entry) =>
      withFileLock(recentFile, async () => {
        const recent = await readList(recentFile, RecentFileSchema);
        const next = [entry, ...recent.filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT_FILES);
        await writeJsonAtomic(recentFile, next);
        return next;
      }),
    clearRecent: () =>
      withFileLock(recentFile, async () => {
        await writeJsonAtomic(recentFile, []);
        return [];
      }),
  };
}
