/**
 * Native file dialogs for the Studio service, the unsaved-changes prompt on close, and the
 * confirmation before a link leaves the app.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { HostDialogs } from '../core/studio';

const ERD_FILTERS = [
  { name: 'ERD (JSON)', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export function electronDialogs(window: () => BrowserWindow | undefined): HostDialogs {
  return {
    async chooseErdToOpen() {
      const w = window();
      const options = { title: 'Open ERD', properties: ['openFile' as const], filters: ERD_FILTERS };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseErdSavePath(suggestedName) {
      const w = window();
      const options = { title: 'Save ERD', defaultPath: suggestedName, filters: ERD_FILTERS };
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseOutputDir() {
      const w = window();
      const options = {
        title: 'Write the project to…',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** True when the window may close: nothing unsaved, or the user chose to discard. */
export function confirmDiscard(window: BrowserWindow, documentName: string): boolean {
  const choice = dialog.showMessageBoxSync(window, {
    type: 'warning',
    buttons: ['Discard changes', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `"${documentName}" has unsaved changes.`,
    detail: 'Closing now discards them.',
  });
  return choice === 0;
}

/** Asks before handing an (allowed) link to the system browser. */
export async function confirmExternalLink(window: BrowserWindow | undefined, url: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `Open ${new URL(url).hostname} in your browser?`,
    detail: url,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}
