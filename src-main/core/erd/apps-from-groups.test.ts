import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { appsFromGroups, LARGE_ERD_ENTITIES } from './apps-from-groups';
import { importErdFile } from './import-file';
import { checkPackageName } from './name-checks';
import { normalizeErd } from './normalize';
import { validateErd } from './validate';

/** `count` entities E0…, the first `grouped` of them in groups of `size` named by `names`. */
function grouped(count: number, size: number, names: string[], grouped = count): Erd {
  const entities = Array.from({ length: count }, (_, i) => ({
    name: `E${i}`,
    fields: [{ name: 'label', type: 'string' as const }],
  }));
  const groups = names.map((name, k) => ({
    name,
    entities: entities.slice(k * size, Math.min((k + 1) * size, grouped)).map((e) => e.name),
  }));
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'big' },
    entities,
    relations: entities
      .slice(1)
      .map((e, i) => ({ name: 'parent', kind: 'manyToOne' as const, from: e.name, to: `E${i}` })),
    layout: { groups },
  };
}

const appOf = (erd: Erd, name: string): string | undefined => erd.entities.find((e) => e.name === name)?.app;

describe('appsFromGroups: a large ERD with groups', () => {
  it('splits it into one app per group, lists the apps and says so, with the counts', () => {
    const erd = grouped(50, 20, ['Catalog', 'Sales', 'Order Details']);
    const notes = appsFromGroups(erd, 'auto');
    expect(erd.project.apps).toEqual(['catalog', 'sales', 'order_details']);
    expect([appOf(erd, 'E0'), appOf(erd, 'E19'), appOf(erd, 'E20'), appOf(erd, 'E49')]).toEqual([
      'catalog',
      'catalog',
      'sales',
      'order_details',
    ]);
    expect(notes).toEqual([
      {
        severity: 'info',
        code: 'erd.apps-from-groups',
        path: 'layout.groups',
        message:
          '50 entities are too many for one app (more than 40), so each group became a Django app: ' +
          'Catalog → catalog (20), Sales → sales (20), Order Details → order_details (10). ' +
          'Give entities an app of their own in the ERD to place them otherwise.',
      },
    ]);
  });

  it('keeps entities outside every group in the first app', () => {
    const erd = grouped(45, 20, ['Catalog', 'Sales'], 40);
    const [note] = appsFromGroups(erd, 'auto');
    expect(erd.project.apps).toEqual(['core', 'catalog', 'sales']);
    expect(appOf(erd, 'E44')).toBeUndefined();
    expect(note?.message).toContain('; entities outside a group stay in core.');
  });

  it('leaves alone an ERD of at most 40 entities, one with a single group, and one that places entities itself', () => {
    const small = grouped(LARGE_ERD_ENTITIES, 20, ['A', 'B']);
    const single = grouped(60, 60, ['Everything']);
    const placed = grouped(60, 30, ['A', 'B']);
    placed.entities[59] = { ...placed.entities[59]!, app: 'billing' };
    const twoApps = grouped(60, 30, ['A', 'B']);
    twoApps.project.apps = ['shop', 'blog'];
    for (const erd of [small, single, placed, twoApps]) {
      const before = structuredClone(erd);
      expect(appsFromGroups(erd, 'auto')).toEqual([]);
      expect(erd).toEqual(before);
    }
  });

  it('makes every group name a valid, distinct app label that is not the project name', () => {
    const erd = grouped(60, 10, ['class', 'auth', 'Big', '2024 Reports', 'Sales', 'sales']);
    appsFromGroups(erd, 'auto');
    const apps = erd.project.apps ?? [];
    expect(apps).toEqual(['class_app', 'auth_app', 'big_2', 'f_2024_reports', 'sales', 'sales_2']);
    for (const app of apps) expect(checkPackageName(app, 'app label', 'x')).toEqual([]);
    expect(validateErd(normalizeErd(erd).erd).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('runs as part of normalization, before the user model is placed in its users app', () => {
    const erd = grouped(50, 25, ['Catalog', 'Sales']);
    erd.entities[0] = { name: 'User', fields: [{ name: 'email', type: 'email' }] };
    erd.layout!.groups![0]!.entities[0] = 'User';
    erd.relations[0] = { name: 'parent', kind: 'manyToOne', from: 'E1', to: 'User' };
    const { erd: out, diagnostics } = normalizeErd(erd);
    expect(appOf(out, 'User')).toBe('catalog');
    expect(diagnostics.map((d) => d.code)).toContain('erd.apps-from-groups');
  });
});

describe('appsFromGroups when asked (--groups-as-apps)', () => {
  it('splits a small ERD too, and keeps the app an entity already has', () => {
    const erd = grouped(6, 3, ['Catalog', 'Sales']);
    erd.entities[5] = { ...erd.entities[5]!, app: 'billing' };
    const [note] = appsFromGroups(erd, 'always');
    expect(appOf(erd, 'E5')).toBe('billing');
    expect(erd.project.apps).toEqual(['catalog', 'sales']);
    expect(note?.message).toBe(
      'Each group became a Django app (--groups-as-apps): Catalog → catalog (3), Sales → sales (2). ' +
        'Give entities an app of their own in the ERD to place them otherwise.',
    );
  });

  it('warns when the ERD has no group to split by', () => {
    const erd = grouped(3, 3, []);
    expect(appsFromGroups(erd, 'always')).toEqual([
      {
        severity: 'warning',
        code: 'erd.apps-from-groups',
        path: 'layout.groups',
        message: 'The ERD has no groups, so every entity stays in its app.',
      },
    ]);
  });

  it('applies to a JSON document through the importer, as to DBML TableGroups', async () => {
    const text = JSON.stringify(grouped(6, 3, ['Catalog', 'Sales']));
    const plain = await importErdFile(text, 'small.json');
    expect(plain.erd?.project.apps).toBeUndefined();
    const split = await importErdFile(text, 'small.json', { groupsAsApps: true });
    expect(split.erd?.project.apps).toEqual(['catalog', 'sales']);
    expect(split.diagnostics.find((d) => d.code === 'erd.apps-from-groups')?.file).toBe('small.json');
    const dbml = `Table a { id int [pk] }\nTable b { id int [pk]\n a_id int [ref: > a.id] }\nTableGroup Shop {\n a\n b\n}`;
    const fromDbml = await importErdFile(dbml, 'store.dbml', { groupsAsApps: true });
    expect(fromDbml.erd?.entities.map((e) => e.app)).toEqual(['shop', 'shop']);
  });
});
