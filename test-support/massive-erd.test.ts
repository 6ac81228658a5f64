/**
 * `massive-erd.json` is the 37-entity example (`examples/seed-legacy-massive.json`) as the core
 * imports it, for renderer tests that cannot reach the core's importer (the layout's shape).
 * This test keeps it identical to what the importer gives today; `DJFORGE_WRITE_FIXTURES=1` rewrites it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importErdText } from '../src-main/core/erd/import-erd';
import { examplePath, REPO_ROOT } from './examples';

const FIXTURE = path.join(REPO_ROOT, 'test-support', 'massive-erd.json');

describe('the imported 37-entity example fixture', () => {
  it('is what the core imports from the example', async () => {
    const file = examplePath('seed-legacy-massive.json');
    const { erd } = importErdText(await readFile(file, 'utf8'), file);
    expect(erd?.entities).toHaveLength(37);
    if (process.env['DJFORGE_WRITE_FIXTURES'] === '1') await writeFile(FIXTURE, `${JSON.stringify(erd, null, 2)}\n`);
    expect(JSON.parse(await readFile(FIXTURE, 'utf8'))).toEqual(erd);
  });
});
