import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Toasts } from '@renderer/components/Toasts';
import { useStudio } from '@renderer/store';
import { DEFAULT_BASELINES, DEFAULT_SETTINGS, type AppInfo, type Settings } from '@shared/api';
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
      expect.objectContaining({ engine: 'llm', concurrency: 8, fallbackModels: [], baselines: DEFAULT_BASELINES }),
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

  it('saves a changed baseline and an added price once, and exactly one toast says so', async () => {
    renderSettings();
    const pipeline = screen.getByLabelText('Baseline pipeline time (s)');
    expect(pipeline).toHaveValue('30');
    await userEvent.clear(pipeline);
    await userEvent.type(pipeline, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Add model price' }));
    await userEvent.type(screen.getByLabelText('Model of row 15'), 'fake-coder');
    const input = screen.getByLabelText('Input price of fake-coder');
    await userEvent.clear(input);
    await userEvent.type(input, '100');
    await userEvent.click(screen.getByRole('button', { name: 'Remove gpt-4o' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(studio.inputs('updateSettings')).toHaveLength(1);
    expect(stored.baselines.pipelineMs).toBe(2000);
    expect(stored.prices['fake-coder']).toEqual({ inputPerMillion: 100, outputPerMillion: 0 });
    expect(stored.prices['gpt-4o']).toBeUndefined();
    // The form shows what the host stored.
    expect(screen.getByLabelText('Baseline pipeline time (s)')).toHaveValue('2');
    expect(screen.getByLabelText('Input price of fake-coder')).toHaveValue('100');
  });

  it('refuses to save a bad baseline or price, naming the field, and sends nothing', async () => {
    renderSettings();
    const rate = screen.getByLabelText('Baseline cache hit rate (%)');
    await userEvent.clear(rate);
    await userEvent.type(rate, '130');
    await userEvent.clear(screen.getByLabelText('Output price of gpt-4o'));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const problems = await screen.findByRole('alert', { name: 'Settings not saved' });
    expect(problems).toHaveTextContent('Baseline cache hit rate (%) must be a number from 0 to 100, got "130".');
    expect(problems).toHaveTextContent('Price row 1 (gpt-4o): the output price must be a number');
    expect(studio.inputs('updateSettings')).toEqual([]);
    expect(rate).toHaveValue('130');
  });
});
