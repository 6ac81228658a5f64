/**
 * Constraint tests of the generated `tests.py`: each bound's boundary value is accepted and the
 * next value refused (so dropping or tightening a validator or a max_length fails a test), a
 * duplicate of a unique value is refused (so dropping `unique` fails), and deleting a row another
 * row still needs through PROTECT answers 409 naming what needs it and keeps the row (so turning
 * PROTECT into CASCADE fails).
 */
import type { Entity, Field, Relation } from '../../../../src-shared/erd/model';
import { hasChoices, isAutoField, isNumberedKey } from '../app/entities';
import { pyBracket, pyName } from '../app/py-format';
import { readOnlyFields } from '../app/serializers';
import { fieldBounds, type FieldBounds } from './field-values';
import { makeFunction, type TestDataPlan } from './factories';

const INTEGERS = ['integer', 'bigInteger'];
const NUMBERS = ['integer', 'bigInteger', 'decimal', 'float'];
const LENGTH_LIMITED = ['string', 'text', 'slug'];

/** One limit of a field: the boundary value the API accepts (null when none is exact) and the next one it refuses. */
export type FieldLimit = [field: string, accepted: string | null, refused: string];

function numberLiteral(field: Field, value: number): string {
  if (field.type === 'decimal') return `'${value.toFixed(field.decimalPlaces ?? 2)}'`;
  if (INTEGERS.includes(field.type)) return String(Math.round(value));
  return String(value);
}

function numberLimits(field: Field, b: FieldBounds): FieldLimit[] {
  const places = field.decimalPlaces ?? 2;
  const step = field.type === 'decimal' ? 10 ** -places : INTEGERS.includes(field.type) ? 1 : null;
  const out: FieldLimit[] = [];
  const fits = (v: number): boolean => (b.max === undefined || v <= b.max) && (b.min === undefined || v >= b.min);
  if (b.min !== undefined) {
    const accepted = b.minExclusive ? (step === null ? null : b.min + step) : b.min;
    const refused = b.minExclusive ? b.min : b.min - (step ?? 1);
    const ok = accepted !== null && fits(accepted) ? numberLiteral(field, accepted) : null;
    out.push([field.name, ok, numberLiteral(field, refused)]);
  }
  const digits = field.maxDigits ?? 12;
  if (b.max !== undefined && (b.min === undefined || b.max > b.min)) {
    out.push([field.name, numberLiteral(field, b.max), numberLiteral(field, b.max + (step ?? 1))]);
  } else if (b.max === undefined && field.type === 'decimal' && digits <= 15 && digits > places) {
    const ceiling = 10 ** (digits - places);
    out.push([field.name, numberLiteral(field, ceiling - (step ?? 1)), numberLiteral(field, ceiling)]);
  }
  return out;
}

function lengthLimits(field: Field, b: FieldBounds): FieldLimit[] {
  if (b.patterns.length > 0 || hasChoices(field)) return [];
  const out: FieldLimit[] = [];
  if (b.minLength > 1) out.push([field.name, `'x' * ${b.minLength}`, `'x' * ${b.minLength - 1}`]);
  if (b.maxLength !== undefined && b.maxLength >= Math.max(1, b.minLength))
    out.push([field.name, `'x' * ${b.maxLength}`, `'x' * ${b.maxLength + 1}`]);
  return out;
}

/**
 * Every limit of the fields the API writes: lower and upper bounds of numbers (validators, rules),
 * shortest and longest text (max_length, length rules). Patterned, enum, e-mail and URL fields are
 * left to their own validators, whose boundary values no repeated letter satisfies.
 */
export function fieldLimits(plan: TestDataPlan, entity: Entity): FieldLimit[] {
  const readOnly = new Set(readOnlyFields(plan.erd, entity));
  const out: FieldLimit[] = [];
  for (const field of entity.fields) {
    if (readOnly.has(field.name) || isAutoField(field) || isNumberedKey(field) || field.name === 'id') continue;
    const bounds = fieldBounds(plan.erd, entity, field);
    if (NUMBERS.includes(field.type) && !hasChoices(field)) out.push(...numberLimits(field, bounds));
    else if (LENGTH_LIMITED.includes(field.type)) out.push(...lengthLimits(field, bounds));
  }
  return out;
}

/** Unique scalar fields the API writes and echoes, whose duplicates the tests send. */
export function uniqueFields(plan: TestDataPlan, entity: Entity): string[] {
  const readOnly = new Set(readOnlyFields(plan.erd, entity));
  return entity.fields
    .filter((f) => f.name !== 'id' && !readOnly.has(f.name) && !isAutoField(f) && !isNumberedKey(f) && !hasChoices(f))
    .filter((f) => ['string', 'text', 'email', 'slug', 'url', 'integer', 'bigInteger'].includes(f.type))
    .filter(
      (f) => fieldBounds(plan.erd, entity, f).unique && !(entity.uniqueTogether ?? []).some((g) => g.includes(f.name)),
    )
    .filter((f) => f.unique === true || fieldBounds(plan.erd, entity, f).unique)
    .map((f) => f.name);
}

/** PROTECT links to `entity` from buildable entities (any app; tests.py builds them): (make function, link name). */
export function protectedBy(plan: TestDataPlan, entity: Entity): [string, string][] {
  const erd = plan.erd;
  return erd.relations
    .filter((r: Relation) => r.to === entity.name && r.kind !== 'manyToMany' && r.onDelete === 'PROTECT')
    .flatMap((r): [string, string][] => {
      const child = erd.entities.find((e) => e.name === r.from);
      if (child === undefined || child === entity || plan.makeProblem(child) !== null) return [];
      return [[makeFunction(child), r.name]];
    })
    .slice(0, 3);
}

/** The class attributes that switch the constraint tests on for an entity. */
export function constraintAttributes(plan: TestDataPlan, entity: Entity): string[] {
  const lines: string[] = [];
  const limits = fieldLimits(plan, entity).map(([n, ok, bad]) => `(${pyName(n)}, ${ok ?? 'None'}, ${bad})`);
  if (limits.length === 1) lines.push(`limits = (${limits[0] ?? ''},)`);
  else if (limits.length > 1) lines.push(pyBracket('limits = ', '(', limits, ')', 1));
  const unique = uniqueFields(plan, entity);
  if (unique.length === 1) lines.push(`unique_fields = (${pyName(unique[0] ?? '')},)`);
  else if (unique.length > 1) lines.push(pyBracket('unique_fields = ', '(', unique.map(pyName), ')', 1));
  const guards = protectedBy(plan, entity);
  const pairs = guards.map(([fn, name]) => `(${fn}, ${pyName(name)})`);
  if (pairs.length === 1) lines.push(`protected_by = (${pairs[0] ?? ''},)`);
  else if (pairs.length > 1) lines.push(pyBracket('protected_by = ', '(', pairs, ')', 1));
  return lines;
}

/** The shared constraint tests every buildable entity's case mixes in. */
export const CONSTRAINT_MIXIN = `class ConstraintTests:
    """Lower bounds, uniqueness and protected deletes hold through the API."""

    limits = ()
    unique_fields = ()
    protected_by = ()

    def test_limits_accept_the_boundary_and_refuse_the_next_value(self):
        """Each bound's boundary value is stored; the value just past it answers 400 naming the field."""
        if not self.limits:
            self.skipTest('no bounded field')
        self.client.force_authenticate(user=_superuser())
        for name, accepted, refused in self.limits:
            if accepted is not None:
                with self.subTest(field=name, value=accepted):
                    payload = {**self.payload(), name: accepted}
                    response = self.client.post(_url(f'{self.route}-list'), payload, format=_format(payload))
                    self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)
                    self.model.objects.filter(pk=response.data[self.pk_field]).delete()
            with self.subTest(field=name, value=refused):
                payload = {**self.payload(), name: refused}
                response = self.client.post(_url(f'{self.route}-list'), payload, format=_format(payload))
                self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST, response.data)
                self.assertIn(name, response.data)

    def test_duplicates_of_unique_values_are_refused(self):
        """Sending another row's unique value answers 400 naming the field."""
        if not self.unique_fields:
            self.skipTest('no unique field')
        self.client.force_authenticate(user=_superuser())
        existing = self.make()
        valid = self.payload()
        for name in self.unique_fields:
            with self.subTest(field=name):
                payload = {**valid, name: _api(getattr(existing, name))}
                response = self.client.post(_url(f'{self.route}-list'), payload, format=_format(payload))
                self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST, response.data)
                self.assertIn(name, response.data)

    def test_protected_rows_are_not_deleted(self):
        """A row another row still needs (on_delete PROTECT) answers 409 naming what needs it, and stays."""
        if not self.protected_by:
            self.skipTest('nothing protects these rows')
        self.client.force_authenticate(user=_superuser())
        for make_child, link in self.protected_by:
            with self.subTest(link=link):
                obj = self.make()
                child = make_child(**{link: obj})
                response = self.client.delete(_url(f'{self.route}-detail', pk=obj.pk))
                self.assertEqual(response.status_code, status.HTTP_409_CONFLICT)
                self.assertIn(str(child._meta.verbose_name_plural), str(response.data['detail']))
                self.assertTrue(self.model.objects.filter(pk=obj.pk).exists())`;

/** The entities whose rows protect rows of `entities` (tests.py must be able to build them). */
export function protectingEntities(plan: TestDataPlan, entities: readonly Entity[]): Entity[] {
  const names = new Set(entities.flatMap((e) => protectedBy(plan, e).map(([fn]) => fn)));
  return plan.erd.entities.filter((e) => names.has(makeFunction(e)));
}
