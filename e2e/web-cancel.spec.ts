import { startOpenAiServer, type OpenAiServer } from '../test-support/openai-server';
import { example, expect, test } from './support/fixtures';

let server: OpenAiServer;
test.beforeEach(async () => {
  server = await startOpenAiServer({ latencyMs: 60_000 });
});
test.afterEach(async () => server.close());

test('cancel a run against a slow local model', async ({ studio, page }, testInfo) => {
  await studio.workspace('Settings');
  await studio.setSetting('Provider', 'custom');
  await studio.setSetting('Base URL (empty: the provider’s)', server.baseURL);
  await studio.setSetting('Model', 'fake-coder');
  await studio.setSetting('Concurrency', '2');
  await studio.saveSettings();
  await page.screenshot({ path: testInfo.outputPath('settings.png') });

  await studio.importFile(example('seed-v2-jobboard.json'));
  await studio.generate('llm');
  await expect(studio.unitsWithStatus('running')).toHaveCount(2);
  await expect.poll(() => server.stats().inFlight).toBe(2);
  await page.screenshot({ path: testInfo.outputPath('run-in-progress.png') });

  const started = Date.now();
  await studio.cancelRun();
  await expect(studio.runStatus).toHaveText('cancelled');
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(studio.unitsWithStatus('running')).toHaveCount(0);
  await expect(studio.unitsWithStatus('queued')).toHaveCount(0);
  expect(await studio.unitsWithStatus('cancelled').count()).toBeGreaterThan(0);
  await expect.poll(() => server.stats().inFlight).toBe(0);
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
});
