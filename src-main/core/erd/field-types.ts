/**
 * The type vocabularies of the seed formats: Django field class names (legacy and v2) and the
 * short names of v2 (`str`, `int`, …), mapped onto `djforge-erd` field types. Lookups are exact
 * first, then case-insensitive (and tolerant of a `models.` prefix) — every spelling maps to one
 * type, so the tolerance is never ambiguous.
 */
import type { FieldType } from '../../../src-shared/erd/model';
import { closestName } from './suggest';

export interface TypeMapping {
  type: FieldType;
  /** An implied inclusive minimum, e.g. 0 for PositiveIntegerField. */
  min?: number;
}

export const DJANGO_FIELD_CLASSES: Readonly<Record<string, TypeMapping>> = {
  CharField: { type: 'string' },
  TextField: { type: 'text' },
  EmailField: { type: 'email' },
  SlugField: { type: 'slug' },
  URLField: { type: 'url' },
  IntegerField: { type: 'integer' },
  SmallIntegerField: { type: 'integer' },
  BigIntegerField: { type: 'bigInteger' },
  PositiveIntegerField: { type: 'integer', min: 0 },
  PositiveSmallIntegerField: { type: 'integer', min: 0 },
  PositiveBigIntegerField: { type: 'bigInteger', min: 0 },
  DecimalField: { type: 'decimal' },
  FloatField: { type: 'float' },
  BooleanField: { type: 'boolean' },
  DateField: { type: 'date' },
  DateTimeField: { type: 'datetime' },
  TimeField: { type: 'time' },
  DurationField: { type: 'duration' },
  UUIDField: { type: 'uuid' },
  JSONField: { type: 'json' },
  FileField: { type: 'file' },
  ImageField: { type: 'image' },
  GenericIPAddressField: { type: 'ipAddress' },
};

export const SHORT_TYPE_NAMES: Readonly<Record<string, TypeMapping>> = {
  str: { type: 'string' },
  string: { type: 'string' },
  text: { type: 'text' },
  int: { type: 'integer' },
  integer: { type: 'integer' },
  bigint: { type: 'bigInteger' },
  float: { type: 'float' },
  decimal: { type: 'decimal' },
  bool: { type: 'boolean' },
  boolean: { type: 'boolean' },
  date: { type: 'date' },
  datetime: { type: 'datetime' },
  time: { type: 'time' },
  duration: { type: 'duration' },
  email: { type: 'email' },
  url: { type: 'url' },
  slug: { type: 'slug' },
  uuid: { type: 'uuid' },
  json: { type: 'json' },
  file: { type: 'file' },
  image: { type: 'image' },
  ip: { type: 'ipAddress' },
  enum: { type: 'enum' },
};

/** Django's automatic primary keys: meaningful in a model, but the generator always adds `id`. */
export const AUTO_PRIMARY_KEY_CLASSES: ReadonlySet<string> = new Set(['AutoField', 'BigAutoField', 'SmallAutoField']);

export type TypeVocabulary = 'django' | 'short';

export type TypeLookup =
  | { ok: true; mapping: TypeMapping; canonical: string; exact: boolean }
  | { ok: false; suggestion?: string; accepted: string[] };

function vocabularyTable(vocabulary: TypeVocabulary): Readonly<Record<string, TypeMapping>> {
  return vocabulary === 'django' ? DJANGO_FIELD_CLASSES : { ...SHORT_TYPE_NAMES, ...DJANGO_FIELD_CLASSES };
}

/** Names listed back to the user when a type is unknown. */
export function acceptedTypeNames(vocabulary: TypeVocabulary): string[] {
  return vocabulary === 'django'
    ? Object.keys(DJANGO_FIELD_CLASSES)
    : [...Object.keys(SHORT_TYPE_NAMES), ...Object.keys(DJANGO_FIELD_CLASSES)];
}

/**
 * Looks a raw type name up. Both vocabularies also accept the other's spellings where the format
 * allows it: v2 accepts Django class names; legacy accepts only class names (its documented form).
 */
export function lookupFieldType(raw: string, vocabulary: TypeVocabulary): TypeLookup {
  const table = vocabularyTable(vocabulary);
  const trimmed = raw.trim();
  const exact = table[trimmed];
  if (exact) return { ok: true, mapping: exact, canonical: trimmed, exact: trimmed === raw };
  const bare = trimmed.replace(/^models\./, '').toLowerCase();
  for (const [name, mapping] of Object.entries(table)) {
    if (name.toLowerCase() === bare) return { ok: true, mapping, canonical: name, exact: false };
  }
  const accepted = acceptedTypeNames(vocabulary);
  const suggestion = closestName(bare, accepted);
  return suggestion === undefined ? { ok: false, accepted } : { ok: false, suggestion, accepted };
}
