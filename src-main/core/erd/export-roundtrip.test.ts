/**
 * Export → import round trips: every example ERD and every test fixture, written as DBML and as
 * PostgreSQL, MySQL and SQLite DDL and read back, gives the same model up to what the target
 * format cannot hold. What each format loses is listed here, explicitly, in `schemaView`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Erd, Field, FieldType } from '../../../src-shared/erd/model';
import { EXAMPLE_NAMES, examplePath } from '../../../test-support/examples';
import { plainErd, shopErd } from '../../../test-support/fixtures/app-erds';
import { cleanErd } from '../../../test-support/fixtures/clean-project';
import { keyedErd } from '../../../test-support/fixtures/keyed-erd';
import { stressErds } from '../../../test-support/fixtures/stress-erds';
import { exportErdAs, importErdFile, importErdText, normalizeErd, type ExportFormat } from './index';

type Target = Extract<ExportFormat, 'dbml' | 'postgres' | 'mysql' | 'sqlite'>;
const TARGETS: readonly Target[] = ['dbml', 'postgres', 'mysql', 'sqlite'];

/**
 * What no schema format holds: the string subtypes (email, url, slug, file, image are varchar),
 * `required` (only NULL/NOT NULL exists), min/max, verbose names, ordering, displayField,
 * timestamps, DO_NOTHING (written as no action: CASCADE from DBML, PROTECT from SQL), autoNow (written as a creation default), choice labels, reverse accessor names,
 * the direction of index fields (`-field`), many-to-many `required` and the names of many-to-many relations with a through entity, entity
 * apps, rules, auth, API options, instructions and diagram positions.
 * MySQL and SQLite have no uuid, interval or inet type (uuid → char(32), duration → bigint,
 * ipAddress → varchar(39), so a uuid key `id` becomes a string key `id` the client supplies);
 * SQLite numbers only INTEGER keys, so a numbered bigInteger key comes back as an integer one; SQLite has no enum type (a CHECK, read back as a string) and no comments.
 */
const STRING_LIKE: readonly FieldType[] = ['string', 'email', 'url', 'slug', 'file', 'image'];
const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = { slug: 50, url: 200, email: 254, file: 100, image: 100 };

function storedType(field: Field, target: Target): { type: FieldType; maxLength?: number } {
  const sqlish = target === 'mysql' || target === 'sqlite';
  if (STRING_LIKE.includes(field.type))
    return { type: 'string', maxLength: field.maxLength ?? DEFAULT_LENGTH[field.type] ?? 255 };
  if (sqlish && field.type === 'uuid') return { type: 'string', maxLength: 32 };
  if (sqlish && field.type === 'ipAddress') return { type: 'string', maxLength: 39 };
  if (sqlish && field.type === 'duration') return { type: 'bigInteger' };
  if (target === 'sqlite' && field.type === 'enum') return { type: 'string', maxLength: 255 };
  return { type: field.type };
}

function fieldView(field: Field, target: Target): Record<string, unknown> {
  const stored = storedType(field, target);
  // A uuid key stored as char(32) comes back as a string key the client supplies.
  const view: Record<string, unknown> = { name: field.name, ...stored };
  if (field.name === 'id' && stored.type !== 'uuid') view.primaryKey = true;
  if (field.primaryKey === true) view.primaryKey = true;
  // SQLite numbers only an INTEGER key, so a numbered bigint key comes back as an integer one.
  if (field.autoIncrement === true)
    Object.assign(view, { autoIncrement: true, ...(target === 'sqlite' ? { type: 'integer' } : {}) });
  if (field.nullable === true) view.nullable = true;
  if (field.unique === true) view.unique = true;
  if (field.index === true && field.unique !== true) view.index = true;
  if (field.autoNow === true || field.autoNowAdd === true) view.autoNowAdd = true;
  else if (field.default !== undefined && field.default !== null) view.default = field.default;
  if (field.type === 'decimal') view.decimal = [field.maxDigits ?? 12, field.decimalPlaces ?? 2];
  if (stored.type === 'enum') view.choices = (field.choices ?? []).map((c) => c.value);
  if (field.helpText !== undefined && target !== 'sqlite') view.helpText = field.helpText;
  return view;
}

/** The part of a model that survives a round trip through `target`. */
function schemaView(erd: Erd, target: Target): unknown {
  const throughs = new Set(erd.relations.map((r) => r.through).filter((t) => t !== undefined));
  return {
    entities: erd.entities
      .map((e) => ({
        name: e.name,
        description: target === 'sqlite' ? undefined : e.description,
        fields: e.fields.map((f) => fieldView(f, target)),
        uniqueTogether: throughs.has(e.name) ? 'through' : (e.uniqueTogether ?? []).map((g) => [...g].sort()).sort(),
        indexes: (e.indexes ?? []).map((i) => ({ fields: i.fields.map((f) => f.replace(/^-/, '')), name: i.name })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    relations: erd.relations
      .map((r) =>
        r.kind === 'manyToMany'
          ? {
              kind: r.kind,
              ends: [r.from, r.to].sort(),
              through: r.through,
              name: r.through === undefined ? r.name : '',
              // The join table the relation is stored in: its dbTable, or the one the exporter names.
              table:
                r.through === undefined
                  ? (r.dbTable ?? `${erd.entities.find((e) => e.name === r.from)?.dbTable ?? r.from}_${r.name}`)
                  : undefined,
            }
          : {
              kind: r.kind,
              from: r.from,
              name: r.name,
              to: r.to,
              nullable: r.nullable === true,
              onDelete: r.onDelete === 'DO_NOTHING' ? (target === 'dbml' ? 'CASCADE' : 'PROTECT') : r.onDelete,
              helpText: target === 'sqlite' ? undefined : r.helpText,
            },
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    layout: target === 'dbml' ? { colors: erd.layout?.colors, groups: erd.layout?.groups } : undefined,
  };
}

function normalized(erd: Erd): Erd {
  return normalizeErd(erd).erd;
}

const SOURCES: [string, () => Erd][] = [
  ...EXAMPLE_NAMES.map((name): [string, () => Erd] => [
    name,
    () => {
      const r = importErdText(readFileSync(examplePath(name), 'utf8'), name);
      if (r.erd === null) throw new Error(`${name} does not import`);
      return r.erd;
    },
  ]),
  ['shopErd', () => normalized(shopErd())],
  ['plainErd', () => normalized(plainErd())],
  ['cleanErd', () => normalized(cleanErd())],
  ['keyedErd', () => normalized(keyedErd())],
  ...Object.entries(stressErds()).map(([name, erd]): [string, () => Erd] => [name, () => normalized(erd)]),
];

describe.each(SOURCES)('%s', (_name, load) => {
  it.each(TARGETS)('round-trips through %s', async (target) => {
    const erd = load();
    const text = exportErdAs(erd, target);
    const file = target === 'dbml' ? 'roundtrip.dbml' : `roundtrip.${target}.sql`;
    const back = await importErdFile(text, file);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(back.format).toBe(target);
    if (back.erd === null) throw new Error('no ERD');
    expect(schemaView(back.erd, target)).toEqual(schemaView(erd, target));
    if (target === 'dbml') expect(back.erd.project.name).toBe(erd.project.name);
  });
});
