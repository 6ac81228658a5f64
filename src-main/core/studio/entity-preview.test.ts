/**
 * The live preview gives exactly the code a run's plan drafts for an entity, and after an edit
 * re-generates only the parts whose ERD slice changed.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { syntheticErd } from '../../../bench/synthetic-erd';
import { examplePath, EXAMPLE_NAMES } from '../../../test-support/examples';
import { importErdFile } from '../erd';
import { planProject } from '../run/plan';
import { EntityPreview } from './entity-preview';

const PART_AGENT = {
  model: 'models',
  serializer: 'serializers',
  viewset: 'views',
  filterset: 'filters',
  admin: 'admin',
  tests: 'tests',
} as const;

async function load(name: (typeof EXAMPLE_NAMES)[number]): Promise<Erd> {
  const result = await importErdFile(await readFile(examplePath(name), 'utf8'), name);
  if (!result.erd) throw new Error(`${name} did not import`);
  return result.erd;
}

describe('the entity preview', () => {
  it.each(EXAMPLE_NAMES)('matches the run plan’s drafts for every entity of %s', async (name) => {
    const erd = await load(name);
    const units = planProject(erd).units;
    const preview = new EntityPreview();
    for (const entity of erd.entities) {
      const { parts } = preview.preview(erd, entity.name);
      expect(parts.map((p) => p.part)).toEqual(expect.arrayContaining(['model', 'serializer', 'viewset', 'tests']));
      for (const part of parts) {
        const unit = units.find(
          (u) => u.agent === PART_AGENT[part.part] && u.entity === entity.name && u.file === part.file,
        );
        expect(part.code, `${entity.name} ${part.part}`).toBe(unit?.draft);
      }
      const own = new Set(parts.map((p) => p.file));
      const planned = units.filter((u) => u.entity === entity.name && own.has(u.file));
      expect(parts).toHaveLength(planned.length);
    }
  });

  it('re-plans only the parts whose slice an edit changed, and stays equal to a fresh plan', () => {
    const erd = syntheticErd(150);
    const preview = new EntityPreview();
    expect(preview.preview(erd, 'Entity10').replanned).toBe(6);
    expect(preview.preview(erd, 'Entity10').replanned).toBe(0);
    // A field added to an unrelated entity changes none of Entity10's slices.
    const far = structuredClone(erd);
    far.entities[120]?.fields.push({ name: 'extra', type: 'integer' });
    expect(preview.preview(far, 'Entity10').replanned).toBe(0);
    // One on Entity10 itself changes its model, serializer, viewset, filter set, admin and tests.
    const near = structuredClone(far);
    near.entities[10]?.fields.push({ name: 'code', type: 'string', maxLength: 12, unique: true });
    const after = preview.preview(near, 'Entity10');
    expect(after.replanned).toBe(6);
    expect(after.parts.find((p) => p.part === 'model')?.code).toContain(
      'code = models.CharField(max_length=12, unique=True',
    );
    const fresh = new EntityPreview().preview(near, 'Entity10');
    expect(after.parts).toEqual(fresh.parts);
  });

  it('answers within 200 ms at 150 entities after an edit (median of 15 edits)', () => {
    const erd = syntheticErd(150);
    const preview = new EntityPreview();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const edited = structuredClone(erd);
      edited.entities[75]?.fields.push({ name: `rank${i}`, type: 'integer' });
      const started = performance.now();
      expect(preview.preview(edited, 'Entity75').replanned).toBe(6);
      if (i >= 5) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(200);
  });

  it('refuses an unknown entity and a document with errors, naming the problem', () => {
    const erd = syntheticErd(3);
    const preview = new EntityPreview();
    expect(() => preview.preview(erd, 'Ghost')).toThrow('no entity Ghost');
    const broken = structuredClone(erd);
    broken.relations.push({ name: 'x', kind: 'manyToOne', from: 'Entity1', to: 'Nowhere' });
    expect(() => preview.preview(broken, 'Entity1')).toThrow(/No preview while the document has errors/);
  });
});
