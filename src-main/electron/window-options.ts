/**
 * The security posture of every DjForge window, as plain data so it is unit-tested without
 * Electron: isolated, sandboxed, no Node in the page; the CSP (shared with the web host) allows
 * only the app itself.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/api';

export { CONTENT_SECURITY_POLICY };

export const DEFAULT_BOUNDS = { width: 1280, height: 820 };

export function mainWindowOptions(preloadPath: string, bounds?: Partial<Rectangle>): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? DEFAULT_BOUNDS.width,
    height: bounds?.height ?? DEFAULT_BOUNDS.height,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'DjForge Studio',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
