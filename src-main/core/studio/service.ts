/**
 * The Studio service: the one implementation of the contract that every host calls. It owns no
 * Electron or HTTP knowledge; hosts inject storage, dialogs and an event sink. Runs are the one
 * generation workflow of `core/run` (see `run-handlers.ts`), the same the CLI drives.
 */
import type { AppInfo, EmitEvent } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import { DjForgeError } from '../errors';
import type { SecretStore, SettingsStore } from '../settings';
import type { CoreFunctions } from './core-functions';
import type { StudioHandlers } from './dispatch';
import { blankDocument, importDocument } from './documents';
import { documentHandlers } from './document-handlers';
import { createFileHandlers, type FileAccessPolicy } from './file-handlers';
import type { HistoryStore } from '../history/history-store';
import { historyHandlers } from './history-handlers';
import { reviewHandlers } from './review-handlers';
import { recordReviewOnWrite } from './review-record-handlers';
import { runHandlers } from './run-handlers';
import { RunManager } from './run-manager';
import { runtimeCheckHandlers } from './runtime-check-handlers';
import { writeHandlers } from './write-handlers';

/** Native pickers; absent in the web host, where the page must give a path. */
export interface HostDialogs {
  chooseErdToOpen(): Promise<string | null>;
  chooseErdSavePath(suggestedName: string): Promise<string | null>;
  chooseOutputDir(): Promise<string | null>;
}

export interface StudioDeps {
  info: Omit<AppInfo, 'nativeDialogs'>;
  core: CoreFunctions;
  settings: SettingsStore;
  secrets: SecretStore;
  history: HistoryStore;
  emit: EmitEvent;
  dialogs?: HostDialogs;
  /** What the page may do with the disk: Electron's dialogs-only policy or the web host's roots. */
  access: FileAccessPolicy;
  /** Told when the open document or its dirty state changes (window title, close prompt). */
  onDocumentState?: (state: { name: string; dirty: boolean }) => void;
  /** Told when a document is opened or saved (the "Open Recent" menu). */
  onRecentFilesChanged?: () => void;
  /**
   * Opens a folder in the system's file manager (Electron's `shell.openPath`: resolves with an
   * error sentence, empty on success); used only on the folder a write just wrote. Absent on the
   * web host, whose page shows the path instead.
   */
  openFolder?: (folder: string) => Promise<string>;
  /** For `AGENT_CACHE_DIR`, `HOME`, `DJFORGE_PYTHON`; the cache folder is chosen as the CLI chooses it (`chooseCacheDir`). */
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => number;
}

export interface StudioService {
  handlers: StudioHandlers;
  runs: RunManager;
}

export function createStudioService(deps: StudioDeps): StudioService {
  const now = deps.now ?? Date.now;
  const runs = new RunManager(deps.emit, deps.history, now);

  const checkedErd = async (erd: Erd): Promise<Erd> => {
    const result = await importDocument(
      deps.core,
      deps.core.serializeErd(erd),
      `${erd.project.name}.djforge.json`,
      null,
    );
    return result.erd;
  };

  const files = createFileHandlers(deps, now);
  const write = writeHandlers({
    runs,
    emit: deps.emit,
    outputTarget: files.outputTarget,
    ...(deps.openFolder ? { openFolder: deps.openFolder } : {}),
  });
  const run = runHandlers({
    core: deps.core,
    runs,
    settings: deps.settings,
    secrets: deps.secrets,
    emit: deps.emit,
    env: deps.env ?? {},
    dataDir: deps.info.dataDir,
    checkedErd,
    outputTarget: files.outputTarget,
  });

  const handlers: StudioHandlers = {
    appInfo: async () => ({ ...deps.info, nativeDialogs: deps.dialogs !== undefined }),
    newErd: async () => blankDocument(),
    importErd: async ({ text, fileName }) => importDocument(deps.core, text, fileName, null),
    validateErd: async ({ erd }) => {
      let text: string;
      try {
        text = JSON.stringify(erd);
      } catch (e) {
        throw new DjForgeError('erd.invalid', `The document cannot be read as JSON: ${(e as Error).message}.`);
      }
      const result = await deps.core.importErdText(text ?? 'null', 'document.json');
      return { diagnostics: result.diagnostics };
    },
    ...run,
    getSettings: async () => (await deps.settings.load()).settings,
    setApiKey: async ({ provider, key }) => {
      await deps.secrets.set(provider, key);
      return { provider, set: await deps.secrets.has(provider) };
    },
    hasApiKey: async ({ provider }) => ({ provider, set: await deps.secrets.has(provider) }),
    setDocumentState: async (state) => {
      deps.onDocumentState?.(state);
      return {};
    },
    listHistory: async () => (await deps.history.listRuns()).reverse(),
    ...files.handlers,
    ...historyHandlers(deps.history, deps.settings),
    ...reviewHandlers({ runs, outputTarget: files.outputTarget }),
    ...documentHandlers(deps.info.dataDir, now),
    ...write,
    ...recordReviewOnWrite(write.writeProject, { runs, history: deps.history, now }),
    ...runtimeCheckHandlers({ runs, emit: deps.emit, env: deps.env ?? {} }),
  };
  return { handlers, runs };
}
