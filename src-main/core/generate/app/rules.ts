/**
 * Business rules and field bounds as Django validators. A structured rule on a field becomes a
 * validator (or `unique=True`) on the model, so ModelSerializer, forms and admin all enforce it;
 * anything the generator cannot express becomes a visible `# TODO(djforge-llm): …` in the model
 * for the LLM engine (or a person) to implement — never a silent drop.
 */
import type { BusinessRule, Entity, Erd, Field, FieldType } from '../../../../src-shared/erd/model';
import { pyComment, pyStr } from '../python';
import { modelFields } from './entities';
import { pyDecimal, pyNumber } from './py-format';

const NUMERIC: readonly FieldType[] = ['integer', 'bigInteger', 'float', 'decimal'];
const STRINGLIKE: readonly FieldType[] = ['string', 'text', 'email', 'url', 'slug'];

/** Name of the module-level validator models.py defines when a float must be strictly positive. */
export const VALIDATE_POSITIVE = 'validate_positive';

/** The rules attached to `entity`, in ERD order. */
export function entityRules(erd: Erd, entity: Entity): BusinessRule[] {
  return (erd.rules ?? []).filter((r) => r.entity === entity.name);
}

function minValue(field: Field, value: number): string {
  return `MinValueValidator(${field.type === 'decimal' ? pyDecimal(value) : pyNumber(value)})`;
}

function maxValue(field: Field, value: number): string {
  return `MaxValueValidator(${field.type === 'decimal' ? pyDecimal(value) : pyNumber(value)})`;
}

/** The smallest positive value a decimal with `places` decimal places holds: 2 → `Decimal('0.01')`. */
function smallestStep(places: number): string {
  return places <= 0 ? pyDecimal('1') : pyDecimal(`0.${'0'.repeat(places - 1)}1`);
}

function boundValidators(field: Field, min: number | undefined, max: number | undefined): string[] | null {
  if (NUMERIC.includes(field.type)) {
    return [...(min === undefined ? [] : [minValue(field, min)]), ...(max === undefined ? [] : [maxValue(field, max)])];
  }
  if (STRINGLIKE.includes(field.type)) {
    return [
      ...(min === undefined ? [] : [`MinLengthValidator(${pyNumber(min)})`]),
      ...(max === undefined ? [] : [`MaxLengthValidator(${pyNumber(max)})`]),
    ];
  }
  return null;
}

/** What one structured rule does to its field, or null when it cannot be expressed there. */
function ruleEffect(field: Field, rule: BusinessRule): { validators: string[]; unique: boolean } | null {
  const numeric = NUMERIC.includes(field.type);
  const none = { validators: [], unique: false };
  switch (rule.kind) {
    case 'positive':
      if (!numeric) return null;
      if (field.type === 'float') return { ...none, validators: [VALIDATE_POSITIVE] };
      if (field.type === 'decimal')
        return { ...none, validators: [`MinValueValidator(${smallestStep(field.decimalPlaces ?? 2)})`] };
      return { ...none, validators: ['MinValueValidator(1)'] };
    case 'nonNegative':
      return numeric ? { ...none, validators: [minValue(field, 0)] } : null;
    case 'range': {
      if (rule.min === undefined && rule.max === undefined) return null;
      const validators = boundValidators(field, rule.min, rule.max);
      return validators === null ? null : { ...none, validators };
    }
    case 'minLength': {
      const n = rule.min ?? rule.max;
      return n !== undefined && STRINGLIKE.includes(field.type)
        ? { ...none, validators: [`MinLengthValidator(${pyNumber(n)})`] }
        : null;
    }
    case 'maxLength': {
      const n = rule.max ?? rule.min;
      return n !== undefined && STRINGLIKE.includes(field.type)
        ? { ...none, validators: [`MaxLengthValidator(${pyNumber(n)})`] }
        : null;
    }
    case 'pattern':
      if (rule.pattern === undefined || !STRINGLIKE.includes(field.type)) return null;
      return { ...none, validators: [`RegexValidator(${pyStr(rule.pattern)}, message=${pyStr(rule.text)})`] };
    case 'unique':
      return field.type === 'json' ? null : { ...none, unique: true };
    default:
      return null;
  }
}

/** Validators (field bounds first, then rules, without duplicates) and whether a rule makes the field unique. */
export function fieldConstraints(erd: Erd, entity: Entity, field: Field): { validators: string[]; unique: boolean } {
  const validators = boundValidators(field, field.min, field.max) ?? [];
  let unique = false;
  for (const rule of entityRules(erd, entity)) {
    if (rule.field !== field.name) continue;
    const effect = ruleEffect(field, rule);
    if (effect === null) continue;
    validators.push(...effect.validators);
    unique ||= effect.unique;
  }
  return { validators: strictestBounds([...new Set(validators)]), unique };
}

const BOUND = /^(Min|Max)ValueValidator\((?:Decimal\('([^']+)'\)|([^)]+))\)$/;

/**
 * One MinValueValidator (the highest) and one MaxValueValidator (the lowest): DRF's ModelSerializer
 * turns only the first of each into the field's min_value/max_value and drops the others, so a
 * positive rule after an inferred `min: 0` would otherwise never reach the API.
 */
function strictestBounds(validators: string[]): string[] {
  const best = new Map<string, [number, string]>();
  for (const v of validators) {
    const m = BOUND.exec(v);
    if (m === null) continue;
    const value = Number(m[2] ?? m[3]);
    const kind = m[1] ?? '';
    const current = best.get(kind);
    if (current === undefined || (kind === 'Min' ? value > current[0] : value < current[0])) best.set(kind, [value, v]);
  }
  return validators.filter((v) => {
    const m = BOUND.exec(v);
    return m === null || best.get(m[1] ?? '')?.[1] === v;
  });
}

/**
 * `# TODO(djforge-llm): …` lines for the entity's rules that no validator expresses: custom
 * rules, rules without a field, and structured rules whose field type cannot carry them — except
 * those `enforcedElsewhere` (the serializer's rule methods).
 */
export function ruleTodos(
  erd: Erd,
  entity: Entity,
  enforcedElsewhere: ReadonlySet<BusinessRule> = new Set(),
): string[] {
  return entityRules(erd, entity)
    .filter((rule) => !enforcedElsewhere.has(rule) && !isValidatorRule(entity, rule))
    .map(todoLine);
}

/** Whether a structured rule becomes a validator (or `unique`) on its field. */
export function isValidatorRule(entity: Entity, rule: BusinessRule): boolean {
  const field = modelFields(entity).find((f) => f.name === rule.field);
  return rule.kind !== undefined && rule.kind !== 'custom' && field !== undefined && ruleEffect(field, rule) !== null;
}

/** TODO lines for the rules that name no entity (ERD-wide requirements). */
export function globalRuleTodos(erd: Erd): string[] {
  return (erd.rules ?? []).filter((r) => r.entity === undefined).map(todoLine);
}

function todoLine(rule: BusinessRule): string {
  const why =
    rule.kind === undefined || rule.kind === 'custom' ? '' : ` (${rule.kind} rule not expressible as a validator here)`;
  const on = rule.field === undefined ? '' : `${rule.field}: `;
  return `# TODO(djforge-llm): ${pyComment(`${on}${rule.text}${why}`)}`;
}

/** Whether any float field of these entities needs the `validate_positive` helper. */
export function needsPositiveHelper(erd: Erd, entities: readonly Entity[]): boolean {
  return entities.some((e) =>
    modelFields(e).some((f) => fieldConstraints(erd, e, f).validators.includes(VALIDATE_POSITIVE)),
  );
}
