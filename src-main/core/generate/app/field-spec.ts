/**
 * One ERD field → one Django model field. This is where every FieldType and option maps to
 * Django 3.2–5.x code: the column type, blank/null, unique/index, a default that is never a shared
 * mutable literal, validators, help text, and for enums a nested `TextChoices` class.
 */
import type { Entity, Erd, Field, FieldType } from '../../../../src-shared/erd/model';
import { pyLiteral, pyStr } from '../python';
import { choicesClass, snakeCase } from '../names';
import { hasChoices, isNumberedKey } from './entities';
import { humanize, pyCall, pyDecimal, pyIdentifier, pyName } from './py-format';
import { fieldConstraints } from './rules';

const DJANGO_CLASS: Record<FieldType, string> = {
  string: 'CharField',
  text: 'TextField',
  integer: 'IntegerField',
  bigInteger: 'BigIntegerField',
  float: 'FloatField',
  decimal: 'DecimalField',
  boolean: 'BooleanField',
  date: 'DateField',
  datetime: 'DateTimeField',
  time: 'TimeField',
  duration: 'DurationField',
  email: 'EmailField',
  url: 'URLField',
  slug: 'SlugField',
  uuid: 'UUIDField',
  json: 'JSONField',
  file: 'FileField',
  image: 'ImageField',
  enum: 'CharField',
  ipAddress: 'GenericIPAddressField',
};

/** The model field class: the type's, or AutoField/BigAutoField for a key the database numbers. */
function djangoClass(field: Field): string {
  if (!isNumberedKey(field)) return DJANGO_CLASS[field.type];
  return field.type === 'bigInteger' ? 'BigAutoField' : 'AutoField';
}

/** Django's own max_length defaults, written out so the model says what the column holds. */
const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = { string: 255, email: 254, url: 200, slug: 50 };

/** A member of a generated `TextChoices` class: `PAID = 'paid', "Paid"`. */
export interface ChoiceMember {
  member: string;
  value: string;
  label: string;
}

/** Members for an enum's choices: upper-snake identifiers derived from the values, made unique. */
export function choiceMembers(field: Field): ChoiceMember[] {
  const taken = new Set<string>();
  return (field.choices ?? []).map((choice, i) => {
    let base = choice.value
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase();
    if (base.length === 0) base = `CHOICE_${i + 1}`;
    if (/^\d/.test(base)) base = `V_${base}`;
    let member = base;
    for (let n = 2; taken.has(member); n++) member = `${base}_${n}`;
    taken.add(member);
    return { member, value: choice.value, label: choice.label ?? humanize(choice.value) };
  });
}

/** The nested `class StatusChoices(models.TextChoices)` block of an enum field. */
export function choicesClassCode(field: Field): string {
  const members = choiceMembers(field);
  if (members.length === 0) throw new Error(`Enum field '${field.name}' has no choices`);
  const lines = members.map((m) => `    ${m.member} = ${pyStr(m.value)}, ${pyStr(m.label)}`);
  return `class ${choicesClass(field.name)}(models.TextChoices):\n${lines.join('\n')}`;
}

function where(entity: Entity, field: Field): string {
  return `Field ${entity.name}.${field.name}`;
}

function asNumber(entity: Entity, field: Field, value: string | number | boolean): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === '')) {
    throw new Error(`${where(entity, field)}: default ${JSON.stringify(value)} is not a number`);
  }
  return n;
}

function asBoolean(entity: Entity, field: Field, value: string | number | boolean): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new Error(`${where(entity, field)}: default ${JSON.stringify(value)} is not a boolean`);
}

/**
 * The `default=` value as Python, or undefined for none. Callables stand in for anything that
 * must be fresh per row (`uuid4`, `dict`, `list`, `now`, `datetime.date.today`).
 */
function defaultCode(entity: Entity, field: Field): string | undefined {
  const value = field.default;
  if (value === undefined) {
    if (field.type === 'boolean') return 'False';
    if (field.type === 'uuid') return field.nullable === true ? undefined : 'uuid4';
    if (field.type === 'json') return field.nullable === true ? undefined : 'dict';
    return undefined;
  }
  if (value === null) return 'None';
  switch (field.type) {
    case 'integer':
    case 'bigInteger':
    case 'float':
      return String(asNumber(entity, field, value));
    case 'decimal':
      return pyDecimal(asNumber(entity, field, value));
    case 'boolean':
      return asBoolean(entity, field, value) ? 'True' : 'False';
    case 'uuid': {
      const text = String(value).trim();
      if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(text)) {
        throw new Error(`${where(entity, field)}: default ${JSON.stringify(value)} is not a UUID`);
      }
      return `UUID(${pyName(text)})`;
    }
    case 'json': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '{}') return 'dict';
      if (text === '[]') return 'list';
      return pyLiteral(value);
    }
    case 'datetime':
      return typeof value === 'string' && value.trim().toLowerCase() === 'now' ? 'now' : pyLiteral(value);
    case 'date':
      return typeof value === 'string' && ['now', 'today'].includes(value.trim().toLowerCase())
        ? 'datetime.date.today'
        : pyLiteral(value);
    default:
      if (hasChoices(field)) {
        const member = choiceMembers(field).find((m) => m.value === value);
        if (member !== undefined) return `${choicesClass(field.name)}.${member.member}`;
      }
      return pyLiteral(typeof value === 'number' || typeof value === 'boolean' ? String(value) : value);
  }
}

/** Arguments that say what the column is: length, precision, choices, upload folder. */
function typeArgs(entity: Entity, field: Field): string[] {
  if (hasChoices(field)) {
    const longest = Math.max(1, ...(field.choices ?? []).map((c) => c.value.length));
    return [`max_length=${Math.max(longest, field.maxLength ?? 0)}`, `choices=${choicesClass(field.name)}.choices`];
  }
  const maxLength = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
  switch (field.type) {
    case 'decimal':
      return [`max_digits=${field.maxDigits ?? 12}`, `decimal_places=${field.decimalPlaces ?? 2}`];
    case 'file':
    case 'image':
      return [
        `upload_to=${pyName(`${snakeCase(entity.name)}/`)}`,
        ...(field.maxLength === undefined ? [] : [`max_length=${field.maxLength}`]),
      ];
    case 'date':
    case 'datetime':
      return [
        ...(field.autoNow === true ? ['auto_now=True'] : []),
        ...(field.autoNowAdd === true ? ['auto_now_add=True'] : []),
      ];
    default:
      return maxLength === undefined ? [] : [`max_length=${maxLength}`];
  }
}

/**
 * Whether the model lets the field be left blank (`blank=True`): `required: false`, or nullable
 * without `required: true`; never the primary key or a column Django fills (auto_now).
 */
export function isBlankField(field: Field): boolean {
  if (field.name === 'id' || field.primaryKey === true || field.autoNow === true || field.autoNowAdd === true)
    return false;
  return field.required === false || (field.nullable === true && field.required !== true);
}

/**
 * The model field line, e.g. `price = models.DecimalField(max_digits=10, decimal_places=2,
 * validators=[MinValueValidator(Decimal('0'))])`. `required: false` → `blank=True`; `nullable` →
 * `null=True` (and blank unless required is explicitly true); GenericIPAddressField stores blanks
 * as NULL, so a blank one is nullable too. A field named `id` or marked `primaryKey` becomes the
 * primary key (an AutoField/BigAutoField when the database numbers it).
 */
export function fieldCode(erd: Erd, entity: Entity, field: Field, level: number): string {
  pyIdentifier(field.name);
  const args = typeArgs(entity, field);
  const primary = field.name === 'id' || field.primaryKey === true;
  const { validators, unique } = fieldConstraints(erd, entity, field);
  const auto = field.autoNow === true || field.autoNowAdd === true;
  if (primary) args.push('primary_key=True');
  const nullable = field.nullable === true;
  let blank = isBlankField(field);
  let isNull = !primary && nullable;
  if (field.type === 'ipAddress' && blank) isNull = true;
  if (field.type === 'json' && field.default === undefined && !nullable) blank = true;
  if (isNull) args.push('null=True');
  if (blank) args.push('blank=True');
  if (!primary && (field.unique === true || unique)) args.push('unique=True');
  else if (!primary && field.index === true) args.push('db_index=True');
  const dflt = auto ? undefined : defaultCode(entity, field);
  if (dflt !== undefined) args.push(`default=${dflt}`);
  if (primary && field.type === 'uuid') args.push('editable=False');
  if (validators.length > 0) args.push(`validators=[${validators.join(', ')}]`);
  if (field.verboseName !== undefined) args.push(`verbose_name=${pyStr(field.verboseName)}`);
  if (field.helpText !== undefined) args.push(`help_text=${pyStr(field.helpText)}`);
  if (field.dbColumn !== undefined) args.push(`db_column=${pyStr(field.dbColumn)}`);
  return pyCall(`${field.name} = models.${djangoClass(field)}`, args, level);
}
