import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';

test('settings are saved to the data folder, and a bad value is refused with its sentence', async ({
  studio,
  page,
  dataDir,
}) => {
  await studio.workspace('Settings');
  await studio.setSetting('Concurrency', '0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(studio.toast('settings.concurrency: Too small: expected number to be >=1.')).toBeVisible();

  await studio.setSetting('Concurrency', '6');
  await studio.setSetting('Theme', 'dark');
  await studio.saveSettings();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const stored = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as {
    schemaVersion: number;
    settings: { concurrency: number; theme: string };
  };
  expect(stored.schemaVersion).toBe(2);
  expect(stored.settings).toMatchObject({ concurrency: 6, theme: 'dark' });
  await expect(page.getByLabel('Key status')).toHaveText('No key is set.');
});
