/**
 * Which URLs are the app's own page, and which URL the window loads. Built, the page comes from
 * the privileged `app://studio/` scheme (served from the renderer folder only, see
 * `app-protocol.ts`), never from `file://`, which would give the page the whole disk's origin.
 * In a development build only, `ELECTRON_RENDERER_URL` points at the Vite dev server on
 * loopback; a packaged or production build ignores it, so an environment variable cannot make
 * the app load a foreign page. Navigation elsewhere is blocked and IPC from elsewhere refused.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server's URL when this is a development build that is not packaged and the variable
 * names an http server on loopback; otherwise null (load the built page).
 */
export function devServerUrl(options: {
  isPackaged: boolean;
  isDevBuild: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): string | null {
  const given = options.env['ELECTRON_RENDERER_URL'];
  if (!given || options.isPackaged || !options.isDevBuild) return null;
  try {
    const url = new URL(given);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}

/** True for the app's own page: the dev server's origin in development, `app://studio/…` otherwise. */
export function appUrlCheck(options: { devServerUrl?: string | null | undefined }): (url: string) => boolean {
  const dev = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (dev) return parsed.origin === dev;
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '';
  };
}
