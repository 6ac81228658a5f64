/**
 * The only place `ipcMain` meets the contract: one `handle` per contract method, each checking
 * that the message comes from the app's own top-level page, parsing the payload with the
 * method's schema and answering a `Result` — errors (including a refused sender) are data.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, methodChannel } from '../../src-shared/api';
import type { Result } from '../../src-shared/result';
import { dispatchStudio, type StudioHandlers } from '../core/studio';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Trusted = the main frame of a window, showing the app's own page. */
export function appSenderCheck(isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null) return false;
    return isAppUrl(frame.url);
  };
}

export const UNTRUSTED_SENDER: Result<never> = {
  ok: false,
  error: {
    code: 'ipc.untrusted-sender',
    message: 'Refused: the request did not come from the DjForge Studio page.',
    retryable: false,
  },
};

/** Registers every method; returns a function that removes them (tests, reloads). */
export function registerStudioIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: StudioHandlers,
  isTrusted: SenderCheck,
): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(methodChannel(name), async (event, payload: unknown) => {
      if (!isTrusted(event)) return UNTRUSTED_SENDER;
      return dispatchStudio(handlers, name, payload);
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(methodChannel(name));
  };
}
