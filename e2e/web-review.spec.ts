/**
 * The review workspace as a person uses it, on the template engine: files by category, a batch
 * with its question, the merge plan, writing, and a conflict with a hand edit on disk resolved
 * in the three-way view. No request of the page leaves 127.0.0.1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { importErdText } from '../src-main/core/erd';
import { generateProject } from '../src-main/core/generate';
import { shipMigrations } from '../src-main/core/run/migrations-step';
import { ReviewPage } from './support/review-page';
import { example, expect, test } from './support/fixtures';

/** Every URL the page asks for, to check that none leaves the loopback host. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));
  return urls;
}

const offLoopback = (urls: readonly string[]) =>
  urls.filter(
    (u) => !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(u) && !u.startsWith('blob:') && !u.startsWith('data:'),
  );

async function templateProject(file: string) {
  const imported = importErdText(await readFile(file, 'utf8'), path.basename(file));
  if (!imported.erd) throw new Error(`The example ${file} does not import.`);
  const shipped = await shipMigrations(imported.erd, { env: process.env });
  return new Map([...generateProject(imported.erd), ...shipped.files].map((f) => [f.path, f.content]));
}

test('generate on the template engine, approve all high quality, see the plan and write exactly the approved files', async ({
  studio,
  page,
  workDir,
}, testInfo) => {
  const urls = recordRequests(page);
  const file = example('seed-v2-jobboard.json');
  const expected = await templateProject(file);
  const review = new ReviewPage(page);
  await studio.importFile(file);
  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed');
  await studio.workspace('Review');
  await expect(review.files.getByRole('listitem')).toHaveCount(expected.size);
  await expect(review.files.getByRole('heading').first()).toHaveText(/^Auto-approved · \d+$/);

  // The template engine's files are clean: the host approved them itself. Take two back, so the
  // batch has something to do, then approve all high quality.
  await review.open('core/models.py');
  await expect(review.modifiedEditor('core/models.py')).toBeVisible();
  await page.keyboard.press('p');
  await review.open('core/views.py');
  await page.keyboard.press('p');
  await expect(review.decision('core/views.py')).toHaveText('pending');
  await expect(review.approval).toHaveText(new RegExp(`^${expected.size - 2} of ${expected.size} approved`));
  await review.batch('Approve all high quality (2)').click();
  await expect(page.getByRole('dialog', { name: 'Confirm batch' })).toContainText('core/models.py');
  await page.screenshot({ path: testInfo.outputPath('batch-bar-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('batch-bar-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('dialog', { name: 'Confirm batch' }).getByRole('button', { name: 'Approve 2 file(s)' }).click();
  await expect(review.approval).toHaveText(new RegExp(`^${expected.size} of ${expected.size} approved · 100 %`));

  const out = path.join(workDir, 'jobboard-api');
  await review.setOutputFolder(out);
  await review.showPlan();
  await expect(review.plan).toContainText(`Creating ${out}`);
  await expect(review.plan).toContainText(`${expected.size} new`);
  await page.screenshot({ path: testInfo.outputPath('merge-plan-new-light.png') });
  await review.write();
  await expect(page.getByRole('status').filter({ hasText: `Wrote ${expected.size} files to ${out}.` })).toBeVisible();
  await expect(page.getByLabel('Written to')).toHaveText(`Written to ${out}`);
  for (const [rel, content] of expected) expect(await readFile(path.join(out, rel), 'utf8'), rel).toBe(content);
  expect(offLoopback(urls)).toEqual([]);
});

test('a hand edit on disk and an edit in the review conflict; the three-way view resolves it', async ({
  studio,
  page,
  workDir,
}, testInfo) => {
  const urls = recordRequests(page);
  const review = new ReviewPage(page);
  await studio.importFile(example('seed-v2-jobboard.json'));
  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed');
  await studio.workspace('Review');
  const out = path.join(workDir, 'api');
  await review.setOutputFolder(out);
  await review.write();
  await expect(page.getByRole('status').filter({ hasText: `to ${out}.` })).toBeVisible();

  const README = 'README.md';
  const generated = await readFile(path.join(out, README), 'utf8');
  const [title, ...rest] = generated.split('\n');
  const mine = [`${title} (my notes)`, ...rest].join('\n');
  await writeFile(path.join(out, README), mine);

  await review.open(README);
  await page.getByLabel('Compare with').selectOption('disk');
  await expect(review.diff(README).locator('.editor.original')).toContainText('(my notes)');
  const reviewed = ['# Job board API', ...rest].join('\n');
  // The top of the editor's visible text, whichever line is there (as the other review specs click):
  // the lines' own element is as wide as the longest line and may start left of what is shown.
  await review.modifiedEditor(README).click({ position: { x: 100, y: 10 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(reviewed);
  await review.keepEdit();
  await expect(page.getByRole('status').filter({ hasText: `Kept your edit of ${README} as version 2.` })).toBeVisible();
  await expect(review.decision(README)).toHaveText('approved');

  await review.showPlan();
  await expect(review.plan).toContainText(`Merging into ${out}`);
  await expect(review.plan.getByRole('listitem').filter({ hasText: README })).toContainText('conflicting');
  await page.screenshot({ path: testInfo.outputPath('merge-plan-conflict-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('merge-plan-conflict-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await review.plan.getByRole('button', { name: `Resolve ${README}` }).click();
  const conflict = review.conflict(README);
  await expect(conflict.getByRole('region', { name: 'Yours (on disk)' })).toContainText('(my notes)');
  await expect(conflict.getByRole('region', { name: 'Generated now' })).toContainText('Job board API');
  const result = conflict.getByRole('region', { name: `Result of ${README}` });
  await expect(result).toContainText('<<<<<<< yours');
  await conflict.screenshot({ path: testInfo.outputPath('three-way-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await conflict.screenshot({ path: testInfo.outputPath('three-way-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  const resolved = ['# Job board API (my notes)', ...rest].join('\n');
  await result.locator('.monaco-editor').click({ position: { x: 120, y: 12 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(resolved);
  await conflict.getByRole('button', { name: 'Use this result' }).click();
  await expect(review.plan.getByRole('listitem').filter({ hasText: README })).toContainText('merged');
  await expect(review.plan.getByRole('listitem').filter({ hasText: README })).toContainText('your resolution');

  await review.write();
  await expect(page.getByRole('status').filter({ hasText: `into ${out}.` })).toBeVisible();
  expect(await readFile(path.join(out, README), 'utf8')).toBe(resolved);
  expect(await readFile(path.join(out, '.djforge/base', README), 'utf8')).toBe(reviewed);
  expect(offLoopback(urls)).toEqual([]);
});
