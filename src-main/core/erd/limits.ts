/**
 * Bounds on the size of an ERD. An ERD is untrusted input (a file someone sent, a page request),
 * and every entity, field and character turns into generated code, prompts, migrations and test
 * runs; an ERD beyond these bounds is refused up front with a sentence naming the place and the
 * bound, instead of exhausting memory or failing later with an operating-system error (a
 * 10,000-character project name used to end in "name too long" while writing).
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { error } from './report';

export const ERD_LIMITS = {
  /** Entities per ERD (Django's makemigrations alone takes minutes beyond a few hundred models). */
  entities: 500,
  /** Fields per entity. */
  fieldsPerEntity: 300,
  relations: 2500,
  rules: 2000,
  /** Characters of a name that becomes a Python identifier, a package or a folder. */
  nameLength: 64,
  /** Characters of any free text (descriptions, help texts, rule sentences, instructions). */
  textLength: 5000,
  /** Items of any other list (choices, roles, indexes, ordering, …). */
  listLength: 1000,
} as const;

const preview = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Count bounds: when any is exceeded, nothing else about the ERD is worth checking. */
function checkCounts(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const count = (n: number, limit: number, path: string, what: string) => {
    if (n > limit)
      out.push(error(ERD_CODES.tooLarge, path, `The ERD has ${n} ${what}; at most ${limit} are supported.`));
  };
  count(erd.entities.length, ERD_LIMITS.entities, 'entities', 'entities');
  count(erd.relations.length, ERD_LIMITS.relations, 'relations', 'relations');
  count(erd.rules?.length ?? 0, ERD_LIMITS.rules, 'rules', 'business rules');
  erd.entities.slice(0, ERD_LIMITS.entities).forEach((entity, i) => {
    if (entity.fields.length > ERD_LIMITS.fieldsPerEntity)
      out.push(
        error(
          ERD_CODES.tooLarge,
          `entities[${i}].fields`,
          `The entity ${preview(entity.name)} has ${entity.fields.length} fields; at most ${ERD_LIMITS.fieldsPerEntity} are supported.`,
        ),
      );
  });
  return out;
}

/** Names that become identifiers, packages or folders, with their paths. */
function* names(erd: Erd): Generator<[string, string, string]> {
  yield [erd.project.name, 'project.name', 'project name'];
  for (const [i, app] of (erd.project.apps ?? []).entries()) yield [app, `project.apps[${i}]`, 'app label'];
  for (const [i, e] of erd.entities.entries()) {
    yield [e.name, `entities[${i}].name`, 'entity name'];
    if (e.app !== undefined) yield [e.app, `entities[${i}].app`, 'app label'];
    for (const [j, f] of e.fields.entries()) yield [f.name, `entities[${i}].fields[${j}].name`, 'field name'];
  }
  for (const [i, r] of erd.relations.entries()) {
    yield [r.name, `relations[${i}].name`, 'relation name'];
    if (r.relatedName !== undefined) yield [r.relatedName, `relations[${i}].relatedName`, 'related name'];
  }
}

/** Every string and list in `value` (the diagram layout excepted) longer than its bound. */
function checkSizes(value: unknown, path: string, out: Diagnostic[]): void {
  if (typeof value === 'string') {
    if (value.length > ERD_LIMITS.textLength && !out.some((d) => d.path === path))
      out.push(
        error(
          ERD_CODES.tooLarge,
          path,
          `The text at ${path} is ${value.length} characters long; at most ${ERD_LIMITS.textLength} are supported.`,
        ),
      );
  } else if (Array.isArray(value)) {
    if (value.length > ERD_LIMITS.listLength && !['entities', 'relations', 'rules'].includes(path))
      out.push(
        error(
          ERD_CODES.tooLarge,
          path,
          `The list at ${path} has ${value.length} items; at most ${ERD_LIMITS.listLength} are supported.`,
        ),
      );
    else value.forEach((item, i) => checkSizes(item, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (path === '' && key === 'layout') continue;
      checkSizes(item, path === '' ? key : `${path}.${key}`, out);
    }
  }
}

/**
 * Every size bound `erd` exceeds (see `ERD_LIMITS`), as errors. Counts are checked first and alone:
 * an ERD with too many entities or fields is not examined further.
 */
export function checkErdLimits(erd: Erd): Diagnostic[] {
  const counts = checkCounts(erd);
  if (counts.length > 0) return counts;
  const out: Diagnostic[] = [];
  for (const [name, path, what] of names(erd)) {
    if (name.length > ERD_LIMITS.nameLength)
      out.push(
        error(
          ERD_CODES.tooLarge,
          path,
          `The ${what} ${preview(name)} is ${name.length} characters long; at most ${ERD_LIMITS.nameLength} are supported.`,
        ),
      );
  }
  checkSizes(erd, '', out);
  return out;
}
