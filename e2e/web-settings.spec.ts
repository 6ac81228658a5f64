import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
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

/** How many "Settings saved." toasts show at most over `ms`, sampled every 100 ms (no retrying). */
async function mostToasts(page: Page, ms: number): Promise<number> {
  let most = 0;
  for (let waited = 0; waited <= ms; waited += 100) {
    most = Math.max(most, await page.getByRole('status').filter({ hasText: 'Settings saved.' }).count());
    await page.waitForTimeout(100);
  }
  return most;
}

test('one save shows one "Settings saved." toast, and a second save within its time replaces it', async ({
  studio,
  page,
}) => {
  await studio.workspace('Settings');
  await studio.setSetting('Theme', 'light');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await studio.workspace('Dashboard');
  expect(await mostToasts(page, 500)).toBe(1);
  // The dashboard's screenshots in both themes save twice within a toast's four seconds.
  await studio.workspace('Settings');
  await studio.setSetting('Theme', 'dark');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await mostToasts(page, 1500)).toBe(1);
});
