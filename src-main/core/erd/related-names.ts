/**
 * Reverse accessors (`related_name`) for relations that have none. Django refuses two reverse
 * accessors with one name on a model, or one equal to a field of that model, so names are chosen
 * per target entity: the plural of the source entity (`orders`), or — when one entity links to
 * the target more than once, or the plain name is taken or reserved — prefixed with the relation's
 * own name (`billing_address_orders`, `shipping_address_orders`). Names the user gave are kept
 * as they are (the validator reports them when they clash); derived names always avoid them.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { checkFieldName } from './name-checks';
import { pluralize, snakeCase } from './naming';
import { info, relationPath } from './report';

/**
 * Names already used on each entity: its fields (timestamps included) and its forward relations.
 * Built in one pass, since reverse accessors are checked against every target of a large ERD.
 */
export function memberIndex(erd: Erd): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const entity of erd.entities) {
    const names = index.get(entity.name) ?? new Set<string>();
    for (const f of entity.fields) names.add(f.name);
    if (entity.timestamps === true) names.add('created_at').add('updated_at');
    index.set(entity.name, names);
  }
  for (const r of erd.relations) {
    const names = index.get(r.from) ?? new Set<string>();
    names.add(r.name);
    index.set(r.from, names);
  }
  return index;
}

const usable = (name: string): boolean => name.length > 0 && checkFieldName(name, '').length === 0;

function baseName(r: Relation): string {
  const stem = snakeCase(r.from);
  return r.kind === 'oneToOne' ? stem : pluralize(stem);
}

/** Fills in every missing `relatedName`, in place; reports the ones that had to be disambiguated. */
export function deriveRelatedNames(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const members = memberIndex(erd);
  const byTarget = new Map<string, number[]>();
  erd.relations.forEach((r, i) => byTarget.set(r.to, [...(byTarget.get(r.to) ?? []), i]));
  for (const [target, indexes] of byTarget) {
    const taken = new Set(members.get(target));
    for (const i of indexes) {
      const given = erd.relations[i]?.relatedName;
      if (given !== undefined) taken.add(given);
    }
    const pending = indexes.filter((i) => erd.relations[i]?.relatedName === undefined);
    const perSource = new Map<string, number>();
    for (const i of pending) {
      const from = (erd.relations[i] as Relation).from;
      perSource.set(from, (perSource.get(from) ?? 0) + 1);
    }
    for (const i of pending) {
      const r = erd.relations[i] as Relation;
      const base = baseName(r);
      let name = base;
      const reason =
        (perSource.get(r.from) ?? 0) > 1
          ? `${r.from} links to ${target} more than once`
          : taken.has(base)
            ? `"${base}" is already a member or reverse accessor of ${target}`
            : !usable(base)
              ? `"${base}" cannot be used as a name`
              : undefined;
      if (reason !== undefined) {
        const prefixed = `${r.name}_${base}`;
        name = prefixed;
        for (let n = 2; taken.has(name) || !usable(name); n++) name = `${prefixed}_${n}`;
        out.push(
          info(
            ERD_CODES.relatedNameDerived,
            relationPath(r.from, r.name, i),
            `${r.from}.${r.name} gets the reverse accessor "${name}" on ${target}, because ${reason}.`,
          ),
        );
      }
      taken.add(name);
      r.relatedName = name;
    }
  }
  return out;
}
