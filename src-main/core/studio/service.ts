/**
 * The Studio service: the one implementation of the contract that every host calls. It owns no
 * Electron or HTTP knowledge; hosts inject storage, dialogs and an event sink.
 */
import path from 'node:path';
import type { AppInfo, EmitEvent } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import { AgentCache } from '../cache';
import type { PipelineOptions } from '../pipeline';
import type { SecretStore, SettingsStore } from '../settings';
import type { CoreFunctions } from './core-functions';
import type { StudioHandlers } from './dispatch';
import { blankDocument, exportFileName, importDocument } from './documents';
import { createFileHandlers, type FileAccessPolicy } from './file-handlers';
import { StudioFailure } from './failure';
import type { HistoryStore } from './history-store';
import { pipelineRunPlan } from './pipeline-run';
import { RunManager } from './run-manager';

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
  /** For `AGENT_CACHE_DIR`; the cache otherwise lives in `<dataDir>/cache` or `settings.cacheDir`. */
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
  const caches = new Map<string, AgentCache>();
  const cacheFor = (dir: string) => {
    const cache = caches.get(dir) ?? new AgentCache({ dir });
    caches.set(dir, cache);
    return cache;
  };

  const checkedErd = async (erd: Erd): Promise<Erd> => {
    const result = await importDocument(
      deps.core,
      deps.core.serializeErd(erd),
      `${erd.project.name}.djforge.json`,
      null,
    );
    return result.erd;
  };

  const handlers: StudioHandlers = {
    appInfo: async () => ({ ...deps.info, nativeDialogs: deps.dialogs !== undefined }),
    newErd: async () => blankDocument(),
    importErd: async ({ text, fileName }) => importDocument(deps.core, text, fileName, null),
    exportErd: async ({ erd }) => ({ fileName: exportFileName(erd), text: deps.core.serializeErd(erd) }),
    validateErd: async ({ erd }) => {
      let text: string;
      try {
        text = JSON.stringify(erd);
      } catch (e) {
        throw new StudioFailure('erd.invalid', `The document cannot be read as JSON: ${(e as Error).message}.`);
      }
      const result = await deps.core.importErdText(text ?? 'null', 'document.json');
      return { diagnostics: result.diagnostics };
    },
    startRun: async ({ erd, engine }) => {
      const valid = await checkedErd(erd);
      const { settings } = await deps.settings.load();
      const chosen = engine ?? settings.engine;
      const base: PipelineOptions = { engine: chosen, concurrency: settings.concurrency };
      const python = settings.pythonPath ?? undefined;
      if (chosen === 'template') {
        return { runId: runs.start(pipelineRunPlan(deps.core, valid, 'template', base, python ? { python } : {})) };
      }
      const apiKey = await deps.secrets.get(settings.provider);
      let prepared: Awaited<ReturnType<typeof deps.core.prepareLlmEngine>>;
      try {
        prepared = await deps.core.prepareLlmEngine({
          provider: settings.provider,
          ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
          ...(apiKey ? { apiKey } : {}),
          model: settings.model,
          fallbackModels: settings.fallbackModels,
          requestTimeoutMs: settings.timeoutSeconds * 1000,
          ...(settings.pythonPath ? { python: settings.pythonPath } : {}),
        });
      } catch (e) {
        throw new StudioFailure('settings.invalid', `Settings › ${settings.provider}: ${(e as Error).message}`);
      }
      const cacheDir = settings.cacheDir ?? deps.env?.['AGENT_CACHE_DIR'] ?? path.join(deps.info.dataDir, 'cache');
      const options: PipelineOptions = { ...base, llm: prepared.engine, cache: cacheFor(cacheDir) };
      try {
        return {
          runId: runs.start(
            pipelineRunPlan(deps.core, valid, 'llm', options, { onEnd: prepared.close, ...(python ? { python } : {}) }),
          ),
        };
      } catch (e) {
        await prepared.close();
        throw e;
      }
    },
    cancelRun: async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    getRun: async ({ runId }) => runs.snapshot(runId),
    decideFiles: async ({ runId, paths, decision }) => ({ decisions: runs.decide(runId, paths, decision) }),
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
    ...createFileHandlers(deps, runs, now),
  };
  return { handlers, runs };
}
