import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importErdText } from '../src-main/core/erd';
import { generateProject } from '../src-main/core/generate';
import { META_CONTENT_SECURITY_POLICY } from '../src-shared/api/csp';
import { StudioPage } from './support/studio-page';
import { example, expect, RENDERER_DIR, test } from './support/fixtures';

/** Which lazily loaded adapter chunk a request is for, if any. */
const ADAPTER_CHUNKS = {
  flow: /\/FlowDiagram-[\w-]+\.js$/,
  monaco: /\/Monaco(Code|Diff)View-[\w-]+\.js$/,
  charts: /\/ChartJsChart-[\w-]+\.js$/,
};

test('the built page carries exactly the CSP of csp.ts', async () => {
  const html = await readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
  expect(metas).toHaveLength(1);
  expect(metas[0]?.[1]?.replaceAll('&#39;', "'")).toBe(META_CONTENT_SECURITY_POLICY);
});

test('React Flow, Monaco and Chart.js load with their views, from the app itself, within the CSP', async ({
  host,
  page,
}, testInfo) => {
  await page.addInitScript(() => {
    // Runs in the page; the DOM types are not part of this (Node) project.
    const page = globalThis as unknown as {
      cspViolations: string[];
      document: {
        addEventListener(type: string, listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
      };
    };
    page.cspViolations = [];
    page.document.addEventListener('securitypolicyviolation', (e) =>
      page.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const loaded = (chunk: RegExp) => requests.some((url) => chunk.test(url));
  const studio = new StudioPage(page);
  await studio.goto(host.url);
  // None of the adapters is part of the page's start: the built page names none of their chunks
  // (no script, no modulepreload). Monaco and Chart.js are fetched when a view needs them; React
  // Flow's chunk is fetched once the ERD editor is shown and idle (preloadDiagramView), so it may
  // already be on its way here, as a request of its own.
  const html = await readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const startScripts = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  expect(startScripts.length).toBeGreaterThan(0);
  expect(startScripts.filter((url) => Object.values(ADAPTER_CHUNKS).some((chunk) => chunk.test(url)))).toEqual([]);
  expect(loaded(ADAPTER_CHUNKS.monaco) || loaded(ADAPTER_CHUNKS.charts)).toBe(false);

  const file = example('seed-v2-jobboard.json');
  const erd = importErdText(await readFile(file, 'utf8'), path.basename(file)).erd;
  if (!erd) throw new Error(`The example ${file} does not import.`);
  await studio.importFile(file);
  await studio.showErdAs('Diagram');
  for (const entity of erd.entities) await expect(studio.diagramEntity(entity.name)).toBeVisible();
  expect(loaded(ADAPTER_CHUNKS.flow)).toBe(true);
  expect(loaded(ADAPTER_CHUNKS.monaco)).toBe(false);
  await page.screenshot({ path: testInfo.outputPath('diagram.png') });

  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed');
  await studio.workspace('Review');
  const models = generateProject(erd).find((f) => f.path.endsWith('models.py'));
  if (!models) throw new Error('The generated project has no models.py.');
  await studio.selectReviewedFile(models.path);
  const code = studio.codeView(models.path);
  await expect(code.locator('.editor.modified')).toBeVisible();
  await expect(code.locator('.editor.modified .view-lines')).toContainText('from django.db import models');
  // Python is highlighted: keywords, strings and names get distinct token classes (plain text has one).
  const tokenKinds = await code
    .locator('.view-lines span[class^="mtk"]')
    .evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
  expect(tokenKinds).toBeGreaterThan(2);
  expect(loaded(ADAPTER_CHUNKS.monaco)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('review-monaco.png') });

  expect(loaded(ADAPTER_CHUNKS.charts)).toBe(false);
  await studio.workspace('Dashboard');
  await expect(page.getByRole('figure', { name: 'Time per agent', exact: true }).locator('canvas')).toBeVisible();
  expect(loaded(ADAPTER_CHUNKS.charts)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('dashboard-chart.png') });

  expect(await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  const origin = new URL(host.url).origin;
  expect(
    requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')),
  ).toEqual([]);
});
