import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/api';
import { draftOf, patchOfDraft } from './settings-draft';

describe('the settings form', () => {
  it('round-trips the settings through its text fields', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      fallbackModels: ['a/b', 'c/d'],
      cacheDir: '/tmp/cache',
      baselines: { ...DEFAULT_SETTINGS.baselines, pipelineMs: 30000 },
    };
    const choices = { engine: settings.engine, provider: settings.provider, theme: settings.theme };
    expect(patchOfDraft(draftOf(settings), choices)).toEqual({
      ...choices,
      baseUrl: '',
      model: settings.model,
      fallbackModels: ['a/b', 'c/d'],
      concurrency: 4,
      timeoutSeconds: 300,
      autoApproveThreshold: 0.8,
      cacheDir: '/tmp/cache',
      pythonPath: null,
    });
  });

  it('trims text, drops empty models, and leaves bad numbers for the host to name', () => {
    const draft = {
      ...draftOf(DEFAULT_SETTINGS),
      model: '  m  ',
      fallbackModels: ' x, ,y ',
      concurrency: 'four',
    };
    const patch = patchOfDraft(draft, { engine: 'llm', provider: 'ollama', theme: 'dark' });
    expect(patch).toMatchObject({
      engine: 'llm',
      model: 'm',
      fallbackModels: ['x', 'y'],
    });
    expect(patch.concurrency).toBeNaN();
  });
});
