import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/result';
import { fileSettingsStore } from '../core/settings';
import {
  CapabilityTable,
  createStudioService,
  dispatchStudio,
  fileHistoryStore,
  type StudioService,
} from '../core/studio';
import { defaultCoreFunctions } from '../core/studio/default-core';
import { electronAccessPolicy, electronHistory } from './file-access';
import type { KeyValueStore } from './settings-stores';
import { productErd } from '../../test-support/fixtures/app-erds';

const SHOP = productErd();

let dir: string;
let studio: StudioService;
let capabilities: CapabilityTable;
/** What the native dialogs answer next (null: the user cancelled). */
const answers = { open: null as string | null, save: null as string | null, folder: null as string | null };

const call = <T>(method: string, payload: unknown = {}) =>
  dispatchStudio(studio.handlers, method, payload) as Promise<Result<T>>;
async function value<T>(method: string, payload: unknown = {}): Promise<T> {
  const result = await call<T>(method, payload);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'djf-electron-files-'));
  await writeFile(path.join(dir, 'shop.json'), JSON.stringify(SHOP));
  const data: Record<string, unknown> = {};
  const store: KeyValueStore = {
    get: (k) => data[k],
    set: (k, v) => void (data[k] = v),
    delete: (k) => delete data[k],
  };
  capabilities = new CapabilityTable();
  answers.open = answers.save = answers.folder = null;
  studio = createStudioService({
    info: { name: 'DjForge Studio', version: 't', host: 'electron', dataDir: dir },
    core: defaultCoreFunctions,
    settings: fileSettingsStore(path.join(dir, 'settings.json')),
    secrets: { has: async () => false, get: async () => null, set: async () => undefined },
    history: electronHistory(store, fileHistoryStore(dir)),
    emit: () => undefined,
    dialogs: {
      chooseErdToOpen: async () => answers.open,
      chooseErdSavePath: async () => answers.save,
      chooseOutputDir: async () => answers.folder,
    },
    access: electronAccessPolicy(capabilities),
  });
});

describe('files in the desktop app come from the dialogs only', () => {
  it('refuses every typed path from the page, even to a file it may open through the dialog', async () => {
    const typed = path.join(dir, 'shop.json');
    const refused = {
      ok: false,
      error: {
        code: 'host.dialogs-only',
        message: 'Refused: this app takes files and folders only from its dialogs, not from a typed path.',
      },
    };
    expect(await call('openErd', { path: typed })).toMatchObject(refused);
    expect(await call('saveErd', { erd: SHOP, path: path.join(dir, 'x.json') })).toMatchObject(refused);
    expect(await call('writeProject', { runId: 'none', outDir: dir })).toMatchObject({
      ok: false,
      error: { code: 'run.unknown' },
    });
  });

  it('grants an id for what the user chose, and refuses ids it never granted', async () => {
    answers.open = path.join(dir, 'shop.json');
    const doc = await value<{ file: string; path: string }>('openErd', {});
    expect(doc.path).toBe(answers.open);
    answers.open = null;
    expect(await value('openErd', {})).toBeNull();
    expect(await value('openErd', { file: doc.file })).toMatchObject({ name: 'shop.json', file: doc.file });
    const edited = { ...SHOP, project: { name: 'shop2' } };
    expect(await value('saveErd', { erd: edited, file: doc.file })).toEqual({
      path: doc.path,
      name: 'shop.json',
      file: doc.file,
    });
    expect(JSON.parse(await readFile(doc.path, 'utf8'))).toMatchObject({ project: { name: 'shop2' } });
    expect(await call('openErd', { file: 'ZZZZZZZZZZZZZZZZZZZZZZZZ' })).toMatchObject({
      ok: false,
      error: { code: 'capability.unknown' },
    });
  });

  it('lists the recent files the user opened through the dialog by id, with the menu granting the same id', async () => {
    answers.save = path.join(dir, 'saved.json');
    const saved = await value<{ file: string }>('saveErd', { erd: SHOP });
    expect(await value('listRecentFiles')).toEqual([
      { path: answers.save, name: 'saved.json', openedAt: expect.any(Number), file: saved.file },
    ]);
    expect(capabilities.grant('erd', answers.save)).toBe(saved.file);
    expect(await value('openErd', { file: saved.file })).toMatchObject({ name: 'saved.json' });
  });

  it('writes a project only into the folder chosen in the dialog, and again by its id', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd: SHOP, engine: 'template' });
    await studio.runs.settled(runId);
    const files = (await value<{ files: { path: string }[] }>('getRun', { runId })).files.map((f) => f.path);
    await value('decideFiles', { runId, paths: files, decision: 'approved' });
    answers.folder = path.join(dir, 'api');
    const written = await value<{ folder: string; mode: string }>('writeProject', { runId });
    expect(written.mode).toBe('created');
    expect(await value('writeProject', { runId, folder: written.folder })).toMatchObject({ mode: 'merged' });
    answers.open = path.join(dir, 'shop.json');
    const fileId = (await value<{ file: string }>('openErd', {})).file;
    expect(await call('writeProject', { runId, folder: fileId })).toMatchObject({
      ok: false,
      error: {
        code: 'capability.unknown',
        message: 'Refused: this folder was not chosen in this session; choose it again with the dialog.',
      },
    });
  });
});

describe('settings that name paths, in the desktop app', () => {
  it('accept a real Python and refuse anything else', async () => {
    expect(await value('updateSettings', { pythonPath: '/usr/bin/python3' })).toMatchObject({
      pythonPath: '/usr/bin/python3',
    });
    expect(await call('updateSettings', { pythonPath: '/bin/sh' })).toMatchObject({
      ok: false,
      error: {
        code: 'settings.invalid',
        message: 'pythonPath /bin/sh: it is not named like a Python interpreter (python, python3, python3.12…).',
      },
    });
    expect(await call('updateSettings', { cacheDir: '/etc/djforge' })).toMatchObject({
      ok: false,
      error: { code: 'settings.invalid', message: 'cacheDir /etc/djforge: it is a system folder (/etc).' },
    });
  });
});
