/**
 * Constraints a person expects from a field's name and type, when the ERD does not say: unique
 * usernames, slugs, codes, SKUs, `*_number` and `uuid`/`external_id` columns; optional notes,
 * descriptions, `address_line_2` and middle names; `is_active`-style flags that start true; no
 * negative quantities, stock, prices, amounts, durations or counts. Each is written into the
 * normalized ERD as an explicit option (so the generator, its tests and the editor agree) and
 * reported as a note; a value the ERD gives is never changed.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Entity, Erd, Field, FieldType } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { fieldPath, info } from './report';

const UNIQUE_TYPES: readonly FieldType[] = ['string', 'slug', 'uuid', 'integer', 'bigInteger', 'email'];
const TEXT_TYPES: readonly FieldType[] = ['string', 'text'];
const NUMBER_TYPES: readonly FieldType[] = ['integer', 'bigInteger', 'float', 'decimal'];

const UNIQUE_NAMES: readonly string[] = ['username', 'slug', 'code', 'sku', 'uuid', 'external_id', 'public_id'];
const OPTIONAL_NAMES: readonly string[] = [
  'address_line_2',
  'address_line2',
  'address2',
  'notes',
  'note',
  'description',
  'middle_name',
  'bio',
  'remarks',
  'comments',
];
const TRUE_FLAGS: readonly string[] = [
  'is_active',
  'is_enabled',
  'is_public',
  'is_visible',
  'is_available',
  'active',
  'enabled',
  'visible',
  'available',
];
/** Words that, as a part of a numeric field's name, mean "never below zero". */
const NON_NEGATIVE_WORDS: readonly string[] = [
  'quantity',
  'qty',
  'stock',
  'price',
  'amount',
  'cost',
  'total',
  'subtotal',
  'duration',
  'count',
  'fee',
  'salary',
  'tax',
  'weight',
  'minutes',
  'seconds',
  'hours',
  'days',
];

/** Whether a field's name calls for a unique column (`sku`, `order_number`, `code`, …). */
export function isUniqueByName(field: Field): boolean {
  return UNIQUE_TYPES.includes(field.type) && (UNIQUE_NAMES.includes(field.name) || /_number$/.test(field.name));
}

function inferField(entity: Entity, field: Field, fi: number, ei: number): Diagnostic | null {
  const note = (text: string): Diagnostic =>
    info(
      ERD_CODES.constraintInferred,
      fieldPath(entity.name, field.name, fi, ei),
      `${entity.name}.${field.name} ${text}`,
    );
  if (field.name === 'id' || field.primaryKey === true) return null;
  if (field.unique === undefined && field.type !== 'json' && isUniqueByName(field)) {
    field.unique = true;
    return note('is unique: two rows cannot share it. Set "unique": false to allow duplicates.');
  }
  if (field.required === undefined && TEXT_TYPES.includes(field.type) && OPTIONAL_NAMES.includes(field.name)) {
    field.required = false;
    return note('is optional (blank=True): it may be left empty. Set "required": true to require it.');
  }
  if (field.type === 'boolean' && field.default === undefined && TRUE_FLAGS.includes(field.name)) {
    field.default = true;
    return note('defaults to True: new rows start active. Set "default": false to change it.');
  }
  const words = field.name.split('_');
  if (
    NUMBER_TYPES.includes(field.type) &&
    field.min === undefined &&
    words.some((w) => NON_NEGATIVE_WORDS.includes(w))
  ) {
    field.min = 0;
    return note('may not be negative (MinValueValidator(0)). Set "min" to change the bound.');
  }
  return null;
}

/** Writes the inferred constraints into `erd` (in place) and returns one note per field changed. */
export function inferConstraints(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  erd.entities.forEach((entity, ei) =>
    entity.fields.forEach((field, fi) => {
      const note = inferField(entity, field, fi, ei);
      if (note !== null) out.push(note);
    }),
  );
  return out;
}
