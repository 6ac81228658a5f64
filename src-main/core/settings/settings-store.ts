/**
 * Where a host keeps settings and API keys. The Studio service depends only on these interfaces:
 * the desktop app backs them with electron-store and safeStorage, the web host with a JSON file
 * and the environment.
 */
import type { Provider, Settings, SettingsPatch } from '../../../src-shared/api';
import { SettingsError } from './settings-document';

export interface SettingsStore {
  /** The current settings; `warning` says why defaults are in effect, if they are. */
  load(): Promise<{ settings: Settings; warning: string | null }>;
  /** Validates and persists a change; throws `SettingsError` naming the bad field. */
  update(patch: SettingsPatch): Promise<Settings>;
}

/** API keys per provider. `get` is for the engine in the main process only, never for a reply. */
export interface SecretStore {
  has(provider: Provider): Promise<boolean>;
  get(provider: Provider): Promise<string | null>;
  /** `null` removes the key. Throws when the host cannot store keys (web host: environment only). */
  set(provider: Provider, key: string | null): Promise<void>;
}

/** The variable each provider's key is read from when keys come from the environment. */
export const API_KEY_ENV: Readonly<Record<Provider, string>> = {
  openrouter: 'OPENROUTER_API_KEY',
  openai: 'OPENAI_API_KEY',
  ollama: 'OLLAMA_API_KEY',
  lmstudio: 'LMSTUDIO_API_KEY',
  custom: 'DJFORGE_API_KEY',
};

/** Keys from the environment (web host, CLI). Setting them from the page is refused. */
export function environmentSecretStore(env: Readonly<Record<string, string | undefined>>): SecretStore {
  const read = (provider: Provider) => {
    const value = env[API_KEY_ENV[provider]]?.trim();
    return value ? value : null;
  };
  return {
    has: async (provider) => read(provider) !== null,
    get: async (provider) => read(provider),
    set: async (provider) => {
      throw new SettingsError(
        `In the web host API keys come from the environment: set ${API_KEY_ENV[provider]} before running "djforge serve".`,
      );
    },
  };
}
