import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../src-shared/api';
import { buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('the native menu', () => {
  const sent: Array<[MenuCommand, string | undefined]> = [];
  const template = buildMenuTemplate({
    appName: 'DjForge Studio',
    isMac: false,
    recentFiles: [{ path: '/erds/shop.json', name: 'shop.json', openedAt: 1, file: 'cap-0123456789abcdef' }],
    send: (command, file) => sent.push([command, file]),
    clearRecent: () => sent.push(['new', 'cleared']),
  });
  const items = flatten(template);
  const byLabel = (label: string) => items.find((i) => i.label === label);

  it('has the usual shortcuts', () => {
    const shortcuts = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]));
    expect(shortcuts).toEqual({
      New: 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      Save: 'CmdOrCtrl+S',
      'Save As…': 'CmdOrCtrl+Shift+S',
      'Import…': 'CmdOrCtrl+I',
      'Export…': 'CmdOrCtrl+E',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'Ctrl+Y',
      Generate: 'CmdOrCtrl+Enter',
      'Cancel Run': 'CmdOrCtrl+.',
      'Toggle Theme': 'CmdOrCtrl+Shift+T',
    });
    expect(items.filter((i) => i.role).map((i) => i.role)).toEqual(
      expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom']),
    );
  });

  it('sends commands to the page, recent files by their id (never their path)', () => {
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();
    click(byLabel('Generate'));
    click(byLabel('shop.json'));
    click(byLabel('About DjForge Studio'));
    click(byLabel('Clear Recent'));
    expect(sent).toEqual([
      ['generate', undefined],
      ['open', 'cap-0123456789abcdef'],
      ['about', undefined],
      ['new', 'cleared'],
    ]);
  });
});
