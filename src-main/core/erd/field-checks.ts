/**
 * Checks of one field's options against its type: enum choices, decimal precision, bounds and the
 * default value. Each returns every problem, each with the field's path.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Field } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { checkSafeText } from './name-checks';
import { error, q, warning } from './report';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

const numericText = (v: string): boolean => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim());

/** Why `value` is not a valid default for `field`, or undefined when it is. */
function defaultProblem(field: Field, value: string | number | boolean): string | undefined {
  if (field.choices !== undefined && (field.type === 'enum' || field.type === 'string') && field.choices.length > 0) {
    return field.choices.some((c) => c.value === value)
      ? undefined
      : `it is not one of the choices (${field.choices.map((c) => q(c.value)).join(', ')})`;
  }
  const isText = typeof value === 'string';
  switch (field.type) {
    case 'integer':
    case 'bigInteger':
      return Number.isInteger(value) || (isText && /^[+-]?\d+$/.test(value.trim()))
        ? undefined
        : 'it is not a whole number';
    case 'float':
    case 'decimal':
      return (typeof value === 'number' && Number.isFinite(value)) || (isText && numericText(value))
        ? undefined
        : 'it is not a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'it is not true or false';
    case 'date':
      return isText && (ISO_DATE.test(value) || ['today', 'now'].includes(value.toLowerCase()))
        ? undefined
        : 'use a date "YYYY-MM-DD" or "today"';
    case 'datetime':
      return isText && (ISO_DATETIME.test(value) || value.toLowerCase() === 'now')
        ? undefined
        : 'use an ISO date-time "YYYY-MM-DDTHH:MM:SS" or "now"';
    case 'time':
      return isText && ISO_TIME.test(value) ? undefined : 'use a time "HH:MM" or "HH:MM:SS"';
    case 'uuid':
      return isText && UUID.test(value.trim()) ? undefined : 'it is not a UUID';
    case 'ipAddress':
      return isText && (IPV4.test(value) || (value.includes(':') && /^[0-9a-f:.]+$/i.test(value)))
        ? undefined
        : 'it is not an IP address';
    case 'duration':
      return 'duration fields take no default other than null';
    case 'json':
      return undefined;
    case 'enum':
      return 'the enum has no choices';
    default:
      if (!isText) return 'it is not text';
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return `it is longer than maxLength ${field.maxLength}`;
      return undefined;
  }
}

/** Every problem with `field`'s options; `path` is the field's path. */
export function checkFieldOptions(field: Field, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (field.type === 'enum' && (field.choices ?? []).length === 0) {
    out.push(error(ERD_CODES.missingChoices, path, `The enum field ${q(field.name)} needs at least one choice.`));
  }
  const seen = new Set<string>();
  for (const choice of field.choices ?? []) {
    out.push(...checkSafeText(choice.value, 'choice value', path));
    if (choice.label !== undefined) out.push(...checkSafeText(choice.label, 'choice label', path));
    if (seen.has(choice.value))
      out.push(
        error(ERD_CODES.invalidChoice, path, `The choice ${q(choice.value)} of ${q(field.name)} is listed twice.`),
      );
    seen.add(choice.value);
  }
  if (field.type === 'decimal') {
    const digits = field.maxDigits ?? 12;
    const places = field.decimalPlaces ?? 2;
    if (places > digits) {
      out.push(
        error(
          ERD_CODES.invalidDecimal,
          path,
          `${q(field.name)} has decimalPlaces ${places} greater than maxDigits ${digits}.`,
        ),
      );
    }
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    out.push(
      error(ERD_CODES.invalidRange, path, `${q(field.name)} has min ${field.min} greater than max ${field.max}.`),
    );
  }
  if (field.autoNow === true && field.autoNowAdd === true) {
    out.push(
      error(ERD_CODES.conflictingOptions, path, `${q(field.name)} cannot be both autoNow and autoNowAdd; choose one.`),
    );
  }
  for (const label of [field.verboseName])
    if (label !== undefined) out.push(...checkSafeText(label, 'verbose name', path));
  if (field.default === undefined) return out;
  if ((field.autoNow === true || field.autoNowAdd === true) && field.default !== null) {
    out.push(
      warning(
        ERD_CODES.conflictingOptions,
        path,
        `${q(field.name)} is set automatically, so its default is never used.`,
      ),
    );
    return out;
  }
  if (field.default === null) {
    if (field.nullable !== true)
      out.push(error(ERD_CODES.invalidDefault, path, `${q(field.name)} has the default null but is not nullable.`));
    return out;
  }
  const problem = defaultProblem(field, field.default);
  if (problem !== undefined) {
    out.push(
      error(
        ERD_CODES.invalidDefault,
        path,
        `The default ${JSON.stringify(field.default)} of ${q(field.name)} does not fit its ${field.type} type: ${problem}.`,
      ),
    );
  }
  return out;
}
