/**
 * The only bridge between the page and the main process: `window.studio`, built from the
 * contract. The page never sees `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createStudioBridge } from './bridge';

contextBridge.exposeInMainWorld('studio', createStudioBridge(ipcRenderer));
