/**
 * The ERD editor in a real browser (headless Chromium against the web host over the built
 * renderer): a 150-entity document opened to an interactive canvas, then frame times while a
 * node is dragged and while the canvas is panned, measured in the page with requestAnimationFrame.
 * Needs `npx electron-vite build` first and a Chromium (DJFORGE_CHROMIUM, default /usr/bin/chromium);
 * says so and skips otherwise.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultCoreFunctions } from '../src-main/core/studio/default-core';
import { startWebHost } from '../src-main/web/web-host';
import type { Erd } from '../src-shared/erd/model';
import { syntheticErd } from './synthetic-erd';

const RENDERER = path.resolve('out', 'renderer');
const BROWSER = process.env['DJFORGE_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/** The document as saved with positions: boxes on a 12-column grid, as sized by the editor. */
function placed(erd: Erd): Erd {
  const positions = Object.fromEntries(
    erd.entities.map((e, i) => [e.name, { x: (i % 12) * 320, y: Math.floor(i / 12) * 300 }]),
  );
  return { ...erd, layout: { positions } };
}

/** Frame times (ms) while `act` runs, from requestAnimationFrame in the page. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  // A string, not a function: the bundler's helpers (esbuild's __name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  const stamps = await page.evaluate<number[]>('(() => { window.__recording = false; return window.__frames; })()');
  return stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
}

function summary(label: string, all: number[]): string {
  // Two callbacks with one timestamp are one frame: only the steps between frames count.
  const deltas = all.filter((d) => d > 0);
  const sorted = deltas.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length);
  return `  ${label.padEnd(28)} ${deltas.length} frames, mean ${mean.toFixed(1)} ms (${(1000 / mean).toFixed(0)} fps), p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

/** A point of the canvas where the empty pane (not a box) is under the pointer. */
async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate<{ x: number; y: number }>(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 15)
      for (let x = pane.left + 80; x < pane.right - 220; x += 15)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    throw new Error('no empty spot on the canvas');
  })()`);
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Drags the box's header across the canvas (90 moves), as a person drags an entity. */
async function dragBox(page: Page, head: { x: number; y: number }): Promise<void> {
  await page.mouse.move(head.x + 20, head.y + 8);
  await page.mouse.down();
  for (let i = 1; i <= 90; i++) await page.mouse.move(head.x + 20 + i * 3, head.y + 8 + i * 2);
  await page.mouse.up();
}

async function panCanvas(page: Page): Promise<void> {
  const at = await panePoint(page);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 90; i++) await page.mouse.move(at.x + i * 4, at.y + i * 2);
  await page.mouse.up();
}

/** Frame times of `times` runs of `act`; the run with the median mean is reported (runs vary with the machine). */
async function medianRun(page: Page, times: number, act: () => Promise<void>): Promise<number[]> {
  const runs: number[][] = [];
  for (let i = 0; i < times; i++) runs.push(await frameTimes(page, act));
  const mean = (d: number[]) => d.reduce((a, b) => a + b, 0) / Math.max(1, d.length);
  return runs.sort((a, b) => mean(a) - mean(b))[Math.floor(runs.length / 2)] ?? [];
}

/**
 * Opens the file in a fresh page of the studio (the editor shown and idle first): how long until
 * the first box is drawn, and until a click on a box selects it (the inspector shows it).
 */
async function openOnce(
  browser: Browser,
  url: string,
  file: string,
): Promise<{ page: Page; shown: number; interactive: number; inPage: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await page.goto(url);
  await page.getByRole('heading', { name: 'DjForge Studio' }).waitFor();
  await page.getByLabel('Open document').filter({ hasText: 'Untitled' }).waitFor();
  // As a person opens a file: a moment after the editor shows (it fetches the canvas's code when idle).
  await page.waitForTimeout(1500);
  // The page's own clock too: from the file input's change to the first box painted, and from
  // the click's pointerdown to the inspector showing the entity — the app's share of the wall time
  // (Playwright's file transfer and its checks before a click are the rest).
  await page.evaluate(`(() => {
    const marks = (window.__marks = {});
    document.addEventListener('change', () => (marks.change ??= performance.now()), true);
    document.addEventListener('pointerdown', () => (marks.down ??= performance.now()), true);
    new MutationObserver(() => {
      // Drawn: boxes on the canvas fitted to the view (React Flow starts at zoom 1, then fits).
      const viewport = document.querySelector('.react-flow__viewport');
      const fitted = viewport && !/scale\\(1\\)/.test(viewport.getAttribute('style') ?? 'scale(1)');
      if (marks.change !== undefined && marks.box === undefined && fitted && document.querySelector('.react-flow__node-box'))
        requestAnimationFrame(() => (marks.box ??= performance.now()));
      if (marks.down !== undefined && marks.inspector === undefined && document.querySelector('input[aria-label="Entity name"]'))
        requestAnimationFrame(() => (marks.inspector ??= performance.now()));
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  })()`);
  const started = Date.now();
  await page.getByLabel('ERD file').setInputFiles(file);
  const first = page.locator('.react-flow__node-box').first();
  await first.waitFor();
  const shown = Date.now() - started;
  await first.locator('.diagram-box-head').click();
  await page.getByLabel('Entity name', { exact: true }).waitFor();
  const interactive = Date.now() - started;
  const marks = await page.evaluate<Record<string, number>>('window.__marks');
  const inPage = Math.round(
    (marks['box'] ?? NaN) - (marks['change'] ?? NaN) + ((marks['inspector'] ?? NaN) - (marks['down'] ?? NaN)),
  );
  return { page, shown, interactive, inPage };
}

export async function runErdBrowserBenchmarks(count = 150): Promise<void> {
  const runs = Math.max(1, Number(process.env['DJFORGE_BENCH_ERD_RUNS'] ?? 5));
  console.log(`ERD editor in Chromium (${count} entities, ${runs} runs each, medians)`);
  if (!existsSync(path.join(RENDERER, 'index.html')) || !existsSync(BROWSER)) {
    console.log(`  skipped: needs the built renderer (npx electron-vite build) and a Chromium at ${BROWSER}.`);
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djforge-bench-data-'));
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'djforge-bench-work-'));
  const host = await startWebHost({
    rendererDir: RENDERER,
    dataDir,
    env: {},
    version: 'bench',
    core: defaultCoreFunctions,
    roots: [workDir],
  });
  const browser = await chromium.launch({ executablePath: BROWSER, args: ARGS });
  try {
    const file = path.join(workDir, `synthetic-${count}.json`);
    await writeFile(file, JSON.stringify(placed(syntheticErd(count))));
    const shown: number[] = [];
    const interactive: number[] = [];
    const inPage: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < runs; i++) {
      await page?.close();
      const run = await openOnce(browser, host.url, file);
      page = run.page;
      shown.push(run.shown);
      interactive.push(run.interactive);
      inPage.push(run.inPage);
    }
    if (!page) return;
    const list = (xs: number[]) => xs.join(', ');
    console.log(`  open to first box drawn       ${median(shown)} ms (runs: ${list(shown)}; the editor idle before)`);
    console.log(
      `  open to interactive           ${median(interactive)} ms (runs: ${list(interactive)}; a click on a box selects it)`,
    );
    console.log(
      `    of which the app's          ${median(inPage)} ms (runs: ${list(inPage)}; change to the fitted diagram painted + pointerdown to inspector)`,
    );
    // Again, with the canvas's code loaded: what opening a file costs once the editor has been used.
    await page.getByLabel('ERD file').setInputFiles(file);
    const again = Date.now();
    await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Replace the diagram' }).click();
    await page
      .getByRole('list', { name: 'History' })
      .or(page.getByText('Import'))
      .first()
      .waitFor({ state: 'attached' });
    await page.locator('.react-flow__node-box').first().waitFor();
    console.log(`  replace with it again         ${Date.now() - again} ms (canvas code already loaded)`);
    console.log(`  (machine load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores)`);

    const first = page.locator('.react-flow__node-box').first();
    const fitted = await first.locator('.diagram-box-head').boundingBox();
    if (!fitted) throw new Error('the first box is not on screen');
    console.log(summary('drag a node, whole diagram', await medianRun(page, runs, () => dragBox(page, fitted))));
    console.log(summary('pan, whole diagram', await medianRun(page, runs, () => panCanvas(page))));
    // Zoomed in to reading size, as a person edits: rows and labels written out.
    await page.getByRole('button', { name: 'Fit View' }).click();
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(500);
    const zoom = await page.evaluate<string>(
      `document.querySelector('.react-flow__viewport').style.transform.match(/scale\\(([^)]+)\\)/)[1]`,
    );
    const near = page
      .locator('.react-flow__node-box')
      .filter({ has: page.locator('.diagram-row') })
      .first();
    const head = await near.locator('.diagram-box-head').boundingBox();
    if (!head) throw new Error('no box with its rows written out is on screen');
    console.log(
      summary(`drag a node, zoom ${Number(zoom).toFixed(2)}`, await medianRun(page, runs, () => dragBox(page, head))),
    );
    console.log(summary(`pan, zoom ${Number(zoom).toFixed(2)}`, await medianRun(page, runs, () => panCanvas(page))));
  } finally {
    await browser.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runErdBrowserBenchmarks();
