/**
 * The dashboard's baselines and prices live in the settings store: a change is validated (a bad
 * value is refused naming the setting), persisted in the settings file, and the next dashboard
 * read rates and prices the recorded runs with it — no run is recorded again.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyRecord, usage } from '../../../test-support/history-records';
import { fileHistoryStore } from '../history/history-store';
import { fileSettingsStore } from '../settings/file-settings-store';
import { historyHandlers } from './history-handlers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-dash-settings-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('dashboard baselines and prices from the settings', () => {
  it('re-rates and re-prices the recorded runs after a saved change, and persists it', async () => {
    const settingsFile = path.join(dir, 'settings.json');
    const settings = fileSettingsStore(settingsFile);
    const history = fileHistoryStore(dir);
    // A 1.2 s pipeline; a local model with 400 tokens in and 200 out.
    await history.addRun(
      historyRecord({
        engine: 'llm',
        models: ['fake-coder'],
        localEndpoint: true,
        modelUsage: [usage('fake-coder', 4)],
      }),
    );
    const handlers = historyHandlers(history, settings);

    const before = await handlers.historyDashboard({});
    expect(before.ratings.find((r) => r.metric === 'pipelineMs')).toMatchObject({
      baseline: 30_000,
      rating: 'excellent',
    });
    expect(before.records[0]?.costUsd).toBe(0);

    await settings.update({
      baselines: { pipelineMs: 1000 },
      prices: { 'fake-coder': { inputPerMillion: 100, outputPerMillion: 1000 } },
    });
    const after = await handlers.historyDashboard({});
    expect(after.ratings.find((r) => r.metric === 'pipelineMs')).toMatchObject({
      baseline: 1000,
      differencePct: -20,
      rating: 'needsAttention',
    });
    expect(after.records[0]?.modelUsage[0]?.costUsd).toBeCloseTo((400 * 100 + 200 * 1000) / 1e6, 12);
    expect(after.records[0]?.costUsd).toBeCloseTo(0.24, 12);
    const csv = (await handlers.exportHistory({ format: 'csv', filter: {} })).text.split('\r\n');
    const costColumn = csv[0]?.split(',').indexOf('costUsd') ?? -1;
    expect(Number(csv[1]?.split(',')[costColumn])).toBeCloseTo(0.24, 12);

    const stored = JSON.parse(await fs.readFile(settingsFile, 'utf8')) as {
      settings: { baselines: Record<string, number>; prices: Record<string, unknown> };
    };
    expect(stored.settings.baselines).toEqual({
      pipelineMs: 1000,
      cacheHitRate: 0.3,
      autoApprovalRate: 0.8,
      errorRate: 0.1,
      averageQuality: 0.8,
    });
    expect(stored.settings.prices).toEqual({ 'fake-coder': { inputPerMillion: 100, outputPerMillion: 1000 } });
  });

  it('refuses a bad baseline or price with the setting’s name, keeping what was stored', async () => {
    const settings = fileSettingsStore(path.join(dir, 'settings.json'));
    await expect(settings.update({ baselines: { cacheHitRate: 1.5 } })).rejects.toThrow(
      /settings\.baselines\.cacheHitRate: Too big: expected number to be <=1/,
    );
    await expect(
      settings.update({ prices: { 'gpt-4o': { inputPerMillion: -1, outputPerMillion: 10 } } }),
    ).rejects.toThrow(/settings\.prices\.gpt-4o\.inputPerMillion: Too small: expected number to be >=0/);
    await expect(settings.update({ baselines: { pipelineMs: 0 } })).rejects.toThrow(/settings\.baselines\.pipelineMs/);
    const { settings: current } = await settings.load();
    expect(current.baselines.cacheHitRate).toBe(0.3);
    expect(current.prices['gpt-4o']).toEqual({ inputPerMillion: 2.5, outputPerMillion: 10 });
  });
});
