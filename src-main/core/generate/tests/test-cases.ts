/**
 * One `APITestCase` per entity over two shared mixins: create, list, retrieve, update (PUT) and
 * delete through the API as a superuser, checking status codes, that responses carry every
 * serializer field, and that plain values come back (and are stored) as sent; plus what an
 * anonymous client may do under the ERD's access rules (writes are always refused; reads follow
 * `defaultAccess` and roles). The logic lives once in the mixins; each entity's case only
 * declares what differs, which keeps a 500-entity `tests.py` small and quick to generate.
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { testCaseClass, urlName } from '../names';
import { hasChoices, keyName, modelFields } from '../app/entities';
import { readOnlyFields, serializerFields } from '../app/serializers';
import { accessAttributes } from './access';
import { distinctValues, filterAttributes } from './filter-tests';
import { constraintAttributes } from './constraint-tests';
import { shapeAttributes } from './shape-tests';
import { pyBracket, pyName } from '../app/py-format';
import { isRequiredLink, makeFunction, payloadFunction, type ModelNames, type TestDataPlan } from './factories';
import { echoesValue, fieldBounds, isGeneratedByDjango } from './field-values';

/** Every field the serializer exposes: `id`, the model's fields, its forward relations. */
export function expectedFields(plan: TestDataPlan, entity: Entity): string[] {
  return serializerFields(plan.erd, entity);
}

/** Fields whose value the tests compare with what they sent. */
export function echoedFields(plan: TestDataPlan, entity: Entity): string[] {
  const readOnly = new Set(readOnlyFields(plan.erd, entity));
  return modelFields(entity)
    .filter(
      (f) =>
        !isGeneratedByDjango(f) &&
        !readOnly.has(f.name) &&
        echoesValue(plan.erd, entity, f) &&
        'code' in plan.valueOf(entity, f),
    )
    .map((f) => f.name);
}

/** Whether an anonymous client may list the entity, following the generated access policies. */
export function anonymousMayRead(erd: Erd, entity: Entity): boolean {
  if (erd.auth?.permissions?.[entity.name]?.read !== undefined) return false;
  return (erd.auth?.defaultAccess ?? 'authenticated') !== 'authenticated';
}

/** The route prefix (`shop:order-item`) whose `-list`/`-detail` names the router defines. */
export function routeBase(erd: Erd, entity: Entity): string {
  const name = urlName(erd, entity, 'list').replace(/-list$/, '');
  if (!/^[A-Za-z0-9_]+:[A-Za-z0-9_-]+$/.test(name))
    throw new Error(`Entity ${entity.name}: route name ${JSON.stringify(name)} is not safe`);
  return name;
}

/**
 * The shared test logic every entity's case mixes in: CRUD as a superuser, and anonymous access.
 * Each test case only declares its model, route, expected and echoed fields, and test data.
 */
export const TEST_MIXINS = `class CrudTests:
    """
    Create, list, retrieve, update (PUT and PATCH) and delete through the API as a superuser.

    A test case names its model, its route ('app:basename'), the fields every response must show,
    the fields whose values must come back (and be stored) as sent, the name of its key in responses
    (pk_field), and makes rows and bodies.
    """

    model = None
    route = ''
    expected_fields = frozenset()
    echoed_fields = ()
    explicit_id = False
    pk_field = 'id'

    distinct_values = {}

    def make(self, **overrides):
        raise NotImplementedError

    def payload(self):
        raise NotImplementedError

    def _two_rows(self, name):
        """Two saved rows whose \`name\` differs (made with \`distinct_values\` where the test data would not)."""
        pair = self.distinct_values.get(name)
        if pair is None:
            return self.make(), self.make()
        return tuple(self.make(**{name: value() if callable(value) else value}) for value in pair)

    def setUp(self):
        super().setUp()
        self.client.force_authenticate(user=_superuser())

    def test_create(self):
        """POST creates a row and answers with all its fields."""
        payload = self.payload()
        response = self.client.post(_url(f'{self.route}-list'), payload, format=_format(payload))
        self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)
        self.assertLessEqual(set(self.expected_fields), set(response.data))
        self.assertTrue(self.model.objects.filter(pk=response.data[self.pk_field]).exists())
        for name in self.echoed_fields:
            self.assertEqual(response.data[name], payload[name])

    def test_list(self):
        """GET on the collection lists an existing row."""
        obj = self.make()
        response = self.client.get(_url(f'{self.route}-list'))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        self.assertIn(_api(obj.pk), [item[self.pk_field] for item in _results(response)])

    def test_retrieve(self):
        """GET on an item returns that row with all its fields."""
        obj = self.make()
        response = self.client.get(_url(f'{self.route}-detail', pk=obj.pk))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        self.assertEqual(response.data[self.pk_field], _api(obj.pk))
        self.assertLessEqual(set(self.expected_fields), set(response.data))

    def test_update(self):
        """PUT replaces a row's values, in the response and in the database."""
        obj = self.make()
        payload = self.payload()
        if self.explicit_id:
            payload['id'] = _api(obj.pk)
        response = self.client.put(_url(f'{self.route}-detail', pk=obj.pk), payload, format=_format(payload))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        obj.refresh_from_db()
        for name in self.echoed_fields:
            self.assertEqual(response.data[name], payload[name])
            self.assertEqual(_api(getattr(obj, name)), payload[name])

    def test_partial_update(self):
        """PATCH changes only the fields it sends."""
        obj = self.make()
        payload = {name: self.payload()[name] for name in self.echoed_fields[:1]}
        response = self.client.patch(_url(f'{self.route}-detail', pk=obj.pk), payload, format='json')
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        for name, value in payload.items():
            self.assertEqual(response.data[name], value)

    def test_delete(self):
        """DELETE removes the row."""
        obj = self.make()
        response = self.client.delete(_url(f'{self.route}-detail', pk=obj.pk))
        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)
        self.assertFalse(self.model.objects.filter(pk=obj.pk).exists())


class AnonymousAccessTests:
    """What a client that is not logged in may do: never write; read only where the policy allows."""

    route = ''
    anonymous_may_read = False

    def setUp(self):
        super().setUp()
        cache.clear()  # the throttles count requests in the cache; every test starts with none

    def test_anonymous_create_is_refused(self):
        """Writes always need a logged-in user."""
        self.client.force_authenticate(user=None)
        response = self.client.post(_url(f'{self.route}-list'), {}, format='json')
        self.assertIn(response.status_code, (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN))

    def test_anonymous_list(self):
        """Anonymous reads are answered or refused as the access policy says."""
        self.client.force_authenticate(user=None)
        response = self.client.get(_url(f'{self.route}-list'))
        if self.anonymous_may_read:
            self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        else:
            self.assertIn(response.status_code, (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN))`;

/** Every shared test of a buildable entity, in one base its test case names (after all the mixins). */
export const RESOURCE_TESTS = `class ResourceTests(CrudTests, AccessTests, FilterTests, ConstraintTests, ShapeTests, AnonymousAccessTests):
    """Every API test a buildable entity's case runs; the case declares only what differs."""`;

/** Attributes of tests that make many rows in one test (two per filter, one per limit, …). */
const MANY_ROW_TESTS =
  /^(limits|exact_filters|range_filters|required_fields|optional_fields|many_to_many|many_to_many_targets|switched_fields|sortable_fields|default_ordering) = /;

/**
 * Whether the test data can make only a few rows of the entity: it (or a required parent) has a
 * unique column with a handful of values (a unique enum or boolean), so tests that make many rows
 * in one test would collide; those tests are left out for it.
 */
export function scarceRows(plan: TestDataPlan, entity: Entity, seen = new Set<string>()): boolean {
  if (seen.has(entity.name)) return false;
  seen.add(entity.name);
  const scarce = entity.fields.some(
    (f) => (f.unique === true || fieldBounds(plan.erd, entity, f).unique) && (hasChoices(f) || f.type === 'boolean'),
  );
  return scarce || plan.relationsOf(entity).some((r) => isRequiredLink(r) && scarceRows(plan, plan.target(r), seen));
}

/** Python string literals, each at most about `width` characters, that concatenate to `text`. */
export function wrappedStr(text: string, width: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const word of text.split(/(?<= )/)) {
    if (current.length > 0 && current.length + word.length > width) {
      chunks.push(current);
      current = '';
    }
    current += word;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks.map(pyStr);
}

function method(name: string, body: string): string {
  return `def ${name}(self):\n    return ${body}`;
}

/**
 * The test case of one entity: its declarations over the mixins, or, when the entity cannot be
 * built, the anonymous-access tests and a skipped `test_crud` that says why.
 */
export function testClassCode(
  erd: Erd,
  plan: TestDataPlan,
  entity: Entity,
  model: ModelNames,
  uploads: boolean,
): string {
  const problem = plan.payloadProblem(entity);
  const echoed = echoedFields(plan, entity);
  const doc = `"""${entity.name} through the API: CRUD as a superuser, and what anonymous clients may do."""`;
  const lines = [...(problem === null ? [`model = ${model(entity)}`] : []), `route = '${routeBase(erd, entity)}'`];
  if (problem === null) {
    lines.push(pyBracket('expected_fields = ', '{', expectedFields(plan, entity).map(pyName), '}', 1));
    if (echoed.length === 1) lines.push(`echoed_fields = (${pyName(echoed[0] ?? '')},)`);
    else if (echoed.length > 1) lines.push(pyBracket('echoed_fields = ', '(', echoed.map(pyName), ')', 1));
    if (modelFields(entity).some((f) => f.name === 'id' && !isGeneratedByDjango(f))) lines.push('explicit_id = True');
    if (keyName(entity) !== 'id') lines.push(`pk_field = ${pyName(keyName(entity))}`);
    const distinct = distinctValues(plan, entity).map(([n, pair]) => `${pyName(n)}: ${pair}`);
    if (distinct.length > 0) lines.push(pyBracket('distinct_values = ', '{', distinct, '}', 1));
    const perRow = [
      ...filterAttributes(plan, entity),
      ...constraintAttributes(plan, entity),
      ...shapeAttributes(plan, entity),
    ];
    lines.push(
      ...accessAttributes(erd, entity),
      ...(scarceRows(plan, entity) ? perRow.filter((l) => !MANY_ROW_TESTS.test(l)) : perRow),
    );
  }
  if (anonymousMayRead(erd, entity)) lines.push('anonymous_may_read = True');
  const blocks = [doc, lines.join('\n')];
  if (problem === null) {
    blocks.push(
      `def make(self, **overrides):\n    return ${makeFunction(entity)}(**overrides)`,
      method('payload', `${payloadFunction(entity)}()`),
    );
  } else {
    const reason = wrappedStr(`${entity.name} cannot be built automatically: ${problem}`, 96);
    const decorator = `@skip(\n    ${reason.join('\n    ')}\n)`;
    blocks.push(`${decorator}\ndef test_crud(self):\n    """Create, list, retrieve, update and delete."""`);
  }
  const bases = problem === null ? 'ResourceTests, APITestCase' : 'AnonymousAccessTests, APITestCase';
  const decorator = uploads && problem === null ? '@override_settings(MEDIA_ROOT=MEDIA_ROOT)\n' : '';
  const body = blocks.map((block) => block.replace(/^(?=.)/gm, '    ')).join('\n\n');
  return `${decorator}class ${testCaseClass(entity)}(${bases}):\n${body}`;
}
