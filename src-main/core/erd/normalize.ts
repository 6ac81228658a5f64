/**
 * Turns a structurally valid ERD into the form the generator relies on, reporting every change:
 * options that do not apply to a field type or relation kind are dropped; self-references and
 * cycles of required links are made nullable; the login user, owners, optional links and the
 * constraints a field's name implies are inferred (infer-*.ts); every link gets its `onDelete`
 * (CASCADE for parts, SET_NULL when nullable, PROTECT otherwise) and every relation a distinct
 * reverse accessor. Explicit ERD values always win. The input is never modified.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd, Field, FieldType, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { breakRequiredCycles, relaxSelfReferences } from './fk-cycles';
import { deriveRelatedNames } from './related-names';
import { inferConstraints } from './infer-constraints';
import { inferOnDelete, inferOptionalLinks, inferOwners, inferSelfReverseNames } from './infer-relations';
import { inferUser } from './infer-user';
import { appsFromGroups } from './apps-from-groups';
import { fieldPath, q, relationPath, warning } from './report';

const STRINGY: readonly FieldType[] = ['string', 'text', 'email', 'url', 'slug'];
const NUMERIC: readonly FieldType[] = ['integer', 'bigInteger', 'float', 'decimal'];

/** Which field types each type-specific option applies to. */
const FIELD_OPTION_TYPES: Readonly<Partial<Record<keyof Field, readonly FieldType[]>>> = {
  maxLength: [...STRINGY, 'file', 'image', 'enum'],
  maxDigits: ['decimal'],
  decimalPlaces: ['decimal'],
  choices: ['string', 'enum'],
  autoNow: ['date', 'datetime'],
  autoNowAdd: ['date', 'datetime'],
  min: [...NUMERIC, ...STRINGY],
  max: [...NUMERIC, ...STRINGY],
};

const OPTION_RULES = Object.entries(FIELD_OPTION_TYPES) as [keyof Field, readonly FieldType[]][];

function dropFieldOptions(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  erd.entities.forEach((entity, ei) => {
    entity.fields.forEach((field, fi) => {
      for (const [option, types] of OPTION_RULES) {
        if (field[option] === undefined || types.includes(field.type)) continue;
        delete field[option];
        out.push(
          warning(
            ERD_CODES.optionDropped,
            fieldPath(entity.name, field.name, fi, ei),
            `${q(option)} does not apply to ${field.type} fields and is ignored.`,
          ),
        );
      }
    });
  });
  return out;
}

function dropRelationOptions(relations: Relation[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  relations.forEach((r, i) => {
    const options: (keyof Relation)[] = r.kind === 'manyToMany' ? ['onDelete', 'nullable'] : ['required', 'through'];
    for (const option of options) {
      if (r[option] === undefined) continue;
      delete r[option];
      const kind =
        r.kind === 'manyToMany'
          ? 'a many-to-many relation'
          : `a ${r.kind === 'oneToOne' ? 'one-to-one' : 'many-to-one'} relation`;
      out.push(
        warning(
          ERD_CODES.optionDropped,
          relationPath(r.from, r.name, i),
          `${q(option)} does not apply to ${kind} and is ignored.`,
        ),
      );
    }
  });
  return out;
}

/** A normalized copy of `input` and a diagnostic for every change made (warnings) or inferred (infos). */
export function normalizeErd(input: Erd): { erd: Erd; diagnostics: Diagnostic[] } {
  const erd = structuredClone(input);
  const diagnostics = [
    ...dropFieldOptions(erd),
    ...dropRelationOptions(erd.relations),
    ...appsFromGroups(erd, 'auto'),
    ...inferUser(erd),
    ...inferConstraints(erd),
    ...inferOptionalLinks(erd.relations),
    ...relaxSelfReferences(erd.relations),
    ...breakRequiredCycles(
      erd.relations,
      erd.entities.map((e) => e.name),
    ),
    ...inferOwners(erd),
    ...inferOnDelete(erd),
    ...inferSelfReverseNames(erd),
    ...deriveRelatedNames(erd),
  ];
  return { erd, diagnostics };
}
