/**
 * Electron entry: wires the window, its guards, the settings stores, the menu and the bridge to
 * the Studio service together. Everything with logic lives in the core or in the small modules
 * beside this one.
 */
import { app, BrowserWindow, ipcMain, Menu, safeStorage, screen } from 'electron';
import Store from 'electron-store';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { eventChannel, type EmitEvent, type MenuCommand } from '../../src-shared/api';
import { defaultDataDir } from '../core/settings';
import { createStudioService, fileHistoryStore } from '../core/studio';
import { defaultCoreFunctions } from '../core/studio/default-core';
import { appUrlCheck } from './app-url';
import { confirmDiscard, electronDialogs } from './dialogs';
import { appSenderCheck, registerStudioIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { installSecurityGuards } from './security';
import { encryptedSecretStore, keyValueSettingsStore, type KeyValueStore } from './settings-stores';
import { detachSecrets } from '../core/runtime/child-env';
import { mainWindowOptions } from './window-options';
import { restoreWindowState, windowTitle, type WindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const isAppUrl = appUrlCheck({ devServerUrl, rendererDir: path.join(here, '../renderer') });
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
  const history = fileHistoryStore(app.getPath('userData'));
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
    onDocumentState: (state) => {
      Object.assign(documentState, state);
      mainWindow?.setTitle(windowTitle(state.name, state.dirty));
      mainWindow?.setDocumentEdited(state.dirty);
    },
    onRecentFilesChanged: () => void refreshMenu(),
  });
  registerStudioIpc(ipcMain, handlers, appSenderCheck(isAppUrl));

  const send = (command: MenuCommand, filePath?: string) =>
    emit('menuCommand', { command, ...(filePath ? { path: filePath } : {}) });
  async function refreshMenu(): Promise<void> {
    const template = buildMenuTemplate({
      appName: 'DjForge Studio',
      isMac: process.platform === 'darwin',
      recentFiles: await history.listRecent(),
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
    if (devServerUrl) void window.loadURL(devServerUrl);
    else void window.loadFile(path.join(here, '../renderer/index.html'));
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
    installSecurityGuards(isAppUrl);
    start();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
