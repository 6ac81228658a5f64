/**
 * Settings and API keys in the desktop app. Both sit in one electron-store file in the app's data
 * folder: settings as the versioned document of `core/settings` (validated and migrated on every
 * read), keys encrypted with the OS keychain through `safeStorage`. Keys are decrypted only when
 * the engine needs one, in the main process; nothing here ever hands a key to the page.
 */
import type { Provider, SettingsPatch } from '../../src-shared/api';
import {
  applySettingsPatch,
  readSettingsDocument,
  settingsDocument,
  SettingsError,
  type SecretStore,
  type SettingsStore,
} from '../core/settings';

/** The part of electron-store used here (also what the tests fake). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** The part of Electron's `safeStorage` used here. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs the encryption (`basic_text` = a hard-coded password). */
  getSelectedStorageBackend?(): string;
}

/**
 * Why keys cannot be stored safely here, or null. On Linux without a keyring Electron falls back
 * to `basic_text`: "encryption" with a password hard-coded in Chromium, which any local process
 * can undo, so it counts as plain text and is refused.
 */
export function keychainRefusal(encryptor: Encryptor, platform: NodeJS.Platform = process.platform): string | null {
  if (!encryptor.isEncryptionAvailable())
    return 'The OS keychain is not available, so the API key cannot be stored safely; set it in the environment instead.';
  if (platform === 'linux' && encryptor.getSelectedStorageBackend?.() === 'basic_text')
    return (
      'No keyring (GNOME Keyring, KWallet) is running, and without one Electron would keep the API key in ' +
      'what is effectively plain text ("basic_text"), so it is not stored; start a keyring and try again, or ' +
      'set the key in the environment instead.'
    );
  return null;
}

export const SETTINGS_KEY = 'settings';
export const KEYS_KEY = 'apiKeys';

export function keyValueSettingsStore(store: KeyValueStore): SettingsStore {
  const load = async () => {
    const read = readSettingsDocument(store.get(SETTINGS_KEY), SETTINGS_KEY);
    if (read.migratedFrom !== null) store.set(SETTINGS_KEY, settingsDocument(read.settings));
    return { settings: read.settings, warning: read.warning };
  };
  return {
    load,
    async update(patch: SettingsPatch) {
      const next = applySettingsPatch((await load()).settings, patch);
      store.set(SETTINGS_KEY, settingsDocument(next));
      return next;
    },
  };
}

export function encryptedSecretStore(
  store: KeyValueStore,
  encryptor: Encryptor,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const path = (provider: Provider) => `${KEYS_KEY}.${provider}`;
  return {
    has: async (provider) => typeof store.get(path(provider)) === 'string',
    async get(provider) {
      const stored = store.get(path(provider));
      if (typeof stored !== 'string') return null;
      try {
        return encryptor.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        throw new SettingsError(
          `The saved ${provider} API key cannot be decrypted (the OS keychain changed); enter it again in Settings.`,
        );
      }
    },
    async set(provider, key) {
      if (key === null) return store.delete(path(provider));
      const refusal = keychainRefusal(encryptor, platform);
      if (refusal) throw new SettingsError(refusal);
      store.set(path(provider), encryptor.encryptString(key).toString('base64'));
    },
  };
}
