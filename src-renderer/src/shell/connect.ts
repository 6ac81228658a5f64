/**
 * Connecting the page to a host: the client every action uses, the event streams each feature
 * follows, the native menu's commands, and what the views show at start.
 */
import { followHistory, refreshHistory } from '@renderer/features/dashboard';
import {
  exportDocument,
  loadBlankDocument,
  newDocument,
  offerRecovery,
  openDocument,
  redoEdit,
  refreshRecentFiles,
  reportDocumentState,
  saveDocument,
  startAutosave,
  undoEdit,
} from '@renderer/features/erd';
import { followReview } from '@renderer/features/review';
import { cancelRun, followRuns, startRun } from '@renderer/features/run';
import { loadSettings, toggleTheme } from '@renderer/features/settings';
import { call } from '@renderer/lib/call';
import { connectClient, studio } from '@renderer/lib/client';
import { showInfo, studioState } from '@renderer/store';
import type { CapabilityId, MenuCommand, StudioClient } from '@shared/api';

/** What each native menu item does in the page. */
export function runMenuCommand(command: MenuCommand, file?: CapabilityId): Promise<unknown> | void {
  const commands: Record<MenuCommand, () => Promise<unknown> | void> = {
    new: newDocument,
    open: () => openDocument(undefined, file),
    save: () => saveDocument(false),
    saveAs: () => saveDocument(true),
    import: () => openDocument(),
    export: () => exportDocument(),
    generate: () => startRun(),
    cancel: cancelRun,
    undo: undoEdit,
    redo: redoEdit,
    toggleTheme,
    about: () => {
      const { info } = studioState();
      showInfo(`${info?.name ?? 'DjForge Studio'} ${info?.version ?? ''}`.trim());
    },
  };
  return commands[command]();
}

async function loadAppInfo(): Promise<void> {
  const info = await call('appInfo', {});
  if (info) studioState().setInfo(info);
}

/**
 * Connects the page to a host and loads what the views show; resolves to the function that stops
 * following the host. Host failures become toasts, never rejections.
 */
export async function connectStudio(client: StudioClient): Promise<() => void> {
  connectClient(client);
  const stops = [
    followRuns(),
    followReview(),
    followHistory(),
    studio().onMenuCommand((e) => void runMenuCommand(e.command, e.file)),
    reportDocumentState(),
    startAutosave(),
  ];
  await Promise.all([
    loadAppInfo(),
    loadSettings(),
    loadBlankDocument(),
    refreshHistory(),
    refreshRecentFiles(),
    offerRecovery(),
  ]);
  return () => stops.forEach((stop) => stop());
}
