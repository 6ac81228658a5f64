import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test-support/examples';
import { importErdText } from '../erd';
import { erdIdentity } from './build-record';

describe('the ERD identity of a run', () => {
  it('names the project and hashes what generation reads, not the diagram layout', async () => {
    const text = await readFile(path.join(EXAMPLES_DIR, 'seed-v2-jobboard.json'), 'utf8');
    const erd = importErdText(text, 'jobboard.json').erd;
    if (!erd) throw new Error('the example does not import');
    const identity = erdIdentity(erd);
    expect(identity).toEqual({ name: erd.project.name, hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(erdIdentity({ ...erd, layout: { positions: { Job: { x: 10, y: 20 } } } })).toEqual(identity);
    const renamed = { ...erd, entities: erd.entities.map((e, i) => (i === 0 ? { ...e, name: `${e.name}X` } : e)) };
    expect(erdIdentity(renamed).hash).not.toBe(identity.hash);
  });
});
