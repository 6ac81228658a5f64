/**
 * The review's last steps as a person takes them, on the template engine: the file list keeps
 * each file's name and tells the whole path; writing shows the writer's real progress and, in the
 * browser, the path with a copy button; an edit that breaks only when Django runs it (a serializer
 * naming a field the model lacks) is caught by "Run runtime checks", and its finding, marker and
 * category follow. Screenshots of the review with findings, the diff and the write, light and dark.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { importErdText } from '../src-main/core/erd';
import { generateProject } from '../src-main/core/generate';
import { ReviewPage } from './support/review-page';
import { example, expect, test } from './support/fixtures';

const SERIALIZERS = 'core/serializers.py';

async function templateText(file: string, rel: string): Promise<string> {
  const imported = importErdText(await readFile(file, 'utf8'), path.basename(file));
  if (!imported.erd) throw new Error(`The example ${file} does not import.`);
  const text = generateProject(imported.erd).find((f) => f.path === rel)?.content;
  if (text === undefined) throw new Error(`The example ${file} has no ${rel}.`);
  return text;
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // The toasts have been read; they would hide what the picture is for.
  // A toast may leave by itself meanwhile, so a dismissal that finds nothing is fine.
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  for (let left = await dismiss.count(); left > 0; left = await dismiss.count())
    await dismiss
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath(`${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath(`${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every value the progress bar named `label` shows while the page runs, recorded in the page. */
async function recordProgress(page: Page, label: string): Promise<void> {
  await page.evaluate((name) => {
    type El = { getAttribute(n: string): string | null };
    const doc = (globalThis as unknown as { document: { querySelector(s: string): El | null; body: unknown } })
      .document;
    const seen: { now: number; max: number }[] = [];
    (globalThis as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    const Observer = (
      globalThis as unknown as {
        MutationObserver: new (cb: () => void) => { observe(t: unknown, o: object): void };
      }
    ).MutationObserver;
    new Observer(() => {
      const bar = doc.querySelector(`[role="progressbar"][aria-label="${name}"]`);
      if (!bar) return;
      const now = Number(bar.getAttribute('aria-valuenow'));
      const max = Number(bar.getAttribute('aria-valuemax'));
      const last = seen.at(-1);
      if (!last || last.now !== now || last.max !== max) seen.push({ now, max });
    }).observe(doc.body, { subtree: true, childList: true, attributes: true });
  }, label);
}

const progressSeen = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { progressSeen: { now: number; max: number }[] }).progressSeen);

test('file names stay readable, writing shows its progress and the path, runtime checks catch a broken serializer', async ({
  studio,
  page,
  workDir,
  context,
}, testInfo) => {
  test.setTimeout(300_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const file = example('seed-v2-jobboard.json');
  const review = new ReviewPage(page);
  await studio.importFile(file);
  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed');
  await studio.workspace('Review');

  // A long path keeps its file name on screen; the whole path is the tooltip and the name.
  const migration = 'core/migrations/__init__.py';
  const button = review.files.getByRole('button', { name: migration, exact: true });
  await expect(button).toHaveAttribute('title', migration);
  await expect(button.locator('.path-name')).toHaveText('__init__.py');
  const name = await button.locator('.path-name').boundingBox();
  const row = await button.boundingBox();
  expect(name && row && name.x + name.width <= row.x + row.width + 1).toBe(true);

  // Writing: the writer's progress, step by step, then the path with a copy button.
  const total = await review.files.getByRole('listitem').count();
  const out = path.join(workDir, 'jobboard-api');
  await review.setOutputFolder(out);
  await recordProgress(page, 'Writing');
  await review.write();
  await expect(page.getByLabel('Written to')).toContainText(out);
  const seen = await progressSeen(page);
  const approved = Number((await review.approval.textContent())?.match(/^(\d+) of/)?.[1]);
  expect(approved).toBeGreaterThan(0);
  expect(approved).toBe(total);
  // A new folder: every approved file and its merge base, then the manifest.
  const operations = approved * 2 + 1;
  const steps = seen.filter((s) => s.max === operations && s.now > 0);
  expect(steps.length, JSON.stringify(seen)).toBeGreaterThan(0);
  expect(steps.every((s, i) => s.now <= operations && (i === 0 || s.now > (steps[i - 1]?.now ?? 0)))).toBe(true);
  await page.getByRole('button', { name: 'Copy path' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Copied ${out}.` })).toBeVisible();
  expect(
    await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    ),
  ).toBe(out);
  await expect(page.getByRole('button', { name: 'Open folder' })).toHaveCount(0);
  await shoot(page, testInfo, 'written');

  // An edit that only running Django catches: the serializer names a field the model does not have.
  const original = await templateText(file, SERIALIZERS);
  // One line changed, typed at its end, so the editor's auto-indentation has nothing to do.
  const line = original.split('\n').findIndex((l) => l.trim() === "'id',");
  expect(line).toBeGreaterThan(0);
  await review.open(SERIALIZERS);
  await review.modifiedEditor(SERIALIZERS).click({ position: { x: 100, y: 10 } });
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.insertText(" 'no_such_field',");
  await expect(review.category(SERIALIZERS)).toHaveText(/your edit/);
  await review.keepEdit();
  await expect(page.getByRole('status').filter({ hasText: `Kept your edit of ${SERIALIZERS}` })).toBeVisible();

  const checks = page.getByRole('group', { name: 'Runtime checks' });
  const run = checks.getByRole('button', { name: 'Run runtime checks' });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await expect(checks).toContainText(/Django \d/);
  await recordProgress(page, 'Runtime checks progress');
  await run.click();
  await expect(checks.getByRole('progressbar', { name: 'Runtime checks progress' })).toBeVisible();
  await expect(checks).toContainText(/Last run: [1-9]\d* runtime finding/, { timeout: 240_000 });
  const phases = await progressSeen(page);
  expect(phases.map((p) => p.now)).toEqual(expect.arrayContaining([0, 1]));
  expect(phases.every((p) => p.max === 5)).toBe(true);

  await expect(review.category(SERIALIZERS)).toHaveText(/^Error/);
  // Only running Django sees it as Django does: the runtime layer's finding, pinned on the edited file.
  const runtimeFinding = review.findings(SERIALIZERS).getByRole('listitem').filter({ hasText: 'runtime.' });
  await expect(runtimeFinding.first()).toContainText('no_such_field');
  await expect(review.modifiedEditor(SERIALIZERS).locator('.squiggly-error').first()).toBeAttached();
  await expect(review.fileRow(SERIALIZERS)).toHaveClass(/cat-error/);
  await shoot(page, testInfo, 'review-runtime-findings');
  await review.diff(SERIALIZERS).scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'light' });
  await review.fileView(SERIALIZERS).screenshot({ path: testInfo.outputPath('diff-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await review.fileView(SERIALIZERS).screenshot({ path: testInfo.outputPath('diff-dark.png') });
});
