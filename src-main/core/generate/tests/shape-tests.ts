/**
 * Shape tests of the generated `tests.py`: what a response holds and what a request may leave out.
 * A retrieved body shows exactly the serializer's fields with the stored values; optional fields
 * may be left out of a create and required ones may not; many-to-many links are written and read
 * back; lists come in the default order and `?ordering=` sorts both ways. Each catches a mutant the
 * CRUD tests miss: a field made required or optional, a read-only many-to-many, a lost ordering.
 */
import type { Entity, Field } from '../../../../src-shared/erd/model';
import {
  apiOptions,
  defaultOrdering as modelOrdering,
  isAutoField,
  isOrderable,
  keyName,
  modelFields,
} from '../app/entities';
import { isBlankField } from '../app/field-spec';
import { pyBracket, pyName } from '../app/py-format';
import { readOnlyFields } from '../app/serializers';
import { isInheritedUserField, isUserEntity } from '../app/users';
import { isRequiredLink, makeFunction, type TestDataPlan } from './factories';
import { isGeneratedByDjango } from './field-values';
import { distinctValues } from './filter-tests';
import { echoedFields } from './test-cases';

/** Types whose API representation `_api` reproduces from the model value. */
const COMPARABLE = ['string', 'text', 'email', 'url', 'slug', 'integer', 'bigInteger', 'float', 'decimal'];
const COMPARABLE_MORE = ['boolean', 'date', 'datetime', 'time', 'uuid', 'json', 'enum', 'ipAddress'];

function writable(plan: TestDataPlan, entity: Entity): (name: string) => boolean {
  const readOnly = new Set(readOnlyFields(plan.erd, entity));
  return (name) => !readOnly.has(name);
}

/** Fields (and links) whose value a retrieved body must show exactly as stored. */
export function comparedFields(plan: TestDataPlan, entity: Entity): string[] {
  const scalar = modelFields(entity)
    .filter((f) => [...COMPARABLE, ...COMPARABLE_MORE].includes(f.type))
    .filter((f) => !isGeneratedByDjango(f) || f.name === 'id' || f.primaryKey === true)
    .map((f) => f.name);
  const links = plan
    .relationsOf(entity)
    .filter((r) => r.kind !== 'manyToMany')
    .map((r) => r.name);
  return [...scalar, ...links];
}

/**
 * Fields a create may leave out because the model lets them be blank: no default fills them. A
 * member of a `unique_together` group is never one: DRF's UniqueTogetherValidator requires it.
 */
export function optionalFields(plan: TestDataPlan, entity: Entity): string[] {
  const together = new Set((entity.uniqueTogether ?? []).flat());
  const canWrite = (name: string): boolean => writable(plan, entity)(name) && !together.has(name);
  const fields = modelFields(entity)
    .filter((f: Field) => isBlankField(f) && f.default === undefined && f.type !== 'boolean' && f.type !== 'json')
    .filter((f) => canWrite(f.name) && !isAutoField(f) && !(isUserEntity(entity) && isInheritedUserField(f)))
    .map((f) => f.name);
  const links = plan
    .relationsOf(entity)
    .filter((r) => r.kind !== 'manyToMany' && !isRequiredLink(r) && canWrite(r.name))
    .map((r) => r.name);
  return [...fields, ...links];
}

/** Fields and links a create must carry: leaving one out answers 400 naming it. */
export function requiredFields(plan: TestDataPlan, entity: Entity): string[] {
  const canWrite = writable(plan, entity);
  const fields = modelFields(entity)
    .filter((f) => !isBlankField(f) && f.default === undefined && !isGeneratedByDjango(f) && !isAutoField(f))
    .filter((f) => f.name !== 'id' && !['boolean', 'json', 'uuid'].includes(f.type) && canWrite(f.name))
    .map((f) => f.name);
  const links = plan
    .relationsOf(entity)
    .filter((r) => isRequiredLink(r) && canWrite(r.name))
    .map((r) => r.name);
  return [...fields, ...links];
}

/** Writable many-to-many links with a buildable target: `(name, make function of the target)`. */
export function manyToManyLinks(plan: TestDataPlan, entity: Entity): [string, string][] {
  return plan
    .writableMany(entity)
    .filter((r) => plan.makeProblem(plan.target(r)) === null)
    .map((r) => [r.name, makeFunction(plan.target(r))]);
}

/** Whether the row-number test data of `name` differs from row to row (so an order is defined). */
function varies(plan: TestDataPlan, entity: Entity, name: string): boolean {
  if (name === 'id' || name === 'pk' || name === keyName(entity)) return true;
  const field = modelFields(entity).find((f) => f.name === name);
  if (field === undefined) return false;
  if (isAutoField(field)) return field.type !== 'date'; // rows made in one test share today's date
  const value = plan.valueOf(entity, field);
  return 'code' in value && /(?<![\w'])n(?!\w)/.test(value.code);
}

/** The default ordering the list must follow, when the test data can show it (every key differs). */
export function defaultOrdering(plan: TestDataPlan, entity: Entity): string[] {
  const ordering = modelOrdering(entity);
  return ordering.every((key) => varies(plan, entity, key.replace(/^-/, ''))) ? ordering : [];
}

/** Fields `?ordering=` must sort by, both ways (those `ordering_fields` lists whose values differ). */
export function sortableFields(plan: TestDataPlan, entity: Entity): string[] {
  if (!apiOptions(plan.erd).ordering) return [];
  const distinct = new Set(distinctValues(plan, entity).map(([name]) => name));
  return modelFields(entity)
    .filter((f) => isOrderable(f) && (varies(plan, entity, f.name) || distinct.has(f.name)))
    .map((f) => f.name);
}

function tuple(name: string, items: string[]): string[] {
  if (items.length === 0) return [];
  if (items.length === 1) return [`${name} = (${items[0] ?? ''},)`];
  return [pyBracket(`${name} = `, '(', items, ')', 1)];
}

/** Columns whose test data is shared by every row but a PATCH can switch: writable flags, choices, optional links. */
export function switchedFields(plan: TestDataPlan, entity: Entity): string[] {
  const echoed = new Set(echoedFields(plan, entity));
  const optional = new Set(optionalFields(plan, entity));
  return distinctValues(plan, entity)
    .map(([name]) => name)
    .filter((name) => echoed.has(name) || optional.has(name));
}

/** The class attributes that switch the shape tests on for an entity. */
export function shapeAttributes(plan: TestDataPlan, entity: Entity): string[] {
  const many = manyToManyLinks(plan, entity);
  const ordering = apiOptions(plan.erd).ordering ? defaultOrdering(plan, entity) : [];
  return [
    ...tuple('compared_fields', comparedFields(plan, entity).map(pyName)),
    ...tuple('optional_fields', optionalFields(plan, entity).map(pyName)),
    ...tuple('required_fields', requiredFields(plan, entity).map(pyName)),
    ...tuple(
      'many_to_many',
      many.map(([n]) => pyName(n)),
    ),
    ...(many.length === 0
      ? []
      : [
          pyBracket(
            'many_to_many_targets = ',
            '{',
            many.map(([n, f]) => `${pyName(n)}: ${f}`),
            '}',
            1,
          ),
        ]),
    ...tuple('switched_fields', switchedFields(plan, entity).map(pyName)),
    ...tuple('default_ordering', ordering.map(pyName)),
    ...tuple('sortable_fields', sortableFields(plan, entity).map(pyName)),
  ];
}

/** The shared shape tests every buildable entity's case mixes in. */
export const SHAPE_MIXIN = `class ShapeTests:
    """Bodies field by field, optional and required fields, many-to-many links, and ordering."""

    compared_fields = ()
    optional_fields = ()
    required_fields = ()
    many_to_many = ()
    many_to_many_targets = {}
    switched_fields = ()
    default_ordering = ()
    sortable_fields = ()

    def _create(self, payload):
        self.client.force_authenticate(user=_superuser())
        return self.client.post(_url(f'{self.route}-list'), payload, format=_format(payload))

    def test_body_shows_exactly_the_fields_with_their_stored_values(self):
        """A retrieved body has exactly the serializer's fields, each with the stored value; the list shows the same."""
        obj = self.make()
        self.client.force_authenticate(user=_superuser())
        response = self.client.get(_url(f'{self.route}-detail', pk=obj.pk))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        self.assertEqual(set(response.data), set(self.expected_fields))
        obj.refresh_from_db()
        for name in self.compared_fields:
            with self.subTest(field=name):
                self.assertEqual(_api(response.data[name]), _api(getattr(obj, name)))
        listed = self.client.get(_url(f'{self.route}-list'), {'page_size': 1000})
        self.assertIn(dict(response.data), [dict(item) for item in _results(listed)])

    def test_values_the_test_data_shares_are_written_too(self):
        """A PATCH that switches a flag, a choice or an optional link is stored and answered."""
        if not self.switched_fields:
            self.skipTest('no such field')
        self.client.force_authenticate(user=_superuser())
        for name in self.switched_fields:
            before, after = self.distinct_values[name]
            with self.subTest(field=name):
                obj = self.make(**{name: before() if callable(before) else before})
                value = _api(after() if callable(after) else after)
                url = _url(f'{self.route}-detail', pk=obj.pk)
                response = self.client.patch(url, {name: value}, format='json')
                self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
                self.assertEqual(_api(response.data[name]), value)  # a link to a uuid key answers a UUID
                obj.refresh_from_db()
                self.assertEqual(_api(getattr(obj, name)), value)

    def test_optional_fields_may_be_left_out(self):
        """A create without the optional fields succeeds and leaves them empty."""
        if not self.optional_fields:
            self.skipTest('no optional field')
        payload = {k: v for k, v in self.payload().items() if k not in self.optional_fields}
        response = self._create(payload)
        self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)
        for name in self.optional_fields:
            self.assertIn(response.data.get(name), ('', None, []))

    def test_required_fields_may_not_be_left_out(self):
        """A create without a required field answers 400 naming it."""
        if not self.required_fields:
            self.skipTest('no required field')
        for name in self.required_fields:
            with self.subTest(field=name):
                payload = {k: v for k, v in self.payload().items() if k != name}
                response = self._create(payload)
                self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST, response.data)
                self.assertIn(name, response.data)

    def test_many_to_many_links_are_written_and_read_back(self):
        """A create links the rows sent, a PATCH replaces them, and reads show the links."""
        if not self.many_to_many:
            self.skipTest('no writable many-to-many link')
        for name in self.many_to_many:
            with self.subTest(link=name):
                first, second = self.many_to_many_targets[name](), self.many_to_many_targets[name]()
                payload = {**self.payload(), name: [first.pk, second.pk]}
                response = self._create(payload)
                self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)
                self.assertEqual(sorted(response.data[name]), sorted([first.pk, second.pk]))
                obj = self.model.objects.get(pk=response.data[self.pk_field])
                self.assertEqual(set(getattr(obj, name).values_list('pk', flat=True)), {first.pk, second.pk})
                url = _url(f'{self.route}-detail', pk=obj.pk)
                response = self.client.patch(url, {name: [second.pk]}, format='json')
                self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
                self.assertEqual(list(getattr(obj, name).values_list('pk', flat=True)), [second.pk])
                self.assertEqual(self.client.get(url).data[name], [second.pk])

    def _order_of(self, rows, query):
        ids = [_api(row.pk) for row in rows]
        listed = self.client.get(_url(f'{self.route}-list'), {**query, 'page_size': 1000})
        self.assertEqual(listed.status_code, status.HTTP_200_OK, listed.data)
        return [item[self.pk_field] for item in _results(listed) if item[self.pk_field] in ids]

    def test_lists_follow_the_default_ordering(self):
        """Without ?ordering= the list comes in the ERD's order."""
        if not self.default_ordering:
            self.skipTest('no ordering the test data can show')
        rows = [self.make(), self.make()]
        self.client.force_authenticate(user=_superuser())
        expected = self.model.objects.filter(pk__in=[row.pk for row in rows]).order_by(*self.default_ordering)
        self.assertEqual(self._order_of(rows, {}), [_api(pk) for pk in expected.values_list('pk', flat=True)])

    def test_ordering_parameter_sorts_both_ways(self):
        """?ordering=field sorts ascending, ?ordering=-field descending."""
        if not self.sortable_fields:
            self.skipTest('no sortable field')
        self.client.force_authenticate(user=_superuser())
        for name in self.sortable_fields:
            with self.subTest(field=name):
                rows = self._two_rows(name)
                if getattr(rows[0], name) > getattr(rows[1], name):
                    rows = rows[::-1]
                ascending = [_api(row.pk) for row in rows]
                self.assertEqual(self._order_of(rows, {'ordering': name}), ascending)
                self.assertEqual(self._order_of(rows, {'ordering': f'-{name}'}), ascending[::-1])
                _forget(*rows)`;
