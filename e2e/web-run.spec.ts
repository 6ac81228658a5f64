import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importErdText } from '../src-main/core/erd';
import { shipMigrations } from '../src-main/core/run/migrations-step';
import { generateProject } from '../src-main/core/generate';
import { defaultCoreFunctions } from '../src-main/core/studio';
import { example, expect, test } from './support/fixtures';

test('open an example ERD, generate it on the template engine and review every file', async ({
  studio,
  page,
  workDir,
}, testInfo) => {
  const file = example('seed-v2-jobboard.json');
  const imported = importErdText(await readFile(file, 'utf8'), path.basename(file));
  if (!imported.erd) throw new Error(`The example ${file} does not import.`);
  const units = defaultCoreFunctions.planUnits(imported.erd);
  // The run ships the migrations Django makes for the template project, beside the generated files.
  const shipped = await shipMigrations(imported.erd, { env: process.env });
  const expected = [...generateProject(imported.erd), ...shipped.files].map((f) => f.path).sort();

  await studio.importFile(file);
  await expect(page.getByLabel('Open document')).toHaveText('seed-v2-jobboard.json');
  for (const entity of imported.erd.entities) await expect(studio.entity(entity.name)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('erd.png') });

  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed');
  await expect(studio.overallPercent).toHaveText('100 %');
  await expect(studio.unitsWithStatus('done')).toHaveCount(units.length);
  await expect(page.getByLabel('Run summary')).toContainText(`${expected.length} files`);

  await studio.workspace('Review');
  expect((await studio.reviewedFiles()).sort()).toEqual(expected);
  await page.getByRole('button', { name: 'Approve all', exact: true }).click();
  await expect(page.getByText(`${expected.length} of ${expected.length} approved`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('review.png') });

  const out = path.join(workDir, 'my-api');
  await page.getByLabel('Output folder').fill(out);
  await page.getByRole('button', { name: 'Write approved files' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Wrote ${expected.length} files to ${out}.` })).toBeVisible();
  expect(await readFile(path.join(out, 'manage.py'), 'utf8')).toContain('DJANGO_SETTINGS_MODULE');

  await studio.workspace('Dashboard');
  const runs = page.getByRole('table', { name: 'Recorded runs' });
  await expect(runs.getByRole('row')).toHaveCount(2);
  await expect(runs).toContainText('completed');
  await page.screenshot({ path: testInfo.outputPath('dashboard.png') });
});

test('opening a file by path remembers it, and a bad file is reported with its name and place', async ({
  studio,
  page,
}) => {
  const file = example('seed-legacy-jobboard.json');
  await studio.openPath(file);
  await expect(page.getByLabel('Open document')).toHaveText('seed-legacy-jobboard.json');
  await expect(
    page.getByRole('navigation', { name: 'Recent files' }).getByRole('button', { name: 'seed-legacy-jobboard.json' }),
  ).toBeVisible();

  await studio.openPath(path.join(path.dirname(file), 'does-not-exist.json'));
  await expect(
    studio.toast(`Cannot open ${path.join(path.dirname(file), 'does-not-exist.json')}: the file does not exist.`),
  ).toBeVisible();
});

test('dropping a file on the window opens it', async ({ studio, page }) => {
  const file = example('seed-legacy-enterprise.json');
  const text = await readFile(file, 'utf8');
  const entities = importErdText(text, 'enterprise.json').erd?.entities.length;
  await studio.dropFile('enterprise.json', text);
  await expect(page.getByLabel('Open document')).toHaveText('enterprise.json');
  await studio.showErdAs('List');
  await expect(page.getByRole('article')).toHaveCount(entities ?? -1);
});
