/**
 * Valid values for every field type, as Python expressions over `n` (the row number of the
 * model: 1, 2, 3, …), so the generated tests can create rows that pass the model's validators:
 * numbers inside their bounds and digit limits, strings within their lengths and patterns, enums'
 * own choices, unique fields different from row to row. The same rules as `app/rules.ts` decide the bounds, so
 * the tests and the models agree on what is valid.
 */
import type { Entity, Erd, Field, FieldType } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { snakeCase } from '../names';
import { hasChoices, isAutoField, isNumberedKey } from '../app/entities';
import { entityRules } from '../app/rules';
import { pyText } from '../project/py-text';
import { patternSample, renderSample, type SamplePiece } from './pattern-sample';

const NUMERIC: readonly FieldType[] = ['integer', 'bigInteger', 'float', 'decimal'];
const STRINGLIKE: readonly FieldType[] = ['string', 'text', 'email', 'url', 'slug'];
const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = { string: 255, email: 254, url: 200, slug: 50 };
/** The sequence number's width the length checks allow for (a test run creates far fewer rows). */
const N_WIDTH = 6;

/** What a valid value of one field must satisfy, from the field and the entity's rules. */
export interface FieldBounds {
  min?: number;
  /** True when `min` itself is not allowed (a `positive` rule). */
  minExclusive: boolean;
  max?: number;
  minLength: number;
  maxLength?: number;
  patterns: string[];
  unique: boolean;
}

function raise(bounds: FieldBounds, min: number, exclusive: boolean): void {
  if (bounds.min === undefined || min > bounds.min || (min === bounds.min && exclusive)) {
    bounds.min = min;
    bounds.minExclusive = exclusive;
  }
}

/** The bounds of `field`: its own min/max/maxLength/unique plus every structured rule on it. */
export function fieldBounds(erd: Erd, entity: Entity, field: Field): FieldBounds {
  const numeric = NUMERIC.includes(field.type);
  const stringlike = STRINGLIKE.includes(field.type);
  const inGroup = (entity.uniqueTogether ?? []).some((group) => group.includes(field.name));
  const bounds: FieldBounds = {
    minExclusive: false,
    minLength: 0,
    patterns: [],
    unique: field.unique === true || field.primaryKey === true || inGroup,
  };
  const maxLengths = [field.maxLength ?? DEFAULT_MAX_LENGTH[field.type]];
  const addRange = (min: number | undefined, max: number | undefined): void => {
    if (numeric) {
      if (min !== undefined) raise(bounds, min, false);
      if (max !== undefined) bounds.max = Math.min(bounds.max ?? max, max);
    } else if (stringlike) {
      if (min !== undefined) bounds.minLength = Math.max(bounds.minLength, min);
      maxLengths.push(max);
    }
  };
  addRange(field.min, field.max);
  for (const rule of entityRules(erd, entity)) {
    if (rule.field !== field.name) continue;
    if (rule.kind === 'positive' && numeric) raise(bounds, 0, true);
    else if (rule.kind === 'nonNegative' && numeric) raise(bounds, 0, false);
    else if (rule.kind === 'range') addRange(rule.min, rule.max);
    else if (rule.kind === 'minLength' && stringlike) addRange(rule.min ?? rule.max, undefined);
    else if (rule.kind === 'maxLength' && stringlike) addRange(undefined, rule.max ?? rule.min);
    else if (rule.kind === 'pattern' && stringlike && rule.pattern !== undefined) bounds.patterns.push(rule.pattern);
    else if (rule.kind === 'unique' && field.type !== 'json') bounds.unique = true;
  }
  const limits = maxLengths.filter((m): m is number => m !== undefined);
  if (limits.length > 0) bounds.maxLength = Math.min(...limits);
  return bounds;
}

/** A field value as Python, or a reason why no valid value can be produced. */
export type ValueCode = { code: string } | { problem: string };

function where(entity: Entity, field: Field): string {
  return `${entity.name}.${field.name}`;
}

function integerCode(lo: number, hi: number | undefined): string {
  if (hi === undefined) {
    const start = Math.max(1, lo);
    return `${start} + n`;
  }
  if (lo === -Infinity) return hi >= 1 ? `1 + n % ${hi}` : `${hi} - n`;
  const start = Math.min(Math.max(1, lo), hi);
  const span = hi - start + 1;
  return span === 1 ? String(start) : `${start} + n % ${span}`;
}

function numberCode(entity: Entity, field: Field, b: FieldBounds): ValueCode {
  if (b.min !== undefined && b.max !== undefined && (b.max < b.min || (b.max === b.min && b.minExclusive))) {
    return { problem: `${where(entity, field)} has no valid value between ${b.min} and ${b.max}` };
  }
  if (field.type === 'float') {
    const lo = b.min ?? -Infinity;
    if (b.max === undefined) return { code: `${Math.max(lo, 0) + 0.5} + n` };
    const low = Number.isFinite(lo) ? lo : Math.min(0, b.max - 1);
    return { code: `${low} + ${b.max - low} * (n % 7 + 1) / 8` };
  }
  if (field.type === 'decimal') {
    const places = field.decimalPlaces ?? 2;
    const digits = Math.min(field.maxDigits ?? 12, 15);
    const scale = 10 ** places;
    const limit = 10 ** digits - 1;
    const loUnits =
      b.min === undefined
        ? -limit
        : Math.ceil(b.min * scale) + (b.minExclusive && Number.isInteger(b.min * scale) ? 1 : 0);
    const hiUnits = Math.min(limit, b.max === undefined ? limit : Math.floor(b.max * scale));
    if (loUnits > hiUnits)
      return {
        problem: `${where(entity, field)} has no valid value with ${digits} digits and ${places} decimal places`,
      };
    const start = Math.min(Math.max(scale, loUnits), hiUnits);
    const span = hiUnits - start + 1;
    const expr = span === 1 ? String(start) : `${start} + n % ${span}`;
    return { code: places === 0 ? `Decimal(${expr})` : `Decimal(${expr}).scaleb(-${places})` };
  }
  const lo = b.min === undefined ? -Infinity : b.minExclusive && Number.isInteger(b.min) ? b.min + 1 : Math.ceil(b.min);
  const hi = b.max === undefined ? undefined : Math.floor(b.max);
  if (hi !== undefined && hi < lo)
    return { problem: `${where(entity, field)} has no whole number between ${b.min} and ${b.max}` };
  return { code: integerCode(lo, hi) };
}

/** An f-string (or plain literal) of text pieces and `{n}` placeholders. */
export function formatCode(pieces: readonly SamplePiece[]): string {
  if (!pieces.some((p) => 'digits' in p)) return pyText(pieces.map((p) => ('text' in p ? p.text : '')).join(''));
  const plain = pieces.every((p) => !('text' in p) || pyText(p.text).startsWith("'"));
  const quoted = (text: string): string => (plain ? text : pyStr(text).slice(1, -1));
  const quote = plain ? "'" : '"';
  const body = pieces
    .map((p) => ('text' in p ? quoted(p.text).replace(/[{}]/g, '$&$&') : p.digits > 1 ? `{n:0${p.digits}d}` : '{n}'))
    .join('');
  return `f${quote}${body}${quote}`;
}

function textCode(entity: Entity, field: Field, b: FieldBounds): ValueCode {
  const maxLength = b.maxLength ?? Infinity;
  let pieces: SamplePiece[];
  if (b.patterns.length > 0) {
    const samples = b.patterns.map(patternSample);
    const sample = samples[0];
    if (sample === null || sample === undefined || samples.length > 1) {
      return {
        problem: `${where(entity, field)} must match ${b.patterns.map((p) => JSON.stringify(p)).join(' and ')}, which is too complex to sample`,
      };
    }
    pieces = sample;
  } else {
    const stem = snakeCase(field.name).replace(/_/g, field.type === 'slug' ? '-' : ' ');
    if (field.type === 'email') pieces = [{ text: 'user' }, { digits: 1 }, { text: '@example.com' }];
    else if (field.type === 'url') pieces = [{ text: 'https://example.com/' }, { digits: 1 }];
    else if (maxLength < N_WIDTH && maxLength >= Math.max(1, b.minLength)) {
      // Too short for a row number (a `char(3)` code, an nchar(5) key): the number in hexadecimal,
      // the last `maxLength` digits, which differ for the rows one test makes.
      return { code: `f'{n:0${maxLength}x}'[-${maxLength}:]` };
    } else {
      const room = Math.max(0, maxLength - N_WIDTH - 1);
      const head = stem.slice(0, room).trim();
      pieces = head.length === 0 ? [{ digits: 1 }] : [{ text: `${head}-` }, { digits: 1 }];
    }
    const shortest = renderSample(pieces, 1).length;
    if (shortest < b.minLength) {
      const pad = 'x'.repeat(b.minLength - shortest);
      const at = field.type === 'email' ? 2 : pieces.length;
      pieces = [...pieces.slice(0, at), { text: pad }, ...pieces.slice(at)];
    }
  }
  const shortest = renderSample(pieces, 1).length;
  const longest = renderSample(pieces, 10 ** (N_WIDTH - 1)).length;
  if (shortest < b.minLength || longest > maxLength) {
    return {
      problem: `${where(entity, field)} needs ${b.minLength}–${maxLength} characters, which its sample value does not fit`,
    };
  }
  return { code: formatCode(pieces) };
}

const PNG_FILE = (name: string): string => `SimpleUploadedFile(f'${name}-{n}.png', PNG_1X1, content_type='image/png')`;
const TEXT_FILE = (name: string): string =>
  `SimpleUploadedFile(f'${name}-{n}.txt', b'Generated by DjForge Studio', content_type='text/plain')`;

/** True for fields the API never accepts and the tests therefore leave to Django. */
export function isGeneratedByDjango(field: Field): boolean {
  return isAutoField(field) || isNumberedKey(field) || (field.name === 'id' && field.type === 'uuid');
}

/**
 * A valid value of `field` as a Python expression over `n`. Unique fields get values that differ
 * for every `n`; enums take their first choice (cycling through the choices when unique).
 */
export function fieldValueCode(erd: Erd, entity: Entity, field: Field): ValueCode {
  const b = fieldBounds(erd, entity, field);
  if (hasChoices(field)) {
    const values = (field.choices ?? []).map((c) => pyText(c.value));
    if (values.length === 0) return { problem: `${where(entity, field)} has no choices` };
    return { code: b.unique && values.length > 1 ? `[${values.join(', ')}][n % ${values.length}]` : (values[0] ?? '') };
  }
  const name = snakeCase(field.name).replace(/[^a-z0-9_]/g, '');
  switch (field.type) {
    case 'integer':
    case 'bigInteger':
    case 'float':
    case 'decimal':
      return numberCode(entity, field, b);
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'slug':
      return textCode(entity, field, b);
    case 'boolean':
      return { code: b.unique ? 'n % 2 == 0' : 'True' };
    case 'date':
      return { code: 'EPOCH.date() + datetime.timedelta(days=n)' };
    case 'datetime':
      return { code: 'EPOCH + datetime.timedelta(hours=n)' };
    case 'time':
      return { code: 'datetime.time(n // 60 % 24, n % 60)' };
    case 'duration':
      return { code: 'datetime.timedelta(minutes=n)' };
    case 'uuid':
      return { code: 'uuid.UUID(int=n)' };
    case 'json':
      return { code: "{'sample': True, 'n': n}" };
    case 'ipAddress':
      return { code: "f'10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}'" };
    case 'file':
      return { code: TEXT_FILE(name) };
    case 'image':
      return { code: PNG_FILE(name) };
    default:
      return { problem: `${where(entity, field)} has an unknown type` };
  }
}

const ECHOED_TYPES: readonly FieldType[] = [
  'string',
  'text',
  'email',
  'url',
  'slug',
  'integer',
  'bigInteger',
  'boolean',
];

/** Whether the API is expected to echo the value exactly as sent (so a test can compare them). */
export function echoesValue(erd: Erd, entity: Entity, field: Field): boolean {
  if (field.name === 'id' || field.primaryKey === true) return false;
  if (!hasChoices(field) && !ECHOED_TYPES.includes(field.type)) return false;
  return fieldBounds(erd, entity, field).patterns.length === 0;
}

/** Whether a field may be left out of a create request (blank, nullable or defaulted). */
export function isOptionalField(field: Field): boolean {
  return field.required === false || field.nullable === true || field.default !== undefined || field.type === 'json';
}
