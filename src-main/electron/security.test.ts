import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const appListeners = new Map<string, Listener>();
const session = {
  permissionRequest: null as null | ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  headers: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
};
const openExternal = vi.fn(async (_url: string) => undefined);
const confirmed: string[] = [];
let answer = true;

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
    confirmed.length = 0;
    installSecurityGuards((url) => url.startsWith('app://studio/'), {
      confirm: async (url) => {
        confirmed.push(url);
        return answer;
      },
      open: (url) => openExternal(url),
    });
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

  it('blocks navigation away from the app in any frame, redirects and webviews', () => {
    const contents = fakeContents();
    appListeners.get('web-contents-created')?.({}, contents);
    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
    const frameEvent = (name: string, url: string, isMainFrame: boolean) => ({ ...event(name), url, isMainFrame });
    contents.listeners.get('will-navigate')?.(event('evil'), 'https://evil.example/');
    contents.listeners.get('will-navigate')?.(event('app'), 'app://studio/index.html');
    contents.listeners.get('will-frame-navigate')?.(frameEvent('frame-evil', 'https://evil.example/', true));
    contents.listeners.get('will-frame-navigate')?.(frameEvent('subframe-app', 'app://studio/x.html', false));
    contents.listeners.get('will-frame-navigate')?.(frameEvent('main-app', 'app://studio/index.html', true));
    contents.listeners.get('will-redirect')?.(event('redirect'), 'http://127.0.0.1:1/');
    contents.listeners.get('will-attach-webview')?.(event('webview'));
    expect(prevented).toEqual(['evil', 'frame-evil', 'subframe-app', 'redirect', 'webview']);
  });

  it('opens no window; only allowlisted https links go to the browser, after the user confirms', async () => {
    const contents = fakeContents();
    appListeners.get('web-contents-created')?.({}, contents);
    answer = true;
    const links = [
      'https://docs.djangoproject.com/en/5.2/',
      'file:///etc/passwd',
      'http://docs.djangoproject.com/',
      'https://evil.example/',
      'https://user:pw@github.com/',
      'smb://share/x',
    ];
    for (const url of links) expect(contents.open(url)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledTimes(1));
    expect(confirmed).toEqual(['https://docs.djangoproject.com/en/5.2/']);
    expect(openExternal).toHaveBeenCalledWith('https://docs.djangoproject.com/en/5.2/');
    answer = false;
    contents.open('https://github.com/django/django');
    await vi.waitFor(() => expect(confirmed).toHaveLength(2));
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
