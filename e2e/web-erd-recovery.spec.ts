/**
 * Never losing a diagram: a page killed in the middle of an edit leaves a recovery copy in the
 * host's data folder; the next page offers it, saying when it was saved, and restores it as an
 * unsaved document. Saving forgets the copy.
 */
import { access, readFile } from 'node:fs/promises';
import { recoveryFile } from '../src-main/core/studio/document-handlers';
import { EditorPage } from './support/editor-page';
import { expect, test } from './support/fixtures';
import { StudioPage } from './support/studio-page';

test('kill the page mid-edit and restore the recovery copy on the next start', async ({
  studio: _opened,
  page,
  host,
  dataDir,
  workDir,
}) => {
  const editor = new EditorPage(page);
  await editor.addEntity('Invoice');
  await editor.addField('Invoice', 'number', 'string');
  await expect(page.getByLabel('Open document')).toContainText('•');
  // The copy follows the edits within a few seconds.
  await expect
    .poll(async () => readFile(recoveryFile(dataDir), 'utf8').catch(() => ''), { timeout: 15_000 })
    .toMatch(/"name": "Invoice"[\s\S]*"name": "number"/);
  await page.close({ runBeforeUnload: false });

  const next = await page.context().newPage();
  const again = new StudioPage(next);
  await again.goto(host.url);
  const offer = new EditorPage(next).recovery;
  await expect(offer).toContainText('Untitled');
  await expect(offer).toContainText('1 entities');
  await expect(offer.locator('time')).toHaveAttribute('datetime', new RegExp(`^${new Date().getUTCFullYear()}-`));
  await offer.getByRole('button', { name: 'Restore' }).click();
  const restored = new EditorPage(next);
  await expect(restored.entity('Invoice')).toBeVisible({ timeout: 45_000 });
  await expect(restored.entity('Invoice')).toContainText('number');
  await expect(next.getByLabel('Open document')).toContainText('•');
  await expect(offer).toHaveCount(0);

  // Saving the restored document forgets the copy.
  await next.getByLabel('File path').fill(`${workDir}/invoices.json`);
  await next.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(next.getByLabel('Open document')).toHaveText('invoices.json');
  await expect
    .poll(async () =>
      access(recoveryFile(dataDir)).then(
        () => true,
        () => false,
      ),
    )
    .toBe(false);

  const third = await page.context().newPage();
  await new StudioPage(third).goto(host.url);
  await expect(third.getByRole('heading', { name: 'DjForge Studio' })).toBeVisible();
  await third.waitForTimeout(500);
  await expect(new EditorPage(third).recovery).toHaveCount(0);
});

test('a discarded copy is not offered again', async ({ studio: _opened, page, host, dataDir }) => {
  const editor = new EditorPage(page);
  await editor.addEntity('Draft');
  await expect
    .poll(
      async () =>
        access(recoveryFile(dataDir)).then(
          () => true,
          () => false,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.close({ runBeforeUnload: false });
  const next = await page.context().newPage();
  await new StudioPage(next).goto(host.url);
  const offer = new EditorPage(next).recovery;
  await offer.getByRole('button', { name: 'Discard' }).click();
  await expect(offer).toHaveCount(0);
  await expect
    .poll(async () =>
      access(recoveryFile(dataDir)).then(
        () => true,
        () => false,
      ),
    )
    .toBe(false);
});
