import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Toasts } from '@renderer/components/Toasts';
import { useStudio } from '@renderer/store';
import { DEFAULT_SETTINGS, type AppInfo, type Settings } from '@shared/api';
import { connectFakeStudio, refusal, type FakeStudio } from '../../../test-support/fake-studio';
import { loadSettings } from './actions';
import { SettingsWorkspace } from './SettingsWorkspace';

const info = (nativeDialogs: boolean): AppInfo => ({
  name: 'DjForge Studio',
  version: 't',
  host: nativeDialogs ? 'electron' : 'web',
  nativeDialogs,
  dataDir: '/data',
});

let studio: FakeStudio;
let stored: Settings;

function renderSettings() {
  return render(
    <>
      <SettingsWorkspace />
      <Toasts />
    </>,
  );
}

describe('the settings workspace', () => {
  beforeEach(async () => {
    stored = { ...DEFAULT_SETTINGS };
    studio = connectFakeStudio({
      getSettings: () => stored,
      updateSettings: (patch) => {
        if (typeof patch.concurrency === 'number' && !(patch.concurrency <= 32))
          return refusal('settings.invalid', 'settings.concurrency: Too big: expected number to be <=32.');
        stored = { ...stored, ...patch, baselines: { ...stored.baselines, ...patch.baselines } } as Settings;
        return stored;
      },
      hasApiKey: ({ provider }) => ({ provider, set: provider === 'openai' }),
      setApiKey: ({ provider, key }) => ({ provider, set: key !== null }),
    });
    useStudio.getState().setInfo(info(false));
    await loadSettings();
  });

  it('saves the typed values as a patch and says so', async () => {
    renderSettings();
    const concurrency = screen.getByLabelText('Concurrency');
    expect(concurrency).toHaveValue('4');
    await userEvent.clear(concurrency);
    await userEvent.type(concurrency, '8');
    await userEvent.selectOptions(screen.getByLabelText('Default engine'), 'llm');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
    expect(studio.inputs('updateSettings')).toEqual([
      expect.objectContaining({ engine: 'llm', concurrency: 8, fallbackModels: [], baselines: { pipelineMs: 30_000 } }),
    ]);
    expect(useStudio.getState().settings?.concurrency).toBe(8);
  });

  it('shows the host’s refusal and keeps what was typed', async () => {
    renderSettings();
    const concurrency = screen.getByLabelText('Concurrency');
    await userEvent.clear(concurrency);
    await userEvent.type(concurrency, '99');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'settings.concurrency: Too big: expected number to be <=32.',
    );
    expect(concurrency).toHaveValue('99');
  });

  it('in the browser, tells where keys come from and whether the provider has one', async () => {
    renderSettings();
    expect(screen.getByText('In the browser, keys come from the environment of “djforge serve”.')).toBeInTheDocument();
    expect(await screen.findByLabelText('Key status')).toHaveTextContent('No key is set.');
    await userEvent.selectOptions(screen.getByLabelText('Provider'), 'openai');
    expect(await screen.findByText('A key is set.')).toBeInTheDocument();
  });

  it('in the app, stores and removes a key without ever reading it back', async () => {
    useStudio.getState().setInfo(info(true));
    renderSettings();
    const keys = screen.getByRole('group', { name: 'API key for openrouter' });
    await userEvent.type(within(keys).getByLabelText('API key'), ' sk-test ');
    await userEvent.click(within(keys).getByRole('button', { name: 'Store key' }));
    expect(await within(keys).findByText('A key is set.')).toBeInTheDocument();
    expect(within(keys).getByLabelText('API key')).toHaveValue('');
    await userEvent.click(within(keys).getByRole('button', { name: 'Remove key' }));
    expect(await within(keys).findByText('No key is set.')).toBeInTheDocument();
    expect(studio.inputs('setApiKey')).toEqual([
      { provider: 'openrouter', key: 'sk-test' },
      { provider: 'openrouter', key: null },
    ]);
  });
});
