import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/api';
import { SETTINGS_SCHEMA_VERSION } from '../core/settings';
import { encryptedSecretStore, keyValueSettingsStore, type Encryptor, type KeyValueStore } from './settings-stores';

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: (k) => data[k], set: (k, v) => void (data[k] = v), delete: (k) => void delete data[k] };
}

/** Reversible and visibly not plain text, like the keychain. */
const fakeKeychain = (available = true, backend = 'gnome_libsecret'): Encryptor => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
});

describe('settings in electron-store', () => {
  it('migrates a version 1 document on first read and writes it back', async () => {
    const store = memoryStore({ settings: { schemaVersion: 1, settings: { maxConcurrent: 3, theme: 'light' } } });
    const { settings, warning } = await keyValueSettingsStore(store).load();
    expect(warning).toBeNull();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, concurrency: 3, theme: 'light' });
    expect(store.data['settings']).toEqual({ schemaVersion: SETTINGS_SCHEMA_VERSION, settings });
  });

  it('validates updates before storing them', async () => {
    const store = memoryStore();
    const settings = keyValueSettingsStore(store);
    await expect(settings.update({ timeoutSeconds: 1 })).rejects.toThrow(
      'settings.timeoutSeconds: Too small: expected number to be >=5.',
    );
    expect(store.data['settings']).toBeUndefined();
    await settings.update({ timeoutSeconds: 60 });
    expect((await settings.load()).settings.timeoutSeconds).toBe(60);
  });
});

describe('API keys through safeStorage', () => {
  it('stores only ciphertext, says whether a key is set, and removes it', async () => {
    const store = memoryStore();
    const keys = encryptedSecretStore(store, fakeKeychain());
    await keys.set('openai', 'sk-live-123');
    expect(JSON.stringify(store.data)).not.toContain('sk-live-123');
    expect(await keys.has('openai')).toBe(true);
    expect(await keys.has('openrouter')).toBe(false);
    expect(await keys.get('openai')).toBe('sk-live-123');
    const settings = await keyValueSettingsStore(store).load();
    expect(JSON.stringify(settings)).not.toContain('sk-live-123');
    await keys.set('openai', null);
    expect(await keys.has('openai')).toBe(false);
  });

  it('refuses to store a key when the keychain is unavailable', async () => {
    const keys = encryptedSecretStore(memoryStore(), fakeKeychain(false));
    await expect(keys.set('openai', 'sk-1')).rejects.toThrow(
      'The OS keychain is not available, so the API key cannot be stored safely; set it in the environment instead.',
    );
  });

  it("refuses Linux's basic_text backend (a hard-coded password) with a clear message, storing nothing", async () => {
    const store = memoryStore();
    const keys = encryptedSecretStore(store, fakeKeychain(true, 'basic_text'), 'linux');
    await expect(keys.set('openai', 'sk-1')).rejects.toThrow(
      'No keyring (GNOME Keyring, KWallet) is running, and without one Electron would keep the API key in ' +
        'what is effectively plain text ("basic_text"), so it is not stored; start a keyring and try again, ' +
        'or set the key in the environment instead.',
    );
    expect(store.data).toEqual({});
    await encryptedSecretStore(store, fakeKeychain(true, 'kwallet5'), 'linux').set('openai', 'sk-2');
    expect(await keys.has('openai')).toBe(true);
  });
});
