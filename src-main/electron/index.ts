/**
 * Electron entry: wires the window, its guards, the settings stores, the menu and the bridge to
 * the Studio service together. Everything with logic lives in the core or in the small modules
 * beside this one.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, screen, shell } from 'electron';
import Store from 'electron-store';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { eventChannel, type CapabilityId, type EmitEvent, type MenuCommand } from '../../src-shared/api';
import { defaultDataDir } from '../core/settings';
import { CapabilityTable, createStudioService, fileHistoryStore } from '../core/studio';
import { defaultCoreFunctions } from '../core/studio/default-core';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { APP_ENTRY_URL, appUrlCheck, devServerUrl as chooseDevServerUrl } from './app-url';
import { confirmDiscard, confirmExternalLink, electronDialogs } from './dialogs';
import { electronAccessPolicy, electronHistory } from './file-access';
import { appSenderCheck, registerStudioIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { installSecurityGuards } from './security';
import { encryptedSecretStore, keyValueSettingsStore, type KeyValueStore } from './settings-stores';
import { detachSecrets } from '../core/runtime/child-env';
import { mainWindowOptions } from './window-options';
import { restoreWindowState, windowTitle, type WindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
// The dev server only in an unpackaged development build (`import.meta.env.DEV` is fixed at build time).
const devServerUrl = chooseDevServerUrl({
  isPackaged: app.isPackaged,
  isDevBuild: import.meta.env.DEV,
  env: process.env,
});
const isAppUrl = appUrlCheck({ devServerUrl });
registerAppScheme(protocol);
app.setName('DjForge Studio');
// One data folder for both hosts (and `DJFORGE_DATA_DIR` for tests and portable setups).
app.setPath('userData', defaultDataDir(process.env));

let mainWindow: BrowserWindow | undefined;
const documentState = { name: 'Untitled', dirty: false };

const emit: EmitEvent = (name, payload) => {
  for (const w of BrowserWindow.getAllWindows()) w.webContents.send(eventChannel(name), payload);
};

function start(): void {
  const store = new Store({ name: 'studio', clearInvalidConfig: false }) as unknown as KeyValueStore;
  const history = electronHistory(store, fileHistoryStore(app.getPath('userData')));
  const capabilities = new CapabilityTable();
  const { handlers } = createStudioService({
    info: { name: 'DjForge Studio', version: app.getVersion(), host: 'electron', dataDir: app.getPath('userData') },
    core: defaultCoreFunctions,
    settings: keyValueSettingsStore(store),
    secrets: encryptedSecretStore(store, safeStorage),
    history,
    emit,
    // Keys out of process.env, so no child process (analyzer, syntax checker) can inherit one.
    env: detachSecrets(),
    dialogs: electronDialogs(() => mainWindow),
    access: electronAccessPolicy(capabilities),
    openFolder: (folder) => shell.openPath(folder),
    onDocumentState: (state) => {
      Object.assign(documentState, state);
      mainWindow?.setTitle(windowTitle(state.name, state.dirty));
      mainWindow?.setDocumentEdited(state.dirty);
    },
    onRecentFilesChanged: () => void refreshMenu(),
  });
  registerStudioIpc(ipcMain, handlers, appSenderCheck(isAppUrl));

  const send = (command: MenuCommand, file?: CapabilityId) =>
    emit('menuCommand', { command, ...(file ? { file } : {}) });
  async function refreshMenu(): Promise<void> {
    const template = buildMenuTemplate({
      appName: 'DjForge Studio',
      isMac: process.platform === 'darwin',
      recentFiles: (await history.listRecent()).map((f) => ({ ...f, file: capabilities.grant('erd', f.path) })),
      send,
      clearRecent: () => void history.clearRecent().then(refreshMenu),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
  void refreshMenu();

  const createWindow = () => {
    const saved = restoreWindowState(
      store.get('window'),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const window = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/index.cjs'), saved ?? undefined));
    mainWindow = window;
    window.once('ready-to-show', () => {
      if (saved?.maximized) window.maximize();
      window.show();
    });
    window.on('close', (event) => {
      const bounds = window.getNormalBounds();
      store.set('window', { ...bounds, maximized: window.isMaximized() } satisfies WindowState);
      if (documentState.dirty && !confirmDiscard(window, documentState.name)) event.preventDefault();
      else documentState.dirty = false;
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  };
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void app.whenReady().then(() => {
    handleAppProtocol(protocol, rendererDir);
    installSecurityGuards(isAppUrl, {
      confirm: (url) => confirmExternalLink(mainWindow, url),
      open: (url) => shell.openExternal(url),
      refused: (url, reason) => console.warn(`Not opening ${url}: ${reason}.`),
    });
    start();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
