/**
 * The review with the LLM engine against the local OpenAI-compatible server: edit a file in the
 * diff editor and see its score and markers change, keep the edit, run a batch and undo it,
 * regenerate with feedback (the feedback reaches the model's prompt) and see the diff against the
 * previous version, use every batch operation, write, and find exactly the approved contents on
 * disk. No request of the page leaves 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { draftFromPrompt, draftResponder } from '../test-support/draft-responder';
import { startOpenAiServer, type ChatRequest, type OpenAiServer } from '../test-support/openai-server';
import { ReviewPage } from './support/review-page';
import { example, expect, test } from './support/fixtures';

const FEEDBACK_HEADING = "### Reviewer's feedback on the current version of";

/** A cooperative model: the draft back, and with feedback a comment saying what it applied. */
function responder(request: ChatRequest): string {
  const first = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const feedback = new RegExp(`${FEEDBACK_HEADING} \\S+\\n\\n(.*)`).exec(first)?.[1];
  if (feedback === undefined) return draftResponder(request);
  return ['```python', `# regenerated: ${feedback}`, draftFromPrompt(first) ?? 'VALUE = 1', '```'].join('\n');
}

let server: OpenAiServer;
test.beforeEach(async () => {
  server = await startOpenAiServer({ responder, chunkDelayMs: 2 });
});
test.afterEach(async () => server.close());

test('edit, batch and undo, regenerate with feedback, and write the approved contents', async ({
  studio,
  page,
  workDir,
}, testInfo) => {
  test.setTimeout(180_000);
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  const review = new ReviewPage(page);
  await studio.workspace('Settings');
  await studio.setSetting('Provider', 'custom');
  await studio.setSetting('Base URL (empty: the provider’s)', server.baseURL);
  await studio.setSetting('Model', 'fake-coder');
  await studio.saveSettings();
  await studio.importFile(example('seed-v2-jobboard.json'));
  await studio.generate('llm');
  await expect(studio.runStatus).toHaveText('completed', { timeout: 90_000 });
  await studio.workspace('Review');

  const MODELS = 'core/models.py';
  await review.open(MODELS);
  await expect(review.modifiedEditor(MODELS)).toContainText('refined by the test model');
  await expect(review.category(MODELS)).toHaveText('Auto-approved');
  await page.getByLabel('Compare with').selectOption('draft');
  await expect(review.diff(MODELS).locator('.editor.original')).not.toContainText('refined by the test model');

  // An edit is judged again as it is typed: a syntax error drops the score and shows a marker.
  const before = await review.score(MODELS).textContent();
  await review.appendInEditor(MODELS, '\n\ndef broken(:\n    pass\n');
  await expect(review.category(MODELS)).toContainText('Error · your edit, not kept yet', { timeout: 5_000 });
  await expect(review.score(MODELS)).not.toHaveText(before ?? '');
  await expect(review.findings(MODELS)).toContainText('error');
  await expect(review.modifiedEditor(MODELS).locator('.squiggly-error').first()).toBeAttached();
  await page.screenshot({ path: testInfo.outputPath('review-findings-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('review-findings-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await review.findings(MODELS).getByRole('button').first().click();

  await review.keepEdit();
  await expect(review.fileRow(MODELS)).toContainText('edited');
  await expect(review.decision(MODELS)).toHaveText('pending');

  // Batch 4 on the broken file, then undone.
  await review.runBatch('Skip all problematic', 'Skip', 1);
  await expect(review.decision(MODELS)).toHaveText('skipped');
  await review.undoBatch('Skip all problematic');
  await expect(review.decision(MODELS)).toHaveText('pending');

  // Regenerate with feedback: the model's answer replaces the broken edit, the previous stays.
  const feedback = 'Add a docstring to every model.';
  await review.regenerate(MODELS, feedback);
  await expect(page.getByRole('status').filter({ hasText: `Regenerated ${MODELS}` })).toBeVisible({ timeout: 60_000 });
  expect(server.requests.some((r) => r.messages.some((m) => m.content.includes(feedback)))).toBe(true);
  await expect(review.fileRow(MODELS)).toContainText('regenerated');
  await expect(page.getByLabel('Compare with')).toHaveValue('previous');
  await expect(review.diff(MODELS).locator('.editor.modified')).toContainText(`# regenerated: ${feedback}`);
  // The broken edit is the previous version: its lines show as removed, the model's as added.
  await expect(review.diff(MODELS).locator('.editor.modified .line-insert').first()).toBeAttached();
  await page.getByLabel('Compare with').selectOption('draft');
  await page.getByLabel('Compare with').selectOption('previous');
  await page.screenshot({ path: testInfo.outputPath('diff-regenerated-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('diff-regenerated-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  const leftWidth = async () =>
    (
      await review
        .diff(MODELS)
        .locator('.editor.original')
        .boundingBox()
        .catch(() => null)
    )?.width ?? 0;
  await expect.poll(leftWidth).toBeGreaterThan(200);
  await page.getByRole('checkbox', { name: 'Inline' }).check();
  await expect.poll(leftWidth).toBeLessThan(50);
  await page.getByRole('checkbox', { name: 'Inline' }).uncheck();
  await expect.poll(leftWidth).toBeGreaterThan(200);

  // Every other batch operation: take three files back, then approve them in different ways.
  for (const p of ['core/views.py', 'core/serializers.py', 'README.md']) {
    await review.open(p);
    await page.keyboard.press('p');
    await expect(review.decision(p)).toHaveText('pending');
  }
  await review.fileRow('core/views.py').getByRole('checkbox').click();
  await review.runBatch('Approve selection', 'Approve', 1);
  await expect(review.decision('core/views.py')).toHaveText('approved');
  await review.runBatch('Approve high + medium', 'Approve', 2);
  await expect(review.decision('README.md')).toHaveText('approved');
  await review.undoBatch('Approve high + medium');
  await expect(review.decision('README.md')).toHaveText('pending');
  await review.runBatch('Approve all high quality', 'Approve', 2);
  await review.open('README.md');
  await page.keyboard.press('p');
  await review.batch('Review each file (1)').click();
  await expect(page.getByRole('article')).toHaveAccessibleName('Content of README.md');
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: 'Every file is decided.' })).toBeVisible();
  await expect(review.approval).toContainText('100 % approval');

  const out = path.join(workDir, 'api');
  await review.setOutputFolder(out);
  await review.showPlan();
  await review.write();
  await expect(page.getByRole('status').filter({ hasText: `to ${out}.` })).toBeVisible();
  const written = await readFile(path.join(out, MODELS), 'utf8');
  expect(written).toContain(`# regenerated: ${feedback}`);
  expect(written).not.toContain('def broken(');
  await review.open(MODELS);
  await page.getByLabel('Compare with').selectOption('disk');
  await expect(review.diff(MODELS).locator('.line-insert, .line-delete, .char-insert, .char-delete')).toHaveCount(0);
  expect(urls.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);
});
