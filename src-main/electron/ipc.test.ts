import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src-shared/api';
import type { StudioHandlers } from '../core/studio';
import { appUrlCheck, devServerUrl } from './app-url';
import { appSenderCheck, registerStudioIpc } from './ipc';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const isAppUrl = appUrlCheck({});
interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}
const mainFrame: FakeFrame = { url: 'app://studio/index.html', parent: null };
const top = (url: string): FakeFrame => ({ url, parent: null });
const event = (frame: FakeFrame | null) => ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;

const handlers = {
  cancelRun: async ({ runId }: { runId: string }) => ({ cancelled: runId === 'r1' }),
  listHistory: async () => {
    throw new Error('history.json is locked');
  },
} as unknown as StudioHandlers;

function setup() {
  const ipcMain = fakeIpcMain();
  const dispose = registerStudioIpc(ipcMain, handlers, appSenderCheck(isAppUrl));
  const call = (channel: string, ev: IpcMainInvokeEvent, payload: unknown) => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(ev, payload);
  };
  return { ipcMain, dispose, call };
}

describe('registerStudioIpc', () => {
  it('registers one channel per method and removes them all', () => {
    const { ipcMain, dispose } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual(METHOD_NAMES.map((m) => `studio:${m}`));
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers the app page', async () => {
    const { call } = setup();
    expect(await call('studio:cancelRun', event(mainFrame), { runId: 'r1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
  });

  it('refuses a foreign page, a sub-frame and a missing frame, as data', async () => {
    const { call } = setup();
    const refused = {
      ok: false,
      error: {
        code: 'ipc.untrusted-sender',
        message: 'Refused: the request did not come from the DjForge Studio page.',
        retryable: false,
      },
    };
    expect(await call('studio:cancelRun', event(top('https://evil.example/')), { runId: 'r1' })).toEqual(refused);
    expect(await call('studio:cancelRun', event(top('file:///etc/passwd')), { runId: 'r1' })).toEqual(refused);
    expect(await call('studio:cancelRun', event({ url: mainFrame.url, parent: mainFrame }), { runId: 'r1' })).toEqual(
      refused,
    );
    expect(await call('studio:cancelRun', event(null), { runId: 'r1' })).toEqual(refused);
  });

  it('rejects a bad payload with the field and the problem', async () => {
    const { call } = setup();
    expect(await call('studio:cancelRun', event(mainFrame), { runId: '', extra: 1 })).toEqual({
      ok: false,
      error: {
        code: 'request.invalid',
        message: 'cancelRun.runId: The run id is empty.; cancelRun: Unrecognized key: "extra".',
        retryable: false,
      },
    });
  });

  it('turns a thrown error into data', async () => {
    const { call } = setup();
    expect(await call('studio:listHistory', event(mainFrame), {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'history.json is locked', retryable: false },
    });
  });
});

describe('appUrlCheck', () => {
  it('accepts only the dev server origin in development', () => {
    const dev = appUrlCheck({ devServerUrl: 'http://localhost:5173/' });
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('app://studio/index.html')).toBe(false);
  });

  it('accepts only the app:// page when built, never file://', () => {
    expect(isAppUrl('app://studio/index.html')).toBe(true);
    expect(isAppUrl('app://studio/assets/index.js')).toBe(true);
    expect(isAppUrl('file:///opt/djforge/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://user@studio/index.html')).toBe(false);
    expect(isAppUrl('https://studio/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('devServerUrl', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
  it('is honoured only in an unpackaged development build, and only on loopback http', () => {
    expect(devServerUrl({ isPackaged: false, isDevBuild: true, env })).toBe('http://localhost:5173/');
    expect(devServerUrl({ isPackaged: true, isDevBuild: true, env })).toBeNull();
    expect(devServerUrl({ isPackaged: false, isDevBuild: false, env })).toBeNull();
    expect(devServerUrl({ isPackaged: false, isDevBuild: true, env: {} })).toBeNull();
    for (const url of ['https://evil.example/', 'http://192.168.1.5:5173/', 'file:///tmp/x.html', 'nonsense'])
      expect(devServerUrl({ isPackaged: false, isDevBuild: true, env: { ELECTRON_RENDERER_URL: url } })).toBeNull();
  });
});
