/**
 * The editor's document methods: exports re-import into the same entities through the core's
 * importers, the recovery copy survives in the data folder until discarded, and a damaged copy is
 * ignored rather than offered.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../src-shared/api';
import { syntheticErd } from '../../../bench/synthetic-erd';
import { importErdFile } from '../erd';
import { documentHandlers, recoveryFile } from './document-handlers';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'djforge-doc-'));
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

describe('document handlers', () => {
  it.each(EXPORT_FORMATS.filter((f) => f !== 'mermaid'))(
    'exports %s that imports back to the same entities',
    async (format) => {
      const erd = syntheticErd(6);
      const { fileName, text } = await documentHandlers(dataDir, () => 1).exportErd({ erd, format });
      expect(fileName.startsWith(erd.project.name)).toBe(true);
      const back = await importErdFile(text, fileName);
      expect(back.erd?.entities.map((e) => e.name)).toEqual(erd.entities.map((e) => e.name));
      expect(back.erd?.relations.map((r) => `${r.from}.${r.name}>${r.to}`).sort()).toEqual(
        erd.relations.map((r) => `${r.from}.${r.name}>${r.to}`).sort(),
      );
    },
  );

  it('exports Mermaid with every entity', async () => {
    const erd = syntheticErd(3);
    const { fileName, text } = await documentHandlers(dataDir, () => 1).exportErd({ erd, format: 'mermaid' });
    expect(fileName).toBe(`${erd.project.name}.mmd`);
    expect(text.startsWith('erDiagram')).toBe(true);
    for (const e of erd.entities) expect(text).toContain(e.name);
  });

  it('keeps, offers and forgets the recovery copy, written without leftovers', async () => {
    const handlers = documentHandlers(dataDir, () => 1_700_000_000_000);
    expect(await handlers.loadRecoveryCopy({})).toBeNull();
    const erd = syntheticErd(2);
    expect(await handlers.saveRecoveryCopy({ erd, name: 'shop.json' })).toEqual({ savedAt: 1_700_000_000_000 });
    expect(await readdir(path.dirname(recoveryFile(dataDir)))).toEqual([path.basename(recoveryFile(dataDir))]);
    const copy = await documentHandlers(dataDir, () => 2).loadRecoveryCopy({});
    expect(copy).toEqual({
      erd: expect.objectContaining({ entities: erd.entities }),
      name: 'shop.json',
      savedAt: 1_700_000_000_000,
    });
    expect(await handlers.discardRecoveryCopy({})).toEqual({ discarded: true });
    expect(await handlers.loadRecoveryCopy({})).toBeNull();
    expect(await handlers.discardRecoveryCopy({})).toEqual({ discarded: false });
  });

  it('ignores a damaged recovery copy', async () => {
    const handlers = documentHandlers(dataDir, () => 1);
    await handlers.saveRecoveryCopy({ erd: syntheticErd(1), name: 'a' });
    await writeFile(recoveryFile(dataDir), '{"savedAt": 1, "name": "a", "erd": {"format": "nope"}}');
    expect(await handlers.loadRecoveryCopy({})).toBeNull();
    await writeFile(recoveryFile(dataDir), '{"savedAt": 1, "na');
    expect(await handlers.loadRecoveryCopy({})).toBeNull();
  });

  it('previews an entity and says how much it re-planned', async () => {
    let t = 0;
    const handlers = documentHandlers(
      dataDir,
      () => 1,
      () => (t += 5),
    );
    const erd = syntheticErd(4);
    const first = await handlers.previewEntity({ erd, entity: 'Entity2' });
    expect(first.parts.map((p) => p.part)).toEqual(['model', 'serializer', 'viewset', 'filterset', 'admin', 'tests']);
    expect(first).toMatchObject({ entity: 'Entity2', replanned: 6, ms: 5 });
    expect((await handlers.previewEntity({ erd, entity: 'Entity2' })).replanned).toBe(0);
  });
});
