/**
 * Three runs of an example against the local model server — the first on a cold cache, the second
 * entirely from the cache, the third with a longer model chain and injected faults — and the
 * Dashboard shows each run's recorded figures: on the trend charts' tables, in the per-model
 * charts, on a timeline with one lane per concurrency slot, and in the exported CSV.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileSettingsStore } from '../src-main/core/settings/file-settings-store';
import type { RunHistoryRecord } from '../src-shared/api/history';
import { draftResponder } from '../test-support/draft-responder';
import { startOpenAiServer, type OpenAiServer } from '../test-support/openai-server';
import { DashboardPage } from './support/dashboard-page';
import { example, expect, test } from './support/fixtures';
import type { StudioPage } from './support/studio-page';

let server: OpenAiServer;
test.beforeEach(async () => {
  server = await startOpenAiServer({ responder: draftResponder, latencyMs: 20 });
});
test.afterEach(async () => server.close());

const CONCURRENCY = 3;

async function history(dataDir: string): Promise<RunHistoryRecord[]> {
  const text = await readFile(path.join(dataDir, 'history', 'runs.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RunHistoryRecord);
}

/** Starts a run and waits until it has ended and been recorded as the `nth` run of the history. */
async function runToCompletion(
  studio: StudioPage,
  dataDir: string,
  nth: number,
  engine: 'template' | 'llm' = 'llm',
): Promise<void> {
  await studio.workspace('ERD');
  await studio.generate(engine);
  await expect.poll(async () => (await history(dataDir).catch(() => [])).length, { timeout: 120_000 }).toBe(nth);
  await expect(studio.runStatus).toHaveText('completed');
}

test('three runs appear on the dashboard with the figures they recorded', async ({
  studio,
  page,
  dataDir,
  host,
  workDir,
}, testInfo) => {
  test.setTimeout(240_000);
  // The cache folder is one only the host may set; the rest as the Settings form would save it.
  await fileSettingsStore(path.join(dataDir, 'settings.json')).update({
    provider: 'custom',
    baseUrl: server.baseURL,
    model: 'fake-coder',
    concurrency: CONCURRENCY,
    cacheDir: path.join(workDir, 'cache'),
  });
  await page.goto('about:blank'); // a real load, so the page reads the settings anew
  await studio.goto(host.url);
  await studio.importFile(example('seed-v2-jobboard.json'));

  await runToCompletion(studio, dataDir, 1);
  const cold = server.requests.length;
  expect(cold).toBeGreaterThan(0);
  await runToCompletion(studio, dataDir, 2);
  expect(server.requests.length).toBe(cold);

  // A longer chain changes every cache key, so the third run asks the models again, through faults.
  await studio.workspace('Settings');
  await studio.setSetting('Fallback models (comma-separated)', 'fake-coder-2');
  await studio.saveSettings();
  server.inject(
    { fault: { kind: 'rateLimit', retryAfterMs: 50 }, times: 3, model: 'fake-coder' },
    { fault: { kind: 'serverError', status: 500 }, times: 2, model: 'fake-coder' },
  );
  await runToCompletion(studio, dataDir, 3);
  const third = server.requests.slice(cold);

  const runs = await history(dataDir);
  expect(runs.map((r) => [r.status, r.concurrency])).toEqual([
    ['completed', CONCURRENCY],
    ['completed', CONCURRENCY],
    ['completed', CONCURRENCY],
  ]);
  const [first, cached, faulty] = runs as [RunHistoryRecord, RunHistoryRecord, RunHistoryRecord];
  expect(first.modelCalls).toBe(cold);
  expect(cached).toMatchObject({ modelCalls: 0, cache: { hits: cold, misses: 0 } });
  expect(faulty.modelCalls).toBe(third.length);

  await studio.workspace('Dashboard');
  const dashboard = new DashboardPage(page);
  await dashboard.chartsDrawn();

  // Trends: one row per run with the value recorded, its moving average and the baseline.
  const cache = await dashboard.table('Cache hit rate');
  expect(cache.map((row) => row.slice(1, 2).concat(row.slice(4)))).toEqual([
    [first.runId, '0', '0', '30'],
    [cached.runId, '100', '50', '30'],
    [faulty.runId, '0', '33.333', '30'],
  ]);
  const pipeline = await dashboard.table('Pipeline time');
  expect(pipeline.map((row) => Number(row[4]))).toEqual(runs.map((r) => r.pipelineMs / 1000));
  const errors = await dashboard.table('Error rate');
  expect(errors.map((row) => Number(row[4]))).toEqual(runs.map((r) => Math.round(r.errorRate * 1000) / 10));

  // Per model: the failures the server injected, by class, for the model that met them.
  const failures = await dashboard.table('Failures per model');
  const rateLimited = third.filter((r) => r.fault === 'rateLimit').length;
  const serverErrors = third.filter((r) => r.fault === 'serverError').length;
  expect([rateLimited, serverErrors]).toEqual([3, 2]);
  expect(failures).toContainEqual([
    'fake-coder',
    String(cold + faulty.modelUsage.find((m) => m.model === 'fake-coder')!.calls),
    '3',
    '2',
  ]);

  // The selected run (the latest) on its lanes: one per slot of the concurrency.
  const timeline = await dashboard.table('Timeline of units per slot');
  expect(timeline).toHaveLength(faulty.units.length);
  expect(new Set(timeline.map((row) => row[2]))).toEqual(new Set(['1', '2', '3']));

  // The rate limits of the last run are cited by the rule they triggered; nothing else fires.
  const advice = page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem');
  await expect(advice).toHaveCount(1);
  await expect(advice).toContainText(`The last run met ${rateLimited} rate limits (429) at concurrency ${CONCURRENCY}`);

  // The export holds the same runs as the history.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(
    csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]),
  ).toEqual(runs.map((r) => r.runId));

  for (const theme of ['light', 'dark'] as const) {
    await studio.workspace('Settings');
    await studio.setSetting('Theme', theme);
    await studio.saveSettings();
    await page.getByRole('button', { name: 'Dismiss' }).click(); // the toast would cover a chart
    await studio.workspace('Dashboard');
    await dashboard.chartsDrawn();
    for (const name of ['Selected run', 'Trends', 'Models', 'Against the baselines'] as const)
      await dashboard
        .section(name)
        .screenshot({ path: testInfo.outputPath(`${theme}-${name.replace(/ /g, '-').toLowerCase()}.png`) });
  }
});

test('a baseline and a price changed in the settings re-rate and re-price the dashboard at once', async ({
  studio,
  page,
  dataDir,
  host,
  workDir,
}, testInfo) => {
  test.setTimeout(180_000);
  await fileSettingsStore(path.join(dataDir, 'settings.json')).update({
    provider: 'custom',
    baseUrl: server.baseURL,
    model: 'fake-coder',
    concurrency: 2,
    cacheDir: path.join(workDir, 'cache'),
  });
  await page.goto('about:blank');
  await studio.goto(host.url);
  await studio.importFile(example('seed-legacy-jobboard.json'));
  const dashboard = new DashboardPage(page);

  // A template run: its units take a fraction of a millisecond each, measured and shown as such.
  await runToCompletion(studio, dataDir, 1, 'template');
  await studio.workspace('Dashboard');
  await dashboard.chartsDrawn();
  const [template] = await history(dataDir);
  const agents = await dashboard.table('Time per agent');
  expect(agents.map((row) => [row[0], Number(row[2])])).toEqual(template!.agents.map((a) => [a.agent, a.busyMs]));
  expect(agents.every((row) => Number(row[2]) > 0)).toBe(true);
  const units = await dashboard.table('Timeline of units per slot');
  expect(units.every((row) => Number(row[4]) > Number(row[3]))).toBe(true);
  await expect(dashboard.figure('Cache hits and misses')).toContainText('No cache lookup in this run');
  for (const name of ['Selected run', 'Models'] as const)
    await dashboard
      .section(name)
      .screenshot({ path: testInfo.outputPath(`template-${name.replace(/ /g, '-').toLowerCase()}.png`) });

  await runToCompletion(studio, dataDir, 2);
  const run = (await history(dataDir))[1];
  const used = run!.modelUsage.find((m) => m.model === 'fake-coder')!;
  expect(used.tokensIn).toBeGreaterThan(0);

  await studio.workspace('Dashboard');
  await dashboard.chartsDrawn();
  const ratings = page.getByRole('table', { name: 'Ratings of the latest run' });
  const pipelineRow = ratings.getByRole('row').filter({ hasText: 'Pipeline time' });
  await expect(pipelineRow).toContainText('30.0 s');
  await expect(pipelineRow).toContainText('Excellent');
  // A local model with no price costs nothing.
  expect(await dashboard.table('Tokens and cost per model')).toEqual([
    ['fake-coder', String(used.calls), String(used.tokensIn), String(used.tokensOut), '0'],
  ]);

  await studio.workspace('Settings');
  await studio.setSetting('Baseline pipeline time (s)', '0.1');
  await page.getByRole('button', { name: 'Add model price' }).click();
  const rows = page.getByRole('table', { name: 'Model prices' }).getByRole('row');
  const added = `row ${(await rows.count()) - 1}`;
  await page.getByLabel(`Model of ${added}`).fill('fake-coder');
  await page.getByLabel('Input price of fake-coder').fill('200');
  await page.getByLabel('Output price of fake-coder').fill('1000');
  await studio.saveSettings();

  await studio.workspace('Dashboard');
  await expect(pipelineRow).toContainText('0.1 s');
  await expect(pipelineRow).toContainText('Needs attention');
  const cost = (used.tokensIn * 200 + used.tokensOut * 1000) / 1e6;
  await expect
    .poll(async () => (await dashboard.table('Tokens and cost per model'))[0]?.[4])
    .toBe(String(Math.round(cost * 1e6) / 1e6));
  const costTrend = await dashboard.table('Cost');
  expect(costTrend.map((row) => row[4])).toEqual(['-', String(Math.round(cost * 1e6) / 1e6)]);

  // Every view in both themes, without the toasts over them: the dashboard's sections and the
  // settings' baselines and prices.
  for (const theme of ['light', 'dark'] as const) {
    await studio.workspace('Settings');
    await studio.setSetting('Theme', theme);
    await studio.saveSettings();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    for (const name of ['Dashboard baselines', 'Model prices (US$ per million tokens)'])
      await page
        .getByRole('group', { name })
        .screenshot({ path: testInfo.outputPath(`${theme}-settings-${name.split(' ')[1]!.toLowerCase()}.png`) });
    await studio.workspace('Dashboard');
    await dashboard.chartsDrawn();
    for (const name of ['Selected run', 'Trends', 'Models', 'Against the baselines'] as const)
      await dashboard
        .section(name)
        .screenshot({ path: testInfo.outputPath(`${theme}-${name.replace(/ /g, '-').toLowerCase()}.png`) });
  }
});

test('an empty history says what to do', async ({ studio, page }, testInfo) => {
  await studio.workspace('Dashboard');
  await expect(page.getByText('No runs yet.')).toBeVisible();
  await expect(page.getByText(/press Generate, and come back/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('empty.png') });
});
