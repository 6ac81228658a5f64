import { beforeAll, describe, expect, it } from 'vitest';
import { cleanErd, cleanProject, withEdit, withFile } from '../../../test-support/fixtures/clean-project';
import { findAnalyzerPython } from './python-analyzer';
import { scoreFile, type Category } from './score';
import type { SourceFile } from './types';
import { validateStatic } from './validate-project';

const hasPython = (await findAnalyzerPython()) !== null;

let noPython = false;
async function run(files: SourceFile[]) {
  const { findings } = await validateStatic(files, { erd: cleanErd(), noPython });
  return findings;
}

function categoryOf(files: SourceFile[], findings: Awaited<ReturnType<typeof run>>, path: string): Category {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  return scoreFile({ path, content: file.content, findings: findings.filter((f) => f.file === path) }).category;
}

interface Case {
  name: string;
  files: () => SourceFile[];
  /** Exactly the findings expected: [file, line, rule]. */
  expected: [string, number, string][];
  category?: [string, Category];
}

const S = 'proj/settings.py';
const CASES: Case[] = [
  {
    name: 'unresolved module',
    files: () => withEdit('shop/views.py', 'from .filters import', 'from .filtres import'),
    expected: [['shop/views.py', 3, 'semantic.unresolved-import']],
    category: ['shop/views.py', 'error'],
  },
  {
    name: 'relative import above the top-level package',
    files: () => withEdit('shop/views.py', 'from .filters import', 'from ...filters import'),
    expected: [['shop/views.py', 3, 'semantic.unresolved-import']],
  },
  {
    name: 'unresolved name',
    files: () => withEdit('shop/views.py', 'import Category, Product', 'import Category, Product, Order'),
    expected: [
      ['shop/views.py', 4, 'semantic.unresolved-name'],
      ['shop/views.py', 4, 'semantic.unused-import'],
    ],
  },
  {
    name: 'serializer naming a missing field',
    files: () => withEdit('shop/serializers.py', "'title', 'price'", "'titel', 'price'"),
    expected: [['shop/serializers.py', 16, 'semantic.unknown-field']],
    category: ['shop/serializers.py', 'error'],
  },
  {
    name: 'FilterSet naming a missing field',
    files: () => withEdit('shop/filters.py', "'price': ['lt', 'gt']", "'cost': ['lt']"),
    expected: [['shop/filters.py', 9, 'semantic.unknown-field']],
  },
  {
    name: 'unknown Meta.model',
    files: () => withEdit('shop/serializers.py', 'model = Product', 'model = Prodcut'),
    expected: [
      ['shop/serializers.py', 15, 'semantic.unknown-model'],
      ['shop/serializers.py', 15, 'semantic.undefined-name'],
      ['shop/serializers.py', 3, 'semantic.unused-import'],
    ],
  },
  {
    name: 'relation to a missing model',
    files: () => withEdit('shop/models.py', "'shop.Category'", "'shop.Categroy'"),
    expected: [
      ['shop/models.py', 17, 'semantic.unknown-relation-target'],
      ['shop/serializers.py', 9, 'semantic.unknown-field'],
      ['shop/serializers.py', 10, 'semantic.unknown-field'],
    ],
  },
  {
    name: 'entity without model, serializer, viewset, route, admin and tests',
    files: () => withEdit('shop/models.py', 'class Category(', 'class Kategory('),
    expected: [
      ['shop/models.py', 1, 'semantic.missing-model'],
      ['shop/models.py', 4, 'semantic.model-not-in-erd'],
      ['shop/models.py', 17, 'semantic.unknown-relation-target'],
      ['shop/serializers.py', 3, 'semantic.unresolved-name'],
      ['shop/views.py', 4, 'semantic.unresolved-name'],
      ['shop/admin.py', 3, 'semantic.unresolved-name'],
    ],
  },
  {
    name: 'viewset not registered on the router',
    files: () =>
      withEdit('shop/urls.py', "router.register('categories', views.CategoryViewSet, basename='category')\n", ''),
    expected: [
      ['shop/tests.py', 7, 'semantic.unknown-url-name'],
      ['shop/urls.py', 1, 'semantic.missing-route'],
    ],
  },
  {
    name: 'model field missing against the ERD',
    files: () => withEdit('shop/models.py', '    price = models.DecimalField(max_digits=12, decimal_places=2)\n', ''),
    expected: [
      ['shop/models.py', 14, 'semantic.missing-field'],
      ['shop/serializers.py', 16, 'semantic.unknown-field'],
      ['shop/filters.py', 9, 'semantic.unknown-field'],
    ],
  },
  {
    name: 'missing admin registration and tests',
    files: () => withFile('shop/tests.py', 'x = 1\n').filter((f) => f.path !== 'shop/admin.py'),
    expected: [
      ['shop/admin.py', 1, 'semantic.missing-admin'],
      ['shop/admin.py', 1, 'semantic.missing-admin'],
      ['shop/tests.py', 1, 'semantic.missing-tests'],
      ['shop/tests.py', 1, 'semantic.missing-tests'],
    ],
  },
  {
    name: 'duplicate router prefix',
    files: () =>
      withEdit(
        'shop/urls.py',
        "('products', views.ProductViewSet, basename='product')",
        "('categories', views.ProductViewSet, basename='product')",
      ),
    expected: [['shop/urls.py', 8, 'semantic.duplicate-route']],
  },
  {
    name: 'include of a missing module',
    files: () => withEdit('proj/urls.py', "include('shop.urls')", "include('shop.routes')"),
    expected: [['proj/urls.py', 4, 'semantic.unresolved-include']],
  },
  {
    name: 'reverse without the namespace the urls module declares',
    files: () => withEdit('shop/tests.py', "'shop:product-list'", "'product-list'"),
    expected: [['shop/tests.py', 12, 'semantic.unknown-url-name']],
  },
  {
    name: 'reverse of an unknown URL name',
    files: () => withEdit('shop/tests.py', "'shop:product-list'", "'shop:products-list'"),
    expected: [['shop/tests.py', 12, 'semantic.unknown-url-name']],
  },
  {
    name: 'model without __str__',
    files: () => withEdit('shop/models.py', '    def __str__(self):\n        return str(self.name)\n', '    pass\n'),
    expected: [['shop/models.py', 4, 'best-practice.model-str']],
    category: ['shop/models.py', 'auto-approved'],
  },
  {
    name: 'model without ordering',
    files: () =>
      withEdit(
        'shop/models.py',
        "    class Meta:\n        ordering = ['-id']\n\n    def __str__(self):\n        return str(self.name)",
        '    def __str__(self):\n        return str(self.name)',
      ),
    expected: [['shop/models.py', 4, 'best-practice.model-ordering']],
  },
  {
    name: 'ForeignKey without on_delete',
    files: () =>
      withEdit('shop/models.py', ", on_delete=models.CASCADE, related_name='products'", ", related_name='products'"),
    expected: [['shop/models.py', 17, 'best-practice.on-delete']],
    category: ['shop/models.py', 'error'],
  },
  {
    name: 'relation without related_name',
    files: () =>
      withEdit('shop/models.py', ", related_name='products'", '').map((f) =>
        f.path === 'shop/serializers.py' ? { ...f, content: f.content.replace(/'products'/g, "'product_set'") } : f,
      ),
    expected: [['shop/models.py', 17, 'best-practice.related-name']],
  },
  {
    name: 'viewset without select_related',
    files: () => withEdit('shop/views.py', "Product.objects.select_related('category').all()", 'Product.objects.all()'),
    expected: [['shop/views.py', 15, 'best-practice.query-optimization']],
  },
  {
    name: 'no pagination',
    files: () => withEdit(S, "    'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.PageNumberPagination',\n", ''),
    expected: [[S, 15, 'best-practice.pagination']],
  },
  {
    name: 'no DEFAULT_AUTO_FIELD',
    files: () =>
      withEdit(S, "DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'\n", '').filter(
        (f) => f.path !== 'shop/apps.py',
      ),
    expected: [[S, 1, 'best-practice.default-auto-field']],
  },
  {
    name: 'mutable default argument',
    files: () => withFile('shop/utils.py', 'def tag(x, seen=[]):\n    return seen\n'),
    expected: [['shop/utils.py', 1, 'best-practice.mutable-default']],
  },
  {
    name: 'mutable model field default',
    files: () =>
      withEdit(
        'shop/models.py',
        'title = models.CharField(max_length=255)',
        'title = models.CharField(max_length=255)\n    tags = models.JSONField(default={})',
      ),
    expected: [
      ['shop/models.py', 16, 'best-practice.mutable-default'],
      ['shop/models.py', 16, 'semantic.field-not-in-erd'],
    ],
  },
  {
    name: 'hard-coded SECRET_KEY',
    files: () => withEdit(S, "os.environ['SECRET_KEY']", "'django-insecure-abc'"),
    expected: [[S, 3, 'security.hardcoded-secret-key']],
    category: [S, 'error'],
  },
  {
    name: 'hard-coded credential',
    files: () => withEdit(S, 'ROOT_URLCONF', "EMAIL_HOST_PASSWORD = 'hunter2'\nROOT_URLCONF"),
    expected: [[S, 12, 'security.hardcoded-credential']],
    category: [S, 'auto-approved'],
  },
  {
    name: 'DEBUG = True',
    files: () => withEdit(S, "os.environ.get('DEBUG', 'False') == 'True'", 'True'),
    expected: [[S, 4, 'security.debug-true']],
    category: [S, 'error'],
  },
  {
    name: "ALLOWED_HOSTS = ['*']",
    files: () => withEdit(S, "os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')", "['*']"),
    expected: [[S, 5, 'security.allowed-hosts-wildcard']],
  },
  {
    name: 'CORS_ALLOW_ALL_ORIGINS',
    files: () => withEdit(S, 'ROOT_URLCONF', 'CORS_ALLOW_ALL_ORIGINS = True\nROOT_URLCONF'),
    expected: [[S, 12, 'security.cors-allow-all']],
  },
  {
    name: 'AllowAny by default',
    files: () => withEdit(S, 'permissions.IsAuthenticated', 'permissions.AllowAny'),
    expected: [[S, 15, 'security.allow-any-default']],
  },
  {
    name: 'AllowAny on a writable viewset',
    files: () =>
      withEdit(
        'shop/views.py',
        'permission_classes = [permissions.IsAuthenticated]\n\n\nclass Product',
        'permission_classes = [permissions.AllowAny]\n\n\nclass Product',
      ),
    expected: [['shop/views.py', 11, 'security.allow-any-write']],
    category: ['shop/views.py', 'error'],
  },
  {
    name: 'AllowAny on a read-only viewset is fine',
    files: () =>
      withEdit(
        'shop/views.py',
        'class CategoryViewSet(viewsets.ModelViewSet):',
        'class CategoryViewSet(viewsets.ReadOnlyModelViewSet):',
      ).map((f) =>
        f.path === 'shop/views.py'
          ? {
              ...f,
              content: f.content.replace(
                'permission_classes = [permissions.IsAuthenticated]',
                'permission_classes = [permissions.AllowAny]',
              ),
            }
          : f,
      ),
    expected: [],
  },
  {
    name: 'csrf_exempt',
    files: () =>
      withFile(
        'shop/hooks.py',
        'from django.views.decorators.csrf import csrf_exempt\n\n\n@csrf_exempt\ndef hook(request):\n    return None\n\n\nother = csrf_exempt(hook)\n',
      ),
    expected: [
      ['shop/hooks.py', 5, 'security.csrf-exempt'],
      ['shop/hooks.py', 9, 'security.csrf-exempt'],
    ],
  },
  {
    name: 'raw SQL from an f-string',
    files: () =>
      withFile(
        'shop/report.py',
        "from django.db import connection\n\n\ndef total(name):\n    with connection.cursor() as c:\n        c.execute(f\"SELECT * FROM shop_product WHERE title = '{name}'\")\n        c.execute('SELECT * FROM x WHERE a = %s', [name])\n    return Product.objects.raw('SELECT * FROM x WHERE a = ' + name)\n",
      ),
    expected: [
      ['shop/report.py', 6, 'security.raw-sql'],
      ['shop/report.py', 8, 'security.raw-sql'],
      ['shop/report.py', 8, 'semantic.undefined-name'],
    ],
  },
  {
    name: 'eval, exec, pickle, yaml.load, shell=True',
    files: () =>
      withFile(
        'shop/danger.py',
        "import os\nimport pickle\nimport subprocess\nimport yaml\n\n\ndef f(s):\n    eval(s)\n    exec(s)\n    pickle.loads(s)\n    yaml.load(s)\n    yaml.load(s, Loader=yaml.SafeLoader)\n    subprocess.run(s, shell=True)\n    subprocess.run(['ls'])\n    os.system(s)\n",
      ),
    expected: [
      ['shop/danger.py', 1, 'security.process'],
      ['shop/danger.py', 2, 'security.pickle'],
      ['shop/danger.py', 3, 'security.process'],
      ['shop/danger.py', 4, 'security.import-not-allowed'],
      ['shop/danger.py', 8, 'security.eval'],
      ['shop/danger.py', 9, 'security.eval'],
      ['shop/danger.py', 10, 'security.pickle'],
      ['shop/danger.py', 11, 'security.yaml-load'],
      ['shop/danger.py', 13, 'security.shell'],
      ['shop/danger.py', 15, 'security.process'],
    ],
    category: ['shop/danger.py', 'error'],
  },
];

describe.each([
  ['CPython', false],
  ['tree-sitter', true],
] as const)('semantic, best-practice and security corpus (%s)', (_engine, treeSitter) => {
  beforeAll(() => {
    noPython = treeSitter;
  });
  if (!treeSitter && !hasPython) return;

  it('finds nothing in the clean project, so every file is auto-approved', async () => {
    const files = cleanProject();
    const findings = await run(files);
    expect(findings).toEqual([]);
    for (const f of files) expect(categoryOf(files, findings, f.path)).toBe('auto-approved');
  });

  it.each(CASES)('$name', async (c) => {
    const files = c.files();
    const findings = await run(files);
    const got = findings.map((f) => [f.file, f.line, f.rule]);
    expect(got.sort()).toEqual([...c.expected].sort());
    for (const f of findings) expect(f.message.length).toBeGreaterThan(10);
    if (c.category) expect(categoryOf(files, findings, c.category[0])).toBe(c.category[1]);
  });
});
