/**
 * Run history and recent files, persisted as JSON in the data folder so the dashboard and the
 * "Open Recent" menu survive restarts. Entries that fail their schema are dropped one by one
 * rather than losing the whole file.
 */
import path from 'node:path';
import { type z } from 'zod';
import { RecentFileSchema, RunRecordSchema, type RecentFile, type RunRecord } from '../../../src-shared/api';
import { withFileLock } from '../settings/file-lock';
import { readJsonFile, writeJsonAtomic } from '../settings/file-settings-store';

export const MAX_HISTORY = 500;
export const MAX_RECENT_FILES = 10;

export interface HistoryStore {
  listRuns(): Promise<RunRecord[]>;
  addRun(record: RunRecord): Promise<void>;
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

/** History in `<dataDir>/history.json`, recent files in `<dataDir>/recent-files.json`. */
export function fileHistoryStore(dataDir: string): HistoryStore {
  const historyFile = path.join(dataDir, 'history.json');
  const recentFile = path.join(dataDir, 'recent-files.json');
  return {
    listRuns: () => readList(historyFile, RunRecordSchema),
    addRun: (record) =>
      withFileLock(historyFile, async () => {
        const runs = await readList(historyFile, RunRecordSchema);
        await writeJsonAtomic(historyFile, [...runs, record].slice(-MAX_HISTORY));
      }),
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
