/**
 * Settings in a JSON file (`settings.json` in the data folder): the web host's store. An update
 * reads, patches and writes under the file's lock (file-lock.ts), so concurrent updates — in one
 * process or from several — are applied one after the other and none is lost; writes are atomic
 * (unique temporary file + rename) so a crash never leaves half a file.
 */
import { promises as fs } from 'node:fs';
import type { Settings, SettingsPatch } from '../../../src-shared/api';
import { withFileLock, writeJsonAtomic } from './file-lock';
import { applySettingsPatch, readSettingsDocument, settingsDocument } from './settings-document';
import type { SettingsStore } from './settings-store';

export { writeJsonAtomic } from './file-lock';

/** Reads a JSON file: `undefined` when absent; throws an Error naming the file otherwise. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

export function fileSettingsStore(file: string): SettingsStore {
  const load = async (): Promise<{ settings: Settings; warning: string | null }> => {
    let raw: unknown;
    try {
      raw = await readJsonFile(file);
    } catch (e) {
      return {
        settings: readSettingsDocument(undefined, file).settings,
        warning: `${(e as Error).message}; using the defaults.`,
      };
    }
    const read = readSettingsDocument(raw, file);
    return { settings: read.settings, warning: read.warning };
  };
  return {
    load,
    update: (patch: SettingsPatch) =>
      withFileLock(file, async () => {
        const { settings } = await load();
        const next = applySettingsPatch(settings, patch);
        await writeJsonAtomic(file, settingsDocument(next));
        return next;
      }),
  };
}
