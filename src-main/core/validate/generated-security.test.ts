import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { importErdText } from '../erd';
import { generateProject } from '../generate';
import { plainErd, shopErd } from '../../../test-support/fixtures/app-erds';
import { stressErds } from '../../../test-support/fixtures/stress-erds';
import { EXAMPLES_DIR, EXAMPLE_NAMES } from '../../../test-support/examples';
import { findAnalyzerPython } from './python-analyzer';
import { validateStatic } from './validate-project';

/**
 * No false positives on our own output: every file the template engine writes for the examples
 * and the stress fixtures passes the security allowlist and the static checks of what import time
 * does not reach (names, lookups, duplicates, drift from the ERD), with either parser.
 */
const hasPython = (await findAnalyzerPython()) !== null;
const NEW_RULES =
  /^(security\.|semantic\.(undefined-name|unused-import|unknown-lookup|duplicate-|model-not-in-erd|field-not-in-erd|setting-outside-settings))/;

async function erds(): Promise<[string, Erd][]> {
  const out: [string, Erd][] = [
    ['shop fixture', shopErd()],
    ['plain fixture', plainErd()],
    ...Object.entries(stressErds()),
  ];
  for (const name of EXAMPLE_NAMES) {
    const { erd } = importErdText(await fs.readFile(path.join(EXAMPLES_DIR, name), 'utf8'), name);
    if (erd) out.push([name, erd]);
  }
  return out;
}

describe.each([
  ['CPython', false],
  ['tree-sitter', true],
] as const)('the template engine’s own output (%s)', (_engine, noPython) => {
  it.skipIf(!noPython && !hasPython)('has no security finding and no name, lookup or drift finding', async () => {
    const all = await erds();
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const [name, erd] of all) {
      const files = generateProject(erd);
      const { findings } = await validateStatic(files, { erd, noPython });
      expect({ name, findings: findings.filter((f) => NEW_RULES.test(f.rule)) }).toEqual({ name, findings: [] });
    }
  });
});
