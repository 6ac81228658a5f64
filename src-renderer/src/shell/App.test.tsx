import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import { DEFAULT_SETTINGS, type ErdDocument, type Settings } from '@shared/api';
import { connectFakeStudio, refusal, type Answers, type FakeStudio } from '../../test-support/fake-studio';
import { App } from './App';
import { connectStudio } from './connect';

const blank: ErdDocument = {
  path: null,
  file: null,
  name: 'Untitled',
  format: null,
  erd: { format: 'djforge-erd', version: 1, project: { name: 'untitled' }, entities: [], relations: [] },
  diagnostics: [],
};

let settings: Settings;
let disconnect: (() => void) | null = null;
const host = (): Answers => ({
  appInfo: () => ({ name: 'DjForge Studio', version: '9.9', host: 'web', nativeDialogs: false, dataDir: '/d' }),
  getSettings: () => settings,
  updateSettings: (patch) => (settings = { ...settings, ...patch } as Settings),
  newErd: () => blank,
  listHistory: () => [],
  listRecentFiles: () => [{ path: '/erds/shop.json', name: 'shop.json', openedAt: 1, file: 'recent-1' }],
  setDocumentState: () => ({}),
  openErd: ({ file }) => (file ? { ...blank, path: '/erds/shop.json', file, name: 'shop.json' } : null),
});

async function start(answers: Answers = host()): Promise<FakeStudio> {
  const studio = connectFakeStudio(answers);
  render(<App />);
  await act(async () => {
    disconnect = await connectStudio(studio.client);
  });
  return studio;
}

describe('the studio shell', () => {
  beforeEach(() => {
    settings = { ...DEFAULT_SETTINGS, theme: 'light' };
  });
  afterEach(() => disconnect?.());

  it('connects to the host and shows the blank document, the recent files and the workspaces', async () => {
    await start();
    expect(screen.getByLabelText('Open document')).toHaveTextContent('Untitled');
    expect(screen.getByRole('tab', { name: 'ERD' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('tab', { name: 'Dashboard' }));
    expect(screen.getByText('No runs yet.')).toBeInTheDocument();
    expect(document.documentElement.dataset['theme']).toBe('light');
  });

  it('reopens a recent file and tells the host what is open', async () => {
    const studio = await start();
    await userEvent.click(screen.getByRole('button', { name: 'shop.json' }));
    expect(await screen.findByLabelText('Open document')).toHaveTextContent('shop.json');
    expect(studio.inputs('openErd')).toEqual([{ file: 'recent-1' }]);
    expect(studio.inputs('setDocumentState')).toEqual([
      { name: 'Untitled', dirty: false },
      { name: 'shop.json', dirty: false },
    ]);
    expect(document.title).toBe('shop.json — DjForge Studio');
  });

  it('acts on the native menu’s commands', async () => {
    const studio = await start();
    act(() => studio.emit('menuCommand', { command: 'toggleTheme' }));
    await waitFor(() => expect(studio.inputs('updateSettings')).toEqual([{ theme: 'dark' }]));
    expect(document.documentElement.dataset['theme']).toBe('dark');
    act(() => studio.emit('menuCommand', { command: 'about' }));
    expect(await screen.findByRole('status')).toHaveTextContent('DjForge Studio 9.9');
  });

  it('shows why the host could not be reached instead of failing silently', async () => {
    const down = refusal(
      'host.unreachable',
      'The DjForge server did not answer appInfo: fetch failed. Is "djforge serve" still running?',
      true,
    );
    await start({ ...host(), appInfo: () => down });
    expect(await screen.findByRole('alert')).toHaveTextContent('Is "djforge serve" still running?');
    expect(useStudio.getState().info).toBeNull();
  });
});
