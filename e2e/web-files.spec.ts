/**
 * What the page may do with the disk through the web host: only inside the roots the host was
 * started with, replacing a folder DjForge did not write only after its name is typed back, and
 * never changing the interpreter the runtime layer runs.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { example, expect, test } from './support/fixtures';

test('a path outside the roots is refused with its sentence, and nothing is read', async ({ studio }) => {
  await studio.openPath('/etc/passwd');
  await expect(studio.toast('Refused: the ERD file "/etc/passwd" is inside a protected folder (/etc).')).toBeVisible();
});

test('replacing a foreign folder asks for its name typed back', async ({ studio, page, workDir }) => {
  const mine = path.join(workDir, 'thesis');
  await mkdir(mine);
  await writeFile(path.join(mine, 'chapter1.tex'), 'years of work');
  await studio.importFile(example('seed-legacy-jobboard.json'));
  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed');
  await studio.workspace('Review');
  await page.getByRole('button', { name: 'Approve all', exact: true }).click();
  await page.getByLabel('Output folder').fill(mine);
  await page.getByLabel('replace').check();

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.accept('wrong name');
  });
  await page.getByRole('button', { name: 'Write approved files' }).click();
  await expect(studio.toast(/Type the folder's name "thesis" to confirm\./)).toBeVisible();
  expect(asked).toEqual([
    `${mine} is not empty and holds no DjForge project: replacing it deletes everything in it. Type the folder's name "thesis" to confirm.`,
  ]);
  expect(await readFile(path.join(mine, 'chapter1.tex'), 'utf8')).toBe('years of work');

  page.once('dialog', (dialog) => void dialog.accept('thesis'));
  await page.getByRole('button', { name: 'Write approved files' }).click();
  await expect(page.getByRole('status').filter({ hasText: `to ${mine}.` })).toBeVisible();
  expect(await readdir(mine)).toContain('manage.py');
  expect(await readdir(mine)).not.toContain('chapter1.tex');
});

test('the page cannot change the Python the runtime layer runs', async ({ studio }) => {
  await studio.workspace('Settings');
  await studio.setSetting('Python for runtime validation (empty: find one)', '/bin/sh');
  await studio.page.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    studio.toast(
      'pythonPath cannot be changed from the page: start the server with "djforge serve --python <path>" or "--cache-dir <dir>".',
    ),
  ).toBeVisible();
});
