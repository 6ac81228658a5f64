/**
 * Test fixtures: a fresh data folder, a fresh work folder (where the page may write) and a web
 * host per test over the built renderer, confined to the work folder and the example ERDs; the
 * page object, which opens the host's URL with its `#token=…` fragment. The LLM is replaced at the boundary by the local
 * OpenAI-compatible test server, never inside the code under test.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { defaultCoreFunctions } from '../../src-main/core/studio/default-core';
import { startWebHost, type WebHost } from '../../src-main/web/web-host';
import { EXAMPLES_DIR } from '../../test-support/examples';
import { StudioPage } from './studio-page';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(repo, 'out', 'renderer');
export { EXAMPLES_DIR };

export function example(name: string): string {
  const file = path.join(EXAMPLES_DIR, name);
  if (!existsSync(file)) throw new Error(`Example ERD ${file} is missing from the repository's examples/ folder.`);
  return file;
}

export const test = base.extend<{ dataDir: string; workDir: string; host: WebHost; studio: StudioPage }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'djforge-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'djforge-e2e-work-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir, workDir }, use) => {
    if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
      throw new Error(
        `${RENDERER_DIR}/index.html is missing: run "npx electron-vite build" before the end-to-end tests.`,
      );
    }
    const host = await startWebHost({
      rendererDir: RENDERER_DIR,
      dataDir,
      env: {},
      version: 'e2e',
      core: defaultCoreFunctions,
      roots: [workDir, EXAMPLES_DIR],
    });
    await use(host);
    await host.close();
  },
  studio: async ({ page, host }, use) => {
    const studio = new StudioPage(page);
    await studio.goto(host.url);
    await use(studio);
  },
});

export { expect } from '@playwright/test';
