/**
 * Constraint tests of the generated `tests.py`: the value just below each lower bound is refused
 * (so dropping a validator fails a test), a duplicate of a unique value is refused (so dropping
 * `unique` fails), and deleting a row another row still needs through PROTECT answers 409 and
 * keeps it (so turning PROTECT into CASCADE fails).
 */
import type { Entity, Relation } from '../../../../src-shared/erd/model';
import { hasChoices, isAutoField } from '../app/entities';
import { pyBracket, pyName } from '../app/py-format';
import { readOnlyFields } from '../app/serializers';
import { fieldBounds } from './field-values';
import { makeFunction, type TestDataPlan } from './factories';

const INTEGERS = ['integer', 'bigInteger'];

/** `field → the largest value just below its lower bound`, as Python literals the API takes. */
export function belowMinimum(plan: TestDataPlan, entity: Entity): [string, string][] {
  const readOnly = new Set(readOnlyFields(plan.erd, entity));
  const out: [string, string][] = [];
  for (const field of entity.fields) {
    if (readOnly.has(field.name) || isAutoField(field) || field.name === 'id') continue;
    if (!['integer', 'bigInteger', 'decimal', 'float'].includes(field.type)) continue;
    const bounds = fieldBounds(plan.erd, entity, field);
    if (bounds.min === undefined) continue;
    const min = bounds.min;
    if (INTEGERS.includes(field.type)) out.push([field.name, String(bounds.minExclusive ? min : min - 1)]);
    else if (field.type === 'float') out.push([field.name, String(bounds.minExclusive ? min : min - 1)]);
    else {
      const places = field.decimalPlaces ?? 2;
      const below = bounds.minExclusive ? min : min - 10 ** -places;
      out.push([field.name, `'${below.toFixed(places)}'`]);
    }
  }
  return out;
}

/** Unique scalar fields the API writes and echoes, whose duplicates the tests send. */
export function uniqueFields(plan: TestDataPlan, entity: Entity): string[] {
  const readOnly = new Set(readOnlyFields(plan.erd, entity));
  return entity.fields
    .filter((f) => f.name !== 'id' && !readOnly.has(f.name) && !isAutoField(f) && !hasChoices(f))
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
  const below = belowMinimum(plan, entity);
  if (below.length > 0)
    lines.push(
      pyBracket(
        'below_minimum = ',
        '{',
        below.map(([n, v]) => `${pyName(n)}: ${v}`),
        '}',
        1,
      ),
    );
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

    below_minimum = {}
    unique_fields = ()
    protected_by = ()

    def test_values_below_the_minimum_are_refused(self):
        """The value just below each lower bound answers 400 naming the field."""
        if not self.below_minimum:
            self.skipTest('no lower bound')
        self.client.force_authenticate(user=_superuser())
        valid = self.payload()
        for name, value in self.below_minimum.items():
            with self.subTest(field=name):
                payload = {**valid, name: value}
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
        """A row another row still needs (on_delete PROTECT) answers 409 and stays."""
        if not self.protected_by:
            self.skipTest('nothing protects these rows')
        self.client.force_authenticate(user=_superuser())
        for make_child, link in self.protected_by:
            with self.subTest(link=link):
                obj = self.make()
                make_child(**{link: obj})
                response = self.client.delete(_url(f'{self.route}-detail', pk=obj.pk))
                self.assertEqual(response.status_code, status.HTTP_409_CONFLICT)
                self.assertTrue(self.model.objects.filter(pk=obj.pk).exists())`;

/** The entities whose rows protect rows of `entities` (tests.py must be able to build them). */
export function protectingEntities(plan: TestDataPlan, entities: readonly Entity[]): Entity[] {
  const names = new Set(entities.flatMap((e) => protectedBy(plan, e).map(([fn]) => fn)));
  return plan.erd.entities.filter((e) => names.has(makeFunction(e)));
}
