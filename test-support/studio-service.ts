/**
 * The studio service as the handler tests use it: the real core, settings and history stores in
 * files under `dir/data`, file access confined to `dir`, no key store (no key is ever set), and
 * events handed to `emit`. Only what a test varies is passed.
 */
import path from 'node:path';
import type { SecretStore } from '../src-main/core/settings';
import { fileSettingsStore } from '../src-main/core/settings';
import { fileHistoryStore } from '../src-main/core/history/history-store';
import { createConfinement } from '../src-main/core/studio/capabilities';
import { defaultCoreFunctions as core } from '../src-main/core/studio/default-core';
import { createStudioService, type StudioDeps, type StudioService } from '../src-main/core/studio/service';

const noSecrets: SecretStore = { has: async () => false, get: async () => null, set: async () => undefined };

export async function studioInFolder(
  dir: string,
  extra: Partial<Pick<StudioDeps, 'emit' | 'env' | 'openFolder'>> = {},
): Promise<StudioService> {
  const data = path.join(dir, 'data');
  return createStudioService({
    info: { name: 'DjForge Studio', version: '0.1.0', host: 'web', dataDir: data },
    core,
    settings: fileSettingsStore(path.join(data, 'settings.json')),
    secrets: noSecrets,
    history: fileHistoryStore(data),
    emit: () => undefined,
    access: { confinement: await createConfinement([dir], []), settingsPaths: 'check' },
    ...extra,
  });
}
