/**
 * `has_many` in the seed formats says "Parent has many Child" from the parent's side, which Django
 * expresses as a ForeignKey on the child. The seed files use it three ways, each decided here:
 * - the child already has a ForeignKey (or many-to-many) to the parent: redundant, dropped (info);
 * - the child has no link back: a nullable ForeignKey to the parent is added to the child
 *   (warning: nullable, so existing rows and the generated tests need no parent);
 * - the child has a one-to-one to the parent: "many" contradicts "one", the one-to-one wins
 *   (warning, has_many ignored).
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Entity, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import type { JsonPointer } from './json-scan';
import { snakeCase } from './naming';
import { error, info, q, relationPath, warning } from './report';
import type { SourceMap } from './source-map';
import { didYouMean } from './suggest';

export interface HasManyDeclaration {
  parent: string;
  child: string;
  path: string;
  pointer: JsonPointer;
}

function linksBetween(relations: readonly Relation[], a: string, b: string): Relation[] {
  return relations.filter(
    (r) => (r.from === a && r.to === b) || (r.kind === 'manyToMany' && r.from === b && r.to === a),
  );
}

function freeName(child: Entity, relations: readonly Relation[], base: string): string {
  const taken = new Set([
    ...child.fields.map((f) => f.name),
    ...relations.filter((r) => r.from === child.name).map((r) => r.name),
  ]);
  for (const candidate of [base, `${base}_ref`]) if (!taken.has(candidate)) return candidate;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** The relations after applying every declaration, and what was decided for each. */
export function resolveHasMany(
  entities: readonly Entity[],
  relations: readonly Relation[],
  declarations: readonly HasManyDeclaration[],
  map: SourceMap,
): { relations: Relation[]; diagnostics: Diagnostic[] } {
  const out = [...relations];
  const diagnostics: Diagnostic[] = [];
  const names = entities.map((e) => e.name);
  const seen = new Set<string>();
  for (const d of declarations) {
    map.record(d.path, d.pointer);
    const key = `${d.parent}\u0000${d.child}`;
    if (seen.has(key)) {
      diagnostics.push(
        info(
          ERD_CODES.hasManyRedundant,
          d.path,
          `${q(d.child)} is listed twice in the has_many of ${q(d.parent)}; the repeat is ignored.`,
        ),
      );
      continue;
    }
    seen.add(key);
    const child = entities.find((e) => e.name === d.child);
    if (child === undefined) {
      diagnostics.push(
        error(
          ERD_CODES.unknownEntity,
          d.path,
          `has_many of ${q(d.parent)} names ${q(d.child)}, which is not an entity${didYouMean(d.child, names)}.`,
        ),
      );
      continue;
    }
    const links = linksBetween(out, d.child, d.parent);
    const oneToOne = links.find((r) => r.kind === 'oneToOne');
    if (oneToOne !== undefined) {
      diagnostics.push(
        warning(
          ERD_CODES.hasManyIgnored,
          d.path,
          `${q(d.parent)} has_many ${q(d.child)}, but ${d.child}.${oneToOne.name} is a one-to-one link; the one-to-one is kept and has_many is ignored.`,
        ),
      );
      continue;
    }
    if (links.length > 0) {
      const via = links.map((r) => `${r.from}.${r.name}`).join(', ');
      diagnostics.push(
        info(
          ERD_CODES.hasManyRedundant,
          d.path,
          `${q(d.parent)} has_many ${q(d.child)} is already expressed by ${via}; nothing is added.`,
        ),
      );
      continue;
    }
    const name = freeName(child, out, snakeCase(d.parent));
    const relation: Relation = {
      name,
      kind: 'manyToOne',
      from: d.child,
      to: d.parent,
      nullable: true,
      onDelete: 'SET_NULL',
    };
    out.push(relation);
    const path = relationPath(d.child, name, out.length - 1);
    map.record(path, d.pointer);
    diagnostics.push(
      warning(
        ERD_CODES.hasManyInferred,
        path,
        `${q(d.parent)} has_many ${q(d.child)}, but ${q(d.child)} has no link back; added the nullable ForeignKey ${d.child}.${name} → ${d.parent} (on_delete SET_NULL).`,
      ),
    );
  }
  return { relations: out, diagnostics };
}
