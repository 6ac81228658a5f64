import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/api';
import {
  applySettingsPatch,
  environmentSecretStore,
  fileSettingsStore,
  readSettingsDocument,
  SETTINGS_SCHEMA_VERSION,
  SettingsError,
} from './index';

describe('readSettingsDocument', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(readSettingsDocument(undefined, 'store')).toEqual({
      settings: DEFAULT_SETTINGS,
      warning: null,
      migratedFrom: null,
    });
  });

  it('migrates a version 1 document to the current layout', () => {
    const v1 = {
      schemaVersion: 1,
      settings: {
        provider: 'custom',
        apiBase: 'http://127.0.0.1:8080/v1',
        model: 'qwen-coder',
        fallbackChain: 'llama-3, , mistral ',
        maxConcurrent: 6,
        timeoutMs: 90_000,
        theme: 'dark',
      },
    };
    const read = readSettingsDocument(v1, 'store');
    expect(read.warning).toBeNull();
    expect(read.migratedFrom).toBe(1);
    expect(read.settings).toEqual({
      ...DEFAULT_SETTINGS,
      provider: 'custom',
      baseUrl: 'http://127.0.0.1:8080/v1',
      model: 'qwen-coder',
      fallbackModels: ['llama-3', 'mistral'],
      concurrency: 6,
      timeoutSeconds: 90,
      theme: 'dark',
    });
  });

  it('treats a document without schemaVersion as version 1', () => {
    expect(readSettingsDocument({ settings: { maxConcurrent: 2 } }, 'store').settings.concurrency).toBe(2);
  });

  it('falls back to the defaults with a warning naming the bad field', () => {
    const read = readSettingsDocument(
      { schemaVersion: 2, settings: { ...DEFAULT_SETTINGS, concurrency: 99 } },
      'settings.json',
    );
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.warning).toMatch(
      /^settings\.json\.settings\.concurrency: Too big: expected number to be <=32\. Using the defaults\.$/,
    );
  });

  it('refuses a document from a newer version', () => {
    const read = readSettingsDocument({ schemaVersion: SETTINGS_SCHEMA_VERSION + 1, settings: {} }, 'store');
    expect(read.warning).toBe(
      `store.schemaVersion: version ${SETTINGS_SCHEMA_VERSION + 1} was written by a newer DjForge Studio (this one reads up to ${SETTINGS_SCHEMA_VERSION}); using the defaults.`,
    );
  });

  it('rejects keys it does not know, so a stray apiKey is never carried along', () => {
    const read = readSettingsDocument(
      { schemaVersion: 2, settings: { ...DEFAULT_SETTINGS, apiKey: 'sk-secret' } },
      'store',
    );
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.warning).toContain('apiKey');
    expect(JSON.stringify(read.settings)).not.toContain('sk-secret');
  });
});

describe('applySettingsPatch', () => {
  it('merges baselines partially', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { baselines: { pipelineMs: 1500 }, concurrency: 8 });
    expect(next.concurrency).toBe(8);
    expect(next.baselines).toEqual({ ...DEFAULT_SETTINGS.baselines, pipelineMs: 1500 });
  });

  it('names the field when the result is invalid', () => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { provider: 'custom' })).toThrow(
      new SettingsError('settings.baseUrl: The custom provider needs a base URL.'),
    );
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { autoApproveThreshold: 1.5 })).toThrow(
      /^settings\.autoApproveThreshold: Too big/,
    );
  });

  it('refuses an API key smuggled into a settings update', () => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { apiKey: 'sk-1' })).toThrow(
      /settings: Unrecognized key: "apiKey"/,
    );
  });
});

describe('fileSettingsStore', () => {
  it('persists updates as a versioned document and reads them back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'djf-settings-'));
    const store = fileSettingsStore(path.join(dir, 'settings.json'));
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, warning: null });
    await store.update({ theme: 'light', model: 'gpt-4.1' });
    const stored = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as unknown;
    expect(stored).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      settings: { ...DEFAULT_SETTINGS, theme: 'light', model: 'gpt-4.1' },
    });
    expect((await store.load()).settings.model).toBe('gpt-4.1');
  });

  it('reports a corrupt file by name and keeps it untouched', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'djf-settings-'));
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{ not json');
    const loaded = await fileSettingsStore(file).load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.warning).toMatch(
      new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')} is not valid JSON: .*; using the defaults\\.$`),
    );
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });
});

describe('environmentSecretStore', () => {
  it('reads keys from the variables and refuses to set them', async () => {
    const secrets = environmentSecretStore({ OPENROUTER_API_KEY: ' sk-or-1 ', OPENAI_API_KEY: '' });
    expect(await secrets.has('openrouter')).toBe(true);
    expect(await secrets.get('openrouter')).toBe('sk-or-1');
    expect(await secrets.has('openai')).toBe(false);
    await expect(secrets.set('openai', 'sk-2')).rejects.toThrow(
      'In the web host API keys come from the environment: set OPENAI_API_KEY before running "djforge serve".',
    );
  });
});
