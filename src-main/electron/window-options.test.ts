import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, mainWindowOptions } from './window-options';
import { restoreWindowState, windowTitle } from './window-state';

describe('main window options', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toEqual({
      preload: '/app/preload.cjs',
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
    });
  });

  it('restores remembered bounds', () => {
    expect(mainWindowOptions('/p', { x: 10, y: 20, width: 1000, height: 700 })).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
    });
    expect(mainWindowOptions('/p')).not.toHaveProperty('x');
  });

  it('uses a CSP that allows scripts only from the app itself, and Monaco its workers and styles', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'worker-src': "'self' blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });
});

describe('window state', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('restores a position on a display and refuses one off every display', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: true };
    expect(restoreWindowState(saved, [display])).toEqual(saved);
    expect(restoreWindowState({ ...saved, x: 4000 }, [display])).toBeNull();
    expect(restoreWindowState({ ...saved, width: 'wide' }, [display])).toBeNull();
    expect(restoreWindowState(undefined, [display])).toBeNull();
  });

  it('shows the document and its dirty state in the title', () => {
    expect(windowTitle('shop.json', true)).toBe('• shop.json — DjForge Studio');
    expect(windowTitle('shop.json', false)).toBe('shop.json — DjForge Studio');
  });
});
