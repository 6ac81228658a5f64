/**
 * One seed field declaration (`"title": "CharField"`, `"title": "str"`) → one `djforge-erd` field,
 * with the inferences the seed tool made implicitly, each reported: a timestamp named
 * `created_at`/`updated_at` is filled by Django, positive integer classes get a minimum of 0, and a
 * type written in another case is accepted under its canonical spelling.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Field } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { AUTO_PRIMARY_KEY_CLASSES, lookupFieldType, type TypeVocabulary } from './field-types';
import { error, info, q } from './report';

export type SeedFieldResult = { field: Field | null; diagnostics: Diagnostic[] };

/** The field for `name: raw`, or null (with an error, or an info for a dropped auto primary key). */
export function seedField(name: string, raw: string, vocabulary: TypeVocabulary, path: string): SeedFieldResult {
  const bare = raw.trim().replace(/^models\./, '');
  if (AUTO_PRIMARY_KEY_CLASSES.has(bare)) {
    return {
      field: null,
      diagnostics: [
        info(
          ERD_CODES.optionDropped,
          path,
          `${q(name)} is declared as ${bare}; it is left out because every generated model has its automatic "id" primary key.`,
        ),
      ],
    };
  }
  const found = lookupFieldType(raw, vocabulary);
  if (!found.ok) {
    const hint =
      found.suggestion === undefined
        ? ` Known types: ${found.accepted.join(', ')}.`
        : ` Did you mean ${q(found.suggestion)}?`;
    return { field: null, diagnostics: [error(ERD_CODES.unknownType, path, `Unknown field type ${q(raw)}.${hint}`)] };
  }
  const diagnostics: Diagnostic[] = [];
  if (!found.exact) {
    diagnostics.push(info(ERD_CODES.typeNormalized, path, `The type ${q(raw)} was read as ${q(found.canonical)}.`));
  }
  const field: Field = { name, type: found.mapping.type };
  if (found.mapping.min !== undefined) field.min = found.mapping.min;
  if (field.type === 'datetime' && name === 'created_at') {
    field.autoNowAdd = true;
    diagnostics.push(
      info(ERD_CODES.fieldInferred, path, `"created_at" is set automatically when a row is created (auto_now_add).`),
    );
  } else if (field.type === 'datetime' && name === 'updated_at') {
    field.autoNow = true;
    diagnostics.push(
      info(ERD_CODES.fieldInferred, path, `"updated_at" is set automatically on every save (auto_now).`),
    );
  }
  return { field, diagnostics };
}
