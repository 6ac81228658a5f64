/**
 * End-to-end tests: the built renderer in Chromium against the loopback web host (`e2e/web-*`),
 * and the Electron app where its binary exists (`e2e/electron-*`). Debian's Chromium is used by
 * default; `DJFORGE_CHROMIUM` points elsewhere, and an empty value uses Playwright's own browser.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env['DJFORGE_CHROMIUM'] ?? '/usr/bin/chromium';
/** `*-measure.spec.ts` print timings for `npm run bench:browser`; they are figures, not tests of `npm test`. */
const measuring = process.env['DJFORGE_MEASURE'] === '1';

export default defineConfig({
  testDir: 'e2e',
  testMatch: measuring ? '*-measure.spec.ts' : '*.spec.ts',
  testIgnore: measuring ? [] : ['**/*-measure.spec.ts'],
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  use: {
    launchOptions: {
      ...(chromium && existsSync(chromium) ? { executablePath: chromium } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 820 },
  },
});
