/**
 * One `APITestCase` per entity: create, list, retrieve, update (PUT) and delete through the API
 * as a superuser, checking status codes, that responses carry every serializer field, and that
 * plain values come back (and are stored) as sent; plus what an anonymous client may do under
 * the ERD's access rules (writes are always refused; reads follow `defaultAccess` and roles).
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { testCaseClass, urlName } from '../names';
import { modelFields } from '../app/entities';
import { pyBracket, pyCall, pyName } from '../app/py-format';
import { relationsFrom } from '../app/relations';
import { makeFunction, payloadFunction, type ModelNames, type TestDataPlan } from './factories';
import { echoesValue, fieldValueCode, isGeneratedByDjango } from './field-values';

/** Every field the serializer exposes: `id`, the model's fields, its forward relations. */
export function expectedFields(erd: Erd, entity: Entity): string[] {
  return [
    ...new Set(['id', ...modelFields(entity).map((f) => f.name), ...relationsFrom(erd, entity).map((r) => r.name)]),
  ];
}

/** Fields whose value the tests compare with what they sent. */
export function echoedFields(erd: Erd, entity: Entity): string[] {
  return modelFields(entity)
    .filter((f) => !isGeneratedByDjango(f) && echoesValue(erd, entity, f) && 'code' in fieldValueCode(erd, entity, f))
    .map((f) => f.name);
}

/** Whether an anonymous client may list the entity, following the generated access policies. */
export function anonymousMayRead(erd: Erd, entity: Entity): boolean {
  if (erd.auth?.permissions?.[entity.name]?.read !== undefined) return false;
  return (erd.auth?.defaultAccess ?? 'authenticated') !== 'authenticated';
}

/** A route name (`shop:order-item-list`) as a Python literal; only name characters can reach it. */
function routeLiteral(erd: Erd, entity: Entity, action: 'list' | 'detail'): string {
  const name = urlName(erd, entity, action);
  if (!/^[A-Za-z0-9_]+:[A-Za-z0-9_-]+$/.test(name))
    throw new Error(`Entity ${entity.name}: route name ${JSON.stringify(name)} is not safe`);
  return `'${name}'`;
}

const REFUSED = '(status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN)';

function method(name: string, doc: string, lines: readonly string[]): string {
  return [`def ${name}(self):`, `    """${doc}"""`, ...lines.map((l) => `    ${l}`)].join('\n');
}

function echoLoop(names: readonly string[], lines: readonly string[]): string[] {
  if (names.length === 0) return [];
  const head =
    names.length === 1
      ? `for name in (${pyName(names[0] ?? '')},):`
      : pyBracket('for name in ', '(', names.map(pyName), '):', 2);
  return [...head.split('\n'), ...lines.map((l) => `    ${l}`)];
}

function crudMethods(erd: Erd, entity: Entity, model: ModelNames): string[] {
  const list = routeLiteral(erd, entity, 'list');
  const detail = routeLiteral(erd, entity, 'detail');
  const payload = `${payloadFunction(entity)}()`;
  const make = `${makeFunction(entity)}()`;
  const echoed = echoedFields(erd, entity);
  const explicitId = modelFields(entity).some((f) => f.name === 'id' && !isGeneratedByDjango(f));
  return [
    method('test_create', `POST creates a ${entity.name} and answers with all its fields.`, [
      `payload = ${payload}`,
      `response = self.client.post(_url(${list}), payload, format=_format(payload))`,
      'self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)',
      'self.assertLessEqual(self.expected_fields, set(response.data))',
      `self.assertTrue(${model(entity)}.objects.filter(pk=response.data['id']).exists())`,
      ...echoLoop(echoed, ['self.assertEqual(response.data[name], payload[name])']),
    ]),
    method('test_list', `GET on the collection lists an existing ${entity.name}.`, [
      `obj = ${make}`,
      `response = self.client.get(_url(${list}))`,
      'self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)',
      "self.assertIn(_api(obj.pk), [item['id'] for item in _results(response)])",
    ]),
    method('test_retrieve', `GET on an item returns that ${entity.name} with all its fields.`, [
      `obj = ${make}`,
      `response = self.client.get(_url(${detail}, pk=obj.pk))`,
      'self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)',
      "self.assertEqual(response.data['id'], _api(obj.pk))",
      'self.assertLessEqual(self.expected_fields, set(response.data))',
    ]),
    method('test_update', `PUT replaces a ${entity.name}'s values, in the response and in the database.`, [
      `obj = ${make}`,
      `payload = ${payload}`,
      ...(explicitId ? ["payload['id'] = _api(obj.pk)"] : []),
      `response = self.client.put(_url(${detail}, pk=obj.pk), payload, format=_format(payload))`,
      'self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)',
      ...(echoed.length > 0 ? ['obj.refresh_from_db()'] : []),
      ...echoLoop(echoed, [
        'self.assertEqual(response.data[name], payload[name])',
        'self.assertEqual(_api(getattr(obj, name)), payload[name])',
      ]),
    ]),
    method('test_delete', `DELETE removes the ${entity.name}.`, [
      `obj = ${make}`,
      `response = self.client.delete(_url(${detail}, pk=obj.pk))`,
      'self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)',
      `self.assertFalse(${model(entity)}.objects.filter(pk=obj.pk).exists())`,
    ]),
  ];
}

function anonymousMethods(erd: Erd, entity: Entity): string[] {
  const list = routeLiteral(erd, entity, 'list');
  const out = [
    method('test_anonymous_create_is_refused', 'Writes always need a logged-in user.', [
      'self.client.force_authenticate(user=None)',
      `response = self.client.post(_url(${list}), {}, format='json')`,
      `self.assertIn(response.status_code, ${REFUSED})`,
    ]),
  ];
  if (anonymousMayRead(erd, entity)) {
    out.push(
      method('test_anonymous_may_list', 'Reading is open to anonymous clients here.', [
        'self.client.force_authenticate(user=None)',
        `response = self.client.get(_url(${list}))`,
        'self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)',
      ]),
    );
  } else {
    out.push(
      method('test_anonymous_list_is_refused', 'Reading needs a logged-in user (or a role) here.', [
        'self.client.force_authenticate(user=None)',
        `response = self.client.get(_url(${list}))`,
        `self.assertIn(response.status_code, ${REFUSED})`,
      ]),
    );
  }
  return out;
}

/** The test class of one entity; `uploads` adds the temporary MEDIA_ROOT override. */
export function testClassCode(
  erd: Erd,
  plan: TestDataPlan,
  entity: Entity,
  model: ModelNames,
  uploads: boolean,
): string {
  const problem = plan.payloadProblem(entity);
  const fields = expectedFields(erd, entity).map(pyName);
  const header = [
    `"""${entity.name} through the API as a superuser: create, list, retrieve, update and delete."""`,
    pyBracket('expected_fields = ', '{', fields, '}', 1),
    'def setUp(self):\n    self.client.force_authenticate(user=_superuser())',
  ];
  const crud =
    problem === null
      ? crudMethods(erd, entity, model)
      : [
          `${pyCall('@skip', [pyStr(`${entity.name} cannot be built automatically: ${problem}`)], 1)}\n${method('test_crud', 'Create, list, retrieve, update and delete.', [])}`,
        ];
  const body = [...header, ...crud, ...anonymousMethods(erd, entity)].map((block) => block.replace(/^(?=.)/gm, '    '));
  const decorator = uploads ? '@override_settings(MEDIA_ROOT=MEDIA_ROOT)\n' : '';
  return `${decorator}class ${testCaseClass(entity)}(APITestCase):\n${body.join('\n\n')}`;
}
