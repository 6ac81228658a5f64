/**
 * `<app>/tests.py` (agent `tests`): module helpers, test data for the app's entities and every
 * entity they need, and one API test case per entity. Imports are computed from the code, so a
 * project without uploads imports no file helpers.
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { appOf } from '../names';
import { appEntities } from '../app/entities';
import { importBlock, type ImportCatalog, type ImportSource } from '../app/imports';
import { pythonModule } from '../app/unit';
import type { GeneratedFile } from '../types';
import { makeFunctionCode, payloadFunctionCode, TestDataPlan, valuesFunctionCode, type ModelNames } from './factories';
import { TEST_MIXINS, testClassCode } from './test-cases';
import { usedNames } from './used-names';

const stdlib = (module: string, name?: string): ImportSource => ({ module, name, section: 'stdlib' });
const third = (module: string, name: string): ImportSource => ({ module, name, section: 'thirdparty' });

const CATALOG: ImportCatalog = {
  base64: stdlib('base64'),
  datetime: stdlib('datetime'),
  json: stdlib('json'),
  shutil: stdlib('shutil'),
  tempfile: stdlib('tempfile'),
  uuid: stdlib('uuid'),
  Decimal: stdlib('decimal', 'Decimal'),
  skip: stdlib('unittest', 'skip'),
  get_user_model: third('django.contrib.auth', 'get_user_model'),
  SimpleUploadedFile: third('django.core.files.uploadedfile', 'SimpleUploadedFile'),
  Model: third('django.db.models', 'Model'),
  override_settings: third('django.test', 'override_settings'),
  reverse: third('django.urls', 'reverse'),
  status: third('rest_framework', 'status'),
  APITestCase: third('rest_framework.test', 'APITestCase'),
};

const MODULE_NAMES = new Set([...Object.keys(CATALOG), 'API_KWARGS', 'EPOCH', 'MEDIA_ROOT', 'PNG_1X1']);

/** How tests.py names an entity's model: its class name, or `<Name>Model` when that would shadow a helper. */
export const modelName: ModelNames = (entity: Entity) =>
  MODULE_NAMES.has(entity.name) ? `${entity.name}Model` : entity.name;

/** A 1×1 transparent PNG, so ImageField's Pillow check accepts the uploads. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const HELPERS = `def _next(model):
    """The next row number of \`model\` (1, 2, 3, ...): it makes values of consecutive rows differ."""
    _counters[model] = _counters.get(model, 0) + 1
    return _counters[model]


def _superuser():
    """A superuser: every generated access policy lets one through."""
    return get_user_model().objects.create_superuser('admin', 'admin@example.com', None)


def _url(name, **kwargs):
    """The path of a named API route (with the API version when URLs are versioned)."""
    return reverse(name, kwargs={**API_KWARGS, **kwargs})


def _api(value):
    """A model value the way the API's JSON carries it (related objects as their primary key)."""
    if isinstance(value, Model):
        return _api(value.pk)
    if isinstance(value, (list, tuple)):
        return [_api(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (datetime.timedelta, Decimal, uuid.UUID)):
        return str(value)
    return value


def _payload(values):
    """Model values as a request body; JSON values become text when files force multipart."""
    multipart = any(isinstance(value, SimpleUploadedFile) for value in values.values())
    body = {}
    for name, value in values.items():
        if isinstance(value, SimpleUploadedFile):
            body[name] = value
        elif multipart and isinstance(value, dict):
            body[name] = json.dumps(value)
        else:
            body[name] = _api(value)
    return body


def _format(payload):
    """How a request body is sent: multipart when it carries a file, JSON otherwise."""
    return 'multipart' if any(isinstance(value, SimpleUploadedFile) for value in payload.values()) else 'json'


def _results(response):
    """The items of a list response, paginated or not."""
    data = response.data
    return data['results'] if isinstance(data, dict) and 'results' in data else data`;

function constants(erd: Erd, uploads: boolean, images: boolean): string {
  const lines = [
    erd.api?.versioning === 'url' ? "API_KWARGS = {'version': 'v1'}" : 'API_KWARGS = {}',
    'EPOCH = datetime.datetime(2024, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)',
    ...(images ? [`PNG_1X1 = base64.b64decode(\n    '${PNG_BASE64}'\n)`] : []),
    ...(uploads ? ["MEDIA_ROOT = tempfile.mkdtemp(prefix='djforge-test-media-')"] : []),
    '_counters = {}',
  ];
  return lines.join('\n');
}

const TEAR_DOWN = `def tearDownModule():
    """Remove the files the tests uploaded."""
    shutil.rmtree(MEDIA_ROOT, ignore_errors=True)`;

function modelImports(erd: Erd, entities: readonly Entity[]): Record<string, ImportSource> {
  const out: Record<string, ImportSource> = {};
  for (const entity of entities) {
    const alias = modelName(entity);
    const owner = appOf(erd, entity);
    out[alias] = {
      module: `${owner}.models`,
      name: alias === entity.name ? entity.name : `${entity.name} as ${alias}`,
      section: 'local',
    };
  }
  return out;
}

/** The source of `<app>/tests.py`. */
export function testsCode(erd: Erd, app: string): string {
  const entities = appEntities(erd, app);
  const docstring = `"""API tests of the ${app} app, generated by DjForge Studio from the ERD."""`;
  if (entities.length === 0)
    return pythonModule(docstring, '', ['# The app has no entities yet, so there is nothing to test.']);
  const plan = new TestDataPlan(erd);
  const data: string[] = [];
  const needed = plan.closure(entities);
  const testing = new Set(entities);
  for (const entity of needed) {
    data.push(valuesFunctionCode(plan, entity), makeFunctionCode(entity, modelName));
    if (testing.has(entity) && plan.payloadProblem(entity) === null) data.push(payloadFunctionCode(plan, entity));
  }
  const uploads = data.some((code) => code.includes('SimpleUploadedFile('));
  const images = data.some((code) => code.includes('PNG_1X1'));
  const classes = entities.map((entity) => testClassCode(erd, plan, entity, modelName, uploads));
  const blocks = [
    constants(erd, uploads, images),
    ...(uploads ? [TEAR_DOWN] : []),
    HELPERS,
    ...data,
    TEST_MIXINS,
    ...classes,
  ];
  const catalog = { ...CATALOG, ...modelImports(erd, [...new Set([...needed, ...entities])]) };
  const used = usedNames(blocks.join('\n\n\n'));
  const imports = importBlock(
    Object.keys(catalog)
      .filter((symbol) => used.has(symbol))
      .join('\n'),
    catalog,
  );
  return pythonModule(docstring, imports, blocks);
}

/** The `tests.py` file of `app`. */
export function testsFile(erd: Erd, app: string): GeneratedFile {
  return { path: `${app}/tests.py`, content: testsCode(erd, app), agent: 'tests' };
}
