/**
 * The desktop app's file-access policy: files and folders come only from the native dialogs and
 * from the recent files the user opened through them; the page holds their capability ids, never
 * a path the main process would act on. The recent list lives in the app's own store, not in the
 * data folder's shared list (which the web host writes), so only dialog choices ever enter it.
 */
import type { RecentFile } from '../../src-shared/api';
import { RecentFileSchema } from '../../src-shared/api';
import type { CapabilityTable, FileAccessPolicy, HistoryStore } from '../core/studio';
import type { KeyValueStore } from './settings-stores';

export const RECENT_KEY = 'recentFiles';
export const MAX_RECENT = 10;

export function electronAccessPolicy(capabilities: CapabilityTable): FileAccessPolicy {
  return {
    confinement: null,
    settingsPaths: 'check',
    settingsHint: 'change it in Settings.',
    capabilities,
  };
}

/** Run history from `runs`; recent files in the app's store. */
export function electronHistory(store: KeyValueStore, runs: HistoryStore): HistoryStore {
  const read = (): RecentFile[] => {
    const raw = store.get(RECENT_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = RecentFileSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  };
  return {
    listRuns: () => runs.listRuns(),
    readRuns: () => runs.readRuns(),
    addRun: (record) => runs.addRun(record),
    addReview: (review) => runs.addReview(review),
    listRecent: async () => read(),
    touchRecent: async (entry) => {
      const next = [entry, ...read().filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT);
      store.set(RECENT_KEY, next);
      return next;
    },
    clearRecent: async () => {
      store.set(RECENT_KEY, []);
      return [];
    },
  };
}
