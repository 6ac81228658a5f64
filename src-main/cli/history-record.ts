/**
 * `djforge generate` records its run in the same history as the app (`DJFORGE_DATA_DIR`, else the
 * app's data folder), so CI pipelines that share the folder feed one dashboard. The prices come
 * from the app's settings there when it has any. Recording is a convenience: a failure to record
 * is a warning, never a failed generation.
 */
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PRICES } from '../../src-shared/api/settings';
import { buildHistoryRecord, type RecordInput } from '../core/history/build-record';
import { historyLog } from '../core/history/history-log';
import { defaultDataDir } from '../core/settings/data-dir';
import { fileSettingsStore } from '../core/settings/file-settings-store';
import type { CliIo } from './io';

/** The data folder the CLI shares with the app. */
export function cliDataDir(io: CliIo): string {
  return defaultDataDir(io.env, process.platform, io.env['HOME'] ?? os.homedir());
}

/** Appends the run to the history; prints a warning instead of failing. */
export async function recordCliRun(io: CliIo, input: Omit<RecordInput, 'host' | 'prices'>): Promise<void> {
  const dataDir = cliDataDir(io);
  try {
    const { settings } = await fileSettingsStore(path.join(dataDir, 'settings.json')).load();
    const record = buildHistoryRecord({ ...input, host: 'cli', prices: settings.prices ?? DEFAULT_PRICES });
    await historyLog(dataDir).append(record);
  } catch (e) {
    io.stderr(`warning: the run was not recorded in the history at ${dataDir}: ${(e as Error).message}\n`);
  }
}
