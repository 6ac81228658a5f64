/**
 * App-wide guards, installed once: every response carries the CSP, permission requests are
 * denied, navigation never leaves the app (top-level or in any frame), new windows are never
 * opened (allowed https links go to the system browser after the user confirms), and
 * `<webview>` cannot be attached.
 */
import { app, session } from 'electron';
import { openExternalConfirmed, type ExternalOpener } from './external-links';
import { CONTENT_SECURITY_POLICY } from './window-options';

export function installSecurityGuards(isAppUrl: (url: string) => boolean, external: ExternalOpener): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    // Covers sub-frames too: the app has none, so any frame navigating is refused.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalConfirmed(url, external);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
