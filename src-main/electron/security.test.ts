import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const appListeners = new Map<string, Listener>();
const session = {
  permissionRequest: null as null | ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  headers: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
};
const openExternal = vi.fn(async () => undefined);

vi.mock('electron', () => ({
  app: { on: (event: string, listener: Listener) => appListeners.set(event, listener) },
  shell: { openExternal },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof session.permissionRequest) => (session.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof session.permissionCheck) => (session.permissionCheck = h),
      webRequest: { onHeadersReceived: (h: typeof session.headers) => (session.headers = h) },
    },
  },
}));

const { installSecurityGuards } = await import('./security');
const { CONTENT_SECURITY_POLICY } = await import('./window-options');

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
  };
}

describe('app-wide security guards', () => {
  beforeEach(() => {
    appListeners.clear();
    openExternal.mockClear();
    installSecurityGuards((url) => url.startsWith('file:///app/'));
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    session.permissionRequest?.({}, 'media', (ok) => answers.push(ok));
    session.permissionRequest?.({}, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(session.permissionCheck?.()).toBe(false);
  });

  it('adds the CSP to every response', () => {
    let result: unknown;
    session.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (result = r));
    expect(result).toEqual({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = fakeContents();
    appListeners.get('web-contents-created')?.({}, contents);
    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
    contents.listeners.get('will-navigate')?.(event('evil'), 'https://evil.example/');
    contents.listeners.get('will-navigate')?.(event('app'), 'file:///app/index.html');
    contents.listeners.get('will-redirect')?.(event('redirect'), 'http://127.0.0.1:1/');
    contents.listeners.get('will-attach-webview')?.(event('webview'));
    expect(prevented).toEqual(['evil', 'redirect', 'webview']);
    expect(contents.open('https://docs.djangoproject.com/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://docs.djangoproject.com/');
  });
});
