import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importErdText } from '../src-main/core/erd';
import type { Erd } from '../src-shared/erd/model';
import { EditorPage } from './support/editor-page';
import { example, expect, test } from './support/fixtures';

/** What makes two documents the same model: entities with their fields' names and types, and relations. */
function model(erd: Erd) {
  return {
    entities: erd.entities.map((e) => ({ name: e.name, fields: e.fields.map((f) => [f.name, f.type]) })),
    relations: erd.relations.map((r) => [r.from, r.name, r.kind, r.to]),
  };
}

test('build the job-board ERD from nothing by clicking and typing, undo it all, redo, save and reopen', async ({
  studio,
  page,
  workDir,
}) => {
  const editor = new EditorPage(page);
  const file = example('seed-legacy-jobboard.json');
  const expected = importErdText(await readFile(file, 'utf8'), path.basename(file)).erd;
  if (!expected) throw new Error(`The example ${file} does not import.`);

  await editor.addEntity('User');
  await editor.addField('User', 'email', 'email');
  await editor.addEntity('Job');
  await editor.selectEntity('Job');
  await editor.inspector.getByRole('button', { name: 'Show field name', exact: true }).click();
  await editor.rename('Field name', 'title');
  await editor.addField('Job', 'description', 'text');
  await editor.drawRelation('Job', 'User', 'Many-to-one');
  await expect(editor.relation('Job', 'user', 'User')).toBeAttached();
  await editor.rename('Relation name', 'posted_by');
  await expect(editor.relation('Job', 'posted_by', 'User')).toBeAttached();

  // Undo every step back to the empty document, then redo them all.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  let steps = 0;
  while (await undo.isEnabled()) {
    await undo.click();
    steps++;
  }
  await expect(page.getByText('No entities yet')).toBeVisible();
  for (let i = 0; i < steps; i++) await editor.redo();
  await expect(editor.relation('Job', 'posted_by', 'User')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();

  const saved = path.join(workDir, 'jobboard.json');
  await page.getByLabel('File path').fill(saved);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${saved}` })).toBeVisible();
  await studio.openPath(saved);
  await expect(editor.entity('Job')).toBeVisible();
  const reopened = importErdText(await readFile(saved, 'utf8'), 'jobboard.json').erd;
  expect(reopened && model(reopened)).toEqual(model(expected));
  await page.screenshot({ path: path.resolve('test-results', 'erd-editor', 'jobboard-built.png') });
});

test('a click on the empty canvas gives it the keyboard: shortcuts, zoom, fit and pan by key', async ({
  studio,
  page,
}) => {
  const editor = new EditorPage(page);
  await studio.importFile(example('seed-legacy-jobboard.json'));
  await expect(editor.entity('Job')).toBeVisible();
  const scale = async () =>
    Number(/scale\(([^)]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1]);
  const translateX = async () =>
    Number(
      /translate\(([-\d.]+)px/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1],
    );
  const pane = await editor.canvas.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('the canvas is not on screen');
  // A corner of the canvas that no box covers.
  await page.mouse.click(pane.x + 12, pane.y + 12);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Fit the whole diagram in view');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  const fitted = await scale();
  await page.keyboard.press('-');
  await expect.poll(scale).toBeLessThan(fitted);
  await page.keyboard.press('Shift+Digit1');
  await expect.poll(scale).toBeCloseTo(fitted, 2);
  const x = await translateX();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(translateX).toBeGreaterThan(x);
  await page.keyboard.press('n');
  await editor.panel('History');
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Add entity');
});
