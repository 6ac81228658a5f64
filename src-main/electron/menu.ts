/**
 * The native menu as plain data: every item either uses an Electron role (copy, zoom, …) or
 * sends a `MenuCommand` to the page, which owns the document. Built from the recent-files list
 * so "Open Recent" stays current.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { CapabilityId, MenuCommand, RecentDocument } from '../../src-shared/api';

export interface MenuContext {
  appName: string;
  isMac: boolean;
  /** With the ids the page opens them by; the path is only shown. */
  recentFiles: readonly RecentDocument[];
  send(command: MenuCommand, file?: CapabilityId): void;
  clearRecent(): void;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.send(command),
  });
  const recent: MenuItemConstructorOptions[] = [
    ...ctx.recentFiles.map((f) => ({ label: f.name, sublabel: f.path, click: () => ctx.send('open', f.file) })),
    ...(ctx.recentFiles.length > 0 ? [{ type: 'separator' as const }] : []),
    { label: 'Clear Recent', enabled: ctx.recentFiles.length > 0, click: () => ctx.clearRecent() },
  ];
  const about = item(`About ${ctx.appName}`, 'about');
  return [
    ...(ctx.isMac
      ? [{ label: ctx.appName, submenu: [about, { type: 'separator' as const }, { role: 'quit' as const }] }]
      : []),
    {
      label: 'File',
      submenu: [
        item('New', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Import…', 'import', 'CmdOrCtrl+I'),
        item('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        ctx.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', ctx.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Run',
      submenu: [item('Generate', 'generate', 'CmdOrCtrl+Enter'), item('Cancel Run', 'cancel', 'CmdOrCtrl+.')],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        item('Toggle Theme', 'toggleTheme', 'CmdOrCtrl+Shift+T'),
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: ctx.isMac ? [] : [about] },
  ];
}
