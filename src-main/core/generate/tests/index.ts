/**
 * `<app>/tests.py` (agent `tests`): module helpers, test data for the app's entities and every
 * entity they need, and one API test case per entity. Imports are computed from the code, so a
 * project without uploads imports no file helpers. The file is built from per-entity units (see
 * `testsUnits`), so the agent pool refines and caches each entity's tests on their own.
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { appOf } from '../names';
import { appEntities } from '../app/entities';
import { importBlock, type ImportCatalog, type ImportSource } from '../app/imports';
import { pyIdentifier } from '../app/py-format';
import { orderUnits, pythonModule, type CodeUnit } from '../app/unit';
import type { GeneratedFile } from '../types';
import { makeFunctionCode, payloadFunctionCode, TestDataPlan, valuesFunctionCode, type ModelNames } from './factories';
import { RESOURCE_TESTS, TEST_MIXINS, testClassCode } from './test-cases';
import { topLevelRuns } from './top-level';
import { usedNames } from './used-names';
import { ACCESS_MIXIN, userHelpersCode } from './access';
import { FILTER_MIXIN, optionalLinks } from './filter-tests';
import { CONSTRAINT_MIXIN, protectingEntities } from './constraint-tests';
import { SHAPE_MIXIN } from './shape-tests';
import { userEntity } from '../app/users';

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
  Group: third('django.contrib.auth.models', 'Group'),
  skip: stdlib('unittest', 'skip'),
  get_user_model: third('django.contrib.auth', 'get_user_model'),
  cache: third('django.core.cache', 'cache'),
  SimpleUploadedFile: third('django.core.files.uploadedfile', 'SimpleUploadedFile'),
  Model: third('django.db.models', 'Model'),
  override_settings: third('django.test', 'override_settings'),
  reverse: third('django.urls', 'reverse'),
  status: third('rest_framework', 'status'),
  APITestCase: third('rest_framework.test', 'APITestCase'),
};

const MODULE_NAMES = new Set([
  'cache',
  ...Object.keys(CATALOG),
  'API_KWARGS',
  'EPOCH',
  'MEDIA_ROOT',
  'PNG_1X1',
  'AccessTests',
  'FilterTests',
  'ConstraintTests',
  'ShapeTests',
  'ResourceTests',
  'CrudTests',
  'AnonymousAccessTests',
]);

/** How tests.py names an entity's model: its class name, or `<Name>Model` when that would shadow a helper. */
export const modelName: ModelNames = (entity: Entity) =>
  MODULE_NAMES.has(entity.name) ? `${entity.name}Model` : entity.name;

/** A 1×1 transparent PNG, so ImageField's Pillow check accepts the uploads. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const HELPERS = `def _next(model):
    """The next row number of \`model\` (1, 2, 3, ...): it makes values of consecutive rows differ."""
    _counters[model] = _counters.get(model, 0) + 1
    return _counters[model]


def _url(name, **kwargs):
    """The path of a named API route (with the API version when URLs are versioned)."""
    return reverse(name, kwargs={**API_KWARGS, **kwargs})


def _forget(*rows):
    """Deletes rows a subtest made, so the next one's rows are on the first page whatever the order."""
    for row in rows:
        row.delete()


def _api(value):
    """A model value the way the API's JSON carries it (related objects as their primary key)."""
    if isinstance(value, Model):
        return _api(value.pk)
    if isinstance(value, (list, tuple)):
        return [_api(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.time)):
        text = value.isoformat()
        return text[:-6] + 'Z' if text.endswith('+00:00') else text
    if isinstance(value, datetime.date):
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

const EMPTY_APP = '# The app has no entities yet, so there is nothing to test.';

/**
 * Units of tests.py: a header (`tests:<app>:header`: constants, module helpers and the shared test
 * mixins), then one `tests:<app>:<Entity>` per entity in ERD order holding its test-data functions
 * and, for the app's own entities, its test case. An entity of another app that the tests build as
 * a required parent gets a unit of test data only. An app without entities has the header alone.
 */
export function testsUnits(erd: Erd, app: string): CodeUnit[] {
  const entities = appEntities(erd, app);
  const header = (blocks: string[]): CodeUnit => ({ id: `tests:${app}:header`, code: blocks.join('\n\n\n') });
  if (entities.length === 0) return [header([EMPTY_APP])];
  const plan = new TestDataPlan(erd);
  const testing = new Set(entities);
  const data = new Map<Entity, string[]>();
  const user = userEntity(erd);
  const linked = entities.flatMap((e) => optionalLinks(plan, e).map((r) => plan.target(r)));
  const roots = [...entities, ...(user === undefined ? [] : [user]), ...protectingEntities(plan, entities), ...linked];
  for (const entity of plan.closure(roots)) {
    const blocks = [valuesFunctionCode(plan, entity), makeFunctionCode(entity, modelName)];
    if (testing.has(entity) && plan.payloadProblem(entity) === null) blocks.push(payloadFunctionCode(plan, entity));
    data.set(entity, blocks);
  }
  const all = [...data.values()].flat();
  const uploads = all.some((code) => code.includes('SimpleUploadedFile('));
  const images = all.some((code) => code.includes('PNG_1X1'));
  const units = [
    header([
      constants(erd, uploads, images),
      ...(uploads ? [TEAR_DOWN] : []),
      HELPERS,
      userHelpersCode(erd, plan),
      TEST_MIXINS,
      ACCESS_MIXIN,
      FILTER_MIXIN,
      CONSTRAINT_MIXIN,
      SHAPE_MIXIN,
      RESOURCE_TESTS,
    ]),
  ];
  for (const entity of erd.entities) {
    const blocks = [...(data.get(entity) ?? [])];
    if (testing.has(entity)) blocks.push(testClassCode(erd, plan, entity, modelName, uploads));
    if (blocks.length > 0)
      units.push({ id: `tests:${app}:${entity.name}`, entity: entity.name, code: blocks.join('\n\n\n') });
  }
  return units;
}

/**
 * tests.py from its units, in any order: the docstring, the imports the code uses (any ERD model,
 * so a refined unit that reaches for another model still imports it), then every unit's module-level
 * statements and after them every unit's classes, so the mixins precede the test cases whatever a
 * unit holds. The template's units give exactly the file `testsCode` always wrote.
 */
export function assembleTests(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  const before: string[] = [];
  const classes: string[] = [];
  for (const unit of orderUnits(erd, units))
    for (const run of topLevelRuns(unit.code)) (run.kind === 'class' ? classes : before).push(run.text);
  const blocks = [...before, ...classes];
  const catalog = { ...CATALOG, ...modelImports(erd, erd.entities) };
  const used = usedNames(blocks.join('\n\n\n'));
  const imports = importBlock(
    Object.keys(catalog)
      .filter((symbol) => used.has(symbol))
      .join('\n'),
    catalog,
  );
  return pythonModule(`"""API tests of the ${app} app, generated by DjForge Studio from the ERD."""`, imports, blocks);
}

/** The source of `<app>/tests.py`: its units assembled. */
export function testsCode(erd: Erd, app: string): string {
  return assembleTests(erd, app, testsUnits(erd, app));
}

/** The `tests.py` file of `app`. */
export function testsFile(erd: Erd, app: string): GeneratedFile {
  return { path: `${pyIdentifier(app)}/tests.py`, content: testsCode(erd, app), agent: 'tests' };
}
