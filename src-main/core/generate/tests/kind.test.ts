import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { splitIntoUnits, type ProjectPlan } from '../../agents/split-units';
import { cacheKey, sha256 } from '../../cache/cache-key';
import { importErdText } from '../../erd/import-erd';
import { shopErd } from '../../../../test-support/fixtures/app-erds';
import { generateProject } from '../index';
import { testsSlices } from './kind';
import { examplePath } from '../../../../test-support/examples';

const MASSIVE = examplePath('seed-legacy-massive.json');

function massiveErd(): Erd {
  const imported = importErdText(fs.readFileSync(MASSIVE, 'utf8'), 'seed-legacy-massive.json');
  if (!imported.erd) throw new Error('seed-legacy-massive.json did not import');
  return imported.erd;
}

/** The cache key of every tests unit, as the LLM engine computes it for one model and no dependencies. */
function testsKeys(plan: ProjectPlan): Map<string, string> {
  const keys = new Map<string, string>();
  for (const unit of plan.units.filter((u) => u.agent === 'tests')) {
    const key = cacheKey({
      agent: unit.agent,
      agentVersion: 1,
      unitId: unit.id,
      engine: 'llm',
      model: { name: 'fake-coder', params: {} },
      promptVersion: 1,
      slice: unit.slice,
      draftHash: sha256(unit.draft),
      inputs: {},
      instructions: '',
    });
    keys.set(unit.id, key);
  }
  return keys;
}

/** seed-legacy-massive with one field of `entity` renamed. */
function renamed(entity: string, field: string): Erd {
  const erd = massiveErd();
  const target = erd.entities.find((e) => e.name === entity);
  const index = target?.fields.findIndex((f) => f.name === field) ?? -1;
  const old = target?.fields[index];
  if (!target || !old) throw new Error(`fixture changed: ${entity}.${field} is gone`);
  target.fields[index] = { ...old, name: `${field}_renamed` };
  return erd;
}

const changedUnits = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...after].filter(([id, key]) => before.get(id) !== key).map(([id]) => id);

describe('tests.py units in the run plan (seed-legacy-massive)', () => {
  const erd = massiveErd();
  const plan = splitIntoUnits(erd, generateProject(erd));
  const before = testsKeys(plan);

  it('plans a header and one unit per entity, and assembles the drafts into the template file', () => {
    const file = plan.files.find((f) => f.path === 'core/tests.py');
    const content = generateProject(erd).find((f) => f.path === 'core/tests.py')?.content;
    expect(file?.unitIds).toEqual(['tests:core:header', ...erd.entities.map((e) => `tests:core:${e.name}`)]);
    expect(before.size).toBe(45);
    const drafts = new Map(plan.units.map((u) => [u.id, u.draft]));
    expect(file?.assembleUnits(drafts)).toBe(content);
    expect(file?.assemble(new Map())).toBe(content);
    expect(plan.units.filter((u) => u.agent === 'tests').every((u) => u.refine && !u.wholeFile)).toBe(true);
  });

  it('re-generates only the tests of a renamed entity and of the entities whose data builds it', () => {
    const address = renamed('Address', 'first_name');
    expect(changedUnits(before, testsKeys(splitIntoUnits(address, generateProject(address))))).toEqual([
      'tests:core:Order',
      'tests:core:OrderItem',
      'tests:core:Address',
      'tests:core:Payment',
      'tests:core:CouponUsage',
      'tests:core:Shipment',
      'tests:core:ShipmentItem',
      'tests:core:OrderStatusHistory',
      'tests:users:Order',
      'tests:users:Address',
    ]);
    const config = renamed('SystemConfig', 'description');
    expect(changedUnits(before, testsKeys(splitIntoUnits(config, generateProject(config))))).toEqual([
      'tests:core:SystemConfig',
    ]);
  });

  it("changes a dependant's slice, not its draft, when a parent it builds is renamed", () => {
    const address = renamed('Address', 'first_name');
    const after = splitIntoUnits(address, generateProject(address));
    const order = (p: ProjectPlan) => p.units.find((u) => u.id === 'tests:core:Order');
    expect(order(after)?.draft).toBe(order(plan)?.draft);
    expect(order(after)?.slice).not.toEqual(order(plan)?.slice);
  });

  it('plans no tests units when the template project leaves tests.py out', () => {
    const files = generateProject(erd).filter((f) => !f.path.endsWith('/tests.py'));
    const units = splitIntoUnits(erd, files).units;
    expect(units.filter((u) => u.agent === 'tests')).toEqual([]);
    expect(units.length).toBe(plan.units.length - 45);
  });
});

describe('testsSlices', () => {
  const erd = shopErd();
  const units = [
    { id: 'tests:shop:header', code: '' },
    { id: 'tests:shop:Order', entity: 'Order', code: '' },
    { id: 'tests:shop:Customer', entity: 'Customer', code: '' },
  ];

  it('gives the header the project and API options, an entity what its tests read', () => {
    const slices = testsSlices(erd, 'shop', units);
    expect(Object.keys(slices.get('tests:shop:header') as object)).toEqual(['project', 'api', 'user']);
    const order = slices.get('tests:shop:Order') as Record<string, unknown> & { builds: { name: string }[] };
    expect(order.builds.map((e) => e.name)).toEqual(['Customer', 'Address']);
    expect(order.tested).toBe(true);
    expect(order.auth).toEqual({
      defaultAccess: 'authenticatedOrReadOnly',
      permissions: {
        read: ['Staff', 'Customer "Service"', 'Admin'],
        create: ['Staff', 'Admin'],
        update: ['Staff'],
        delete: ['Admin'],
      },
    });
    expect((order.rules as { text: string }[]).map((r) => r.text)).toEqual([
      'Order total must be positive',
      'Orders over 1000 need "manager" approval\nalways',
      'Positive street',
    ]);
    expect((slices.get('tests:shop:Customer') as { tested: boolean }).tested).toBe(false);
  });

  it('names the unit whose entity the ERD does not have', () => {
    expect(() => testsSlices(erd, 'shop', [{ id: 'tests:shop:Ghost', entity: 'Ghost', code: '' }])).toThrow(
      "tests.py of app shop: unit tests:shop:Ghost names unknown entity 'Ghost'",
    );
  });
});
