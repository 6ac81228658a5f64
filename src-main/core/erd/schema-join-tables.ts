/**
 * Join tables → many-to-many relations. A table whose only job is to link two others (two
 * single-column foreign keys to different tables that form its key, nothing else but Django's
 * `id`) disappears into a `manyToMany`; one that carries extra columns stays as the `through`
 * entity of the relation. Tables something else points at are never converted.
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
    if (pure) {
      relations.splice(relations.indexOf(r1), 1);
      relations.splice(relations.indexOf(r2), 1);
      notes.push(
        at(
          info(
            ERD_CODES.keyMapped,
            undefined,
            `The join table ${q(m.table.name)} becomes the many-to-many relation ${where}.`,
          ),
          m.table.at,
        ),
      );
    } else {
      relation.through = m.entity.name;
      kept.push(m);
      notes.push(
        at(
          info(
            ERD_CODES.keyMapped,
            undefined,
            `The join table ${q(m.table.name)} carries its own columns, so it stays the entity ${q(m.entity.name)} and is the through model of ${where}.`,
          ),
          m.table.at,
        ),
      );
    }
    relations.push(relation);
  }
  return kept;
}
