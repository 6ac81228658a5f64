/**
 * Join tables → many-to-many relations. A table whose only job is to link two others (two
 * single-column foreign keys to different tables that form its key, nothing else but Django's
 * `id`) disappears into a `manyToMany`; one that carries extra columns stays as the `through`
 * entity of the relation. A pure join table whose columns are the ones Django would create keeps its
 * table name (`dbTable` on the relation); one with other column names stays an entity too, the
 * `through` model, since Django cannot rename a join table's columns otherwise. Tables something
 * else points at are never converted.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { pluralize, snakeCase } from './naming';
import { info, q } from './report';
import { at } from './schema-fields';
import { attributeName } from './schema-names';
import type { MappedTable } from './schema-to-erd';

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Rewrites `relations` in place and returns the tables that stay entities. */
export function convertJoinTables(
  mapped: readonly MappedTable[],
  relations: Relation[],
  notes: Diagnostic[],
): MappedTable[] {
  const kept: MappedTable[] = [];
  for (const m of mapped) {
    const links = [...m.links.entries()].filter(([, r]) => r.kind === 'manyToOne');
    const [first, second] = links;
    const referenced = relations.some(
      (r) => r.to === m.entity.name || (r.from === m.entity.name && r.kind === 'manyToMany'),
    );
    if (links.length !== 2 || m.links.size !== 2 || first === undefined || second === undefined || referenced) {
      kept.push(m);
      continue;
    }
    const [[c1, r1], [c2, r2]] = [first, second];
    const owner = mapped.find((o) => o.entity.name === r1.to);
    if (owner === undefined || (r1.to === r2.to && m.entity.fields.length > 0)) {
      kept.push(m);
      continue;
    }
    const pair = [r1.name, r2.name];
    const keyed =
      sameSet(m.table.primaryKey, [c1, c2]) || (m.entity.uniqueTogether ?? []).some((g) => sameSet(g, pair));
    const pure = m.entity.fields.length === 0 && (keyed || m.table.primaryKey.length <= 1);
    if (!pure && !keyed) {
      kept.push(m);
      continue;
    }
    const prefix = `${owner.table.name}_`.toLowerCase();
    const rest = m.table.name.toLowerCase().startsWith(prefix) ? m.table.name.slice(prefix.length) : '';
    const other = mapped.find((o) => o.entity.name === r2.to)?.table.name.toLowerCase();
    const named = rest === '' || rest.toLowerCase() === other ? '' : attributeName(rest);
    const name = owner.scope.claim(named !== '' && named !== 'field' ? named : pluralize(snakeCase(r2.to)));
    const relation: Relation = { name, kind: 'manyToMany', from: r1.to, to: r2.to };
    const where = `${r1.to}.${name}`;
    const columns = djangoJoinColumns(r1.to, r2.to);
    if (pure && c1 === columns[0] && c2 === columns[1]) {
      if (m.entity.dbTable !== undefined) relation.dbTable = m.entity.dbTable;
      relations.splice(relations.indexOf(r1), 1);
      relations.splice(relations.indexOf(r2), 1);
      const kept = relation.dbTable === undefined ? '.' : `, which keeps the table (db_table ${q(relation.dbTable)}).`;
      notes.push(
        at(
          info(
            ERD_CODES.keyMapped,
            undefined,
            `The join table ${q(m.table.name)} becomes the many-to-many relation ${where}${kept}`,
          ),
          m.table.at,
        ),
      );
    } else {
      relation.through = m.entity.name;
      kept.push(m);
      const why = pure
        ? `links ${r1.to} and ${r2.to} through the columns (${c1}, ${c2}), where Django's own join table would have (${columns.join(', ')})`
        : 'carries its own columns';
      notes.push(
        at(
          info(
            ERD_CODES.keyMapped,
            undefined,
            `The join table ${q(m.table.name)} ${why}, so it stays the entity ${q(m.entity.name)} and is the through model of ${where}.`,
          ),
          m.table.at,
        ),
      );
    }
    relations.push(relation);
  }
  return kept;
}

/**
 * The columns of the join table Django creates for a many-to-many from `from` to `to`:
 * `<model>_id` with the model's lower-case class name, `from_`/`to_` prefixed when both are one.
 */
export function djangoJoinColumns(from: string, to: string): [string, string] {
  const [a, b] = [from.toLowerCase(), to.toLowerCase()];
  return from === to ? [`from_${a}_id`, `to_${b}_id`] : [`${a}_id`, `${b}_id`];
}
