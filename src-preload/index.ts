/**
 * The only bridge between the page and the main process: one named function per message,
 * never a generic `invoke(channel, …)`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { StudioBridge } from './api';

const studio: StudioBridge = {
  version: () => ipcRenderer.invoke('studio:version') as Promise<string>,
};

contextBridge.exposeInMainWorld('studio', studio);
