import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileHistoryStore } from '../history/history-store';
import { fileSettingsStore } from './file-settings-store';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-settings-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
const leftovers = async () => (await fs.readdir(dir)).filter((n) => /\.tmp$|\.lock$/.test(n));

describe('concurrent settings and history writes', () => {
  it('applies every one of many concurrent updates from two stores of one file, losing none', async () => {
    const file = path.join(dir, 'settings.json');
    const [a, b] = [fileSettingsStore(file), fileSettingsStore(file)];
    await Promise.all([
      a.update({ model: 'm-a' }),
      b.update({ baseUrl: 'http://127.0.0.1:9/v1' }),
      a.update({ concurrency: 7 }),
      b.update({ timeoutSeconds: 42 }),
      a.update({ theme: 'dark' }),
      b.update({ autoApproveThreshold: 0.9 }),
      a.update({ fallbackModels: ['x', 'y'] }),
      ...Array.from({ length: 40 }, (_, i) => b.update({ engine: i % 2 === 0 ? 'llm' : 'template' })),
    ]);
    const { settings, warning } = await a.load();
    expect(warning).toBeNull();
    expect(settings).toMatchObject({
      model: 'm-a',
      baseUrl: 'http://127.0.0.1:9/v1',
      concurrency: 7,
      timeoutSeconds: 42,
      theme: 'dark',
      autoApproveThreshold: 0.9,
      fallbackModels: ['x', 'y'],
      engine: 'template',
    });
    expect(await leftovers()).toEqual([]);
  });

  it('keeps every run and recent file added concurrently through two history stores', async () => {
    const [a, b] = [fileHistoryStore(dir), fileHistoryStore(dir)];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? a : b).touchRecent({ path: `/p/${i}.json`, name: `${i}`, openedAt: i }),
      ),
    );
    expect((await a.listRecent()).map((r) => r.name).sort()).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(await leftovers()).toEqual([]);
  });

  it('loses no update when two processes write the same settings and recent files', async () => {
    const script = path.join(dir, 'writer.mts');
    const here = path.dirname(new URL(import.meta.url).pathname);
    await fs.writeFile(
      script,
      [
        `import { fileSettingsStore } from ${JSON.stringify(path.join(here, 'file-settings-store.ts'))};`,
        `import { fileHistoryStore } from ${JSON.stringify(path.join(here, '../history/history-store.ts'))};`,
        `const [who, data] = process.argv.slice(2);`,
        `const settings = fileSettingsStore(data + '/settings.json');`,
        `const history = fileHistoryStore(data);`,
        `for (let i = 0; i < 15; i++) {`,
        `  await Promise.all([`,
        `    settings.update(who === 'a' ? { model: 'a-' + i } : { concurrency: 1 + (i % 8) }),`,
        `    i < 5 ? history.touchRecent({ path: '/' + who + i, name: who + i, openedAt: i }) : null,`,
        `  ]);`,
        `}`,
      ].join('\n'),
    );
    const data = path.join(dir, 'data');
    await Promise.all(['a', 'b'].map((who) => run(process.execPath, ['--import', 'tsx', script, who, data])));
    const { settings } = await fileSettingsStore(path.join(data, 'settings.json')).load();
    expect(settings.model).toBe('a-14');
    expect(settings.concurrency).toBe(1 + (14 % 8));
    const recent = await fileHistoryStore(data).listRecent();
    expect(recent.map((r) => r.name).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'b4']);
    expect((await fs.readdir(data)).sort()).toEqual(['recent-files.json', 'settings.json']);
  });
});
