/**
 * Validation of relations: both ends exist, the name and reverse accessor are usable and distinct
 * on their models, on-delete behaviour is one the generator can express, and a through entity
 * really joins the two sides.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { checkFieldName } from './name-checks';
import { memberIndex } from './related-names';
import { error, q, relationPath } from './report';
import { didYouMean } from './suggest';

function checkThrough(erd: Erd, r: Relation, path: string): Diagnostic[] {
  if (r.through === undefined) return [];
  if (r.kind !== 'manyToMany') {
    return [
      error(
        ERD_CODES.optionNotApplicable,
        path,
        `Only a many-to-many relation can have a through entity; ${r.from}.${r.name} is ${r.kind}.`,
      ),
    ];
  }
  const names = erd.entities.map((e) => e.name);
  if (!names.includes(r.through)) {
    return [
      error(
        ERD_CODES.invalidThrough,
        path,
        `The through entity ${q(r.through)} of ${r.from}.${r.name} does not exist${didYouMean(r.through, names)}.`,
      ),
    ];
  }
  if (r.through === r.from || r.through === r.to) {
    return [
      error(
        ERD_CODES.invalidThrough,
        path,
        `${r.from}.${r.name} cannot use one of its own ends, ${q(r.through)}, as its through entity.`,
      ),
    ];
  }
  const links = erd.relations.filter((l) => l.from === r.through && l.kind === 'manyToOne');
  const count = (target: string): number => links.filter((l) => l.to === target).length;
  const ok = r.from === r.to ? count(r.from) === 2 : count(r.from) === 1 && count(r.to) === 1;
  if (ok) return [];
  const need =
    r.from === r.to
      ? `exactly two foreign keys to ${r.from}`
      : `exactly one foreign key to ${r.from} and one to ${r.to}`;
  return [
    error(
      ERD_CODES.invalidThrough,
      path,
      `The through entity ${q(r.through)} of ${r.from}.${r.name} must have ${need}.`,
    ),
  ];
}

function checkOnDelete(r: Relation, path: string): Diagnostic[] {
  if (r.kind === 'manyToMany') return [];
  if (r.onDelete === 'SET_DEFAULT') {
    return [
      error(
        ERD_CODES.invalidOnDelete,
        path,
        `${r.from}.${r.name} uses on_delete SET_DEFAULT, but a relation has no default: use SET_NULL, PROTECT or CASCADE.`,
      ),
    ];
  }
  if (r.onDelete === 'SET_NULL' && r.nullable === false) {
    return [
      error(
        ERD_CODES.conflictingOptions,
        path,
        `${r.from}.${r.name} uses on_delete SET_NULL but is not nullable; make it nullable or choose another on_delete.`,
      ),
    ];
  }
  return [];
}

/** Reverse accessors given by the user that clash on their target model. */
function checkRelatedNames(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const accessors = new Map<string, Map<string, string>>();
  const members = memberIndex(erd);
  erd.relations.forEach((r, i) => {
    if (r.relatedName === undefined) return;
    const path = relationPath(r.from, r.name, i);
    const problems = checkFieldName(r.relatedName, path, 'related name');
    out.push(...problems);
    if (problems.length > 0) return;
    const onTarget = accessors.get(r.to) ?? new Map<string, string>();
    accessors.set(r.to, onTarget);
    const earlier = onTarget.get(r.relatedName);
    if (earlier !== undefined) {
      out.push(
        error(
          ERD_CODES.relatedNameClash,
          path,
          `The related name ${q(r.relatedName)} of ${r.from}.${r.name} is already the reverse accessor of ${earlier} on ${r.to}; give one of them another related name.`,
        ),
      );
    } else if (members.get(r.to)?.has(r.relatedName) === true) {
      out.push(
        error(
          ERD_CODES.relatedNameClash,
          path,
          `The related name ${q(r.relatedName)} of ${r.from}.${r.name} clashes with the member ${r.to}.${r.relatedName}; choose another related name.`,
        ),
      );
    }
    onTarget.set(r.relatedName, `${r.from}.${r.name}`);
  });
  return out;
}

/** Every problem with the relations of `erd`. */
export function validateRelations(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = erd.entities.map((e) => e.name);
  erd.relations.forEach((r, i) => {
    const path = relationPath(r.from, r.name, i);
    for (const [end, name] of [
      ['from', r.from],
      ['to', r.to],
    ] as const) {
      if (!names.includes(name)) {
        out.push(
          error(
            ERD_CODES.unknownEntity,
            path,
            `The relation ${r.from}.${r.name} ${end === 'from' ? 'starts at' : 'points to'} ${q(name)}, which is not an entity${didYouMean(name, names)}.`,
          ),
        );
      }
    }
    out.push(
      ...checkFieldName(r.name, path, 'relation name'),
      ...checkOnDelete(r, path),
      ...checkThrough(erd, r, path),
    );
  });
  out.push(...checkRelatedNames(erd));
  return out;
}
