import { describe, expect, it } from 'vitest';
import { djangoTargets } from '../../../test-support/django-versions';
import { cleanProject, withEdit, withFile } from '../../../test-support/fixtures/clean-project';
import { validateRuntime, envExample } from './runtime-layer';
import { checkMessages, exceptionLine, modelLine, projectFrames, testFailures } from './runtime-output';

const ROOT = '/tmp/djforge-runtime-abc';

const TEST_OUTPUT = `Creating test database for alias 'default'...
System check identified no issues (0 silenced).
F.E
======================================================================
ERROR: test_create (shop.tests.ProductApiTests.test_create)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${ROOT}/shop/tests.py", line 20, in test_create
    response = self.client.post(url, data)
  File "/usr/lib/python3/dist-packages/rest_framework/test.py", line 296, in post
    response = super().post(
  File "${ROOT}/shop/serializers.py", line 14, in validate
    raise KeyError('x')
KeyError: 'x'

======================================================================
FAIL: test_list (shop.tests.CategoryApiTests)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${ROOT}/shop/tests.py", line 9, in test_list
    self.assertEqual(response.status_code, 200)
AssertionError: 403 != 200

----------------------------------------------------------------------
Ran 3 tests in 0.050s

FAILED (failures=1, errors=1)
`;

describe('reading manage.py output', () => {
  it('attributes each failed test to the deepest project frame with the exception', () => {
    expect(testFailures(TEST_OUTPUT, ROOT).map((f) => [f.file, f.line, f.rule, f.message])).toEqual([
      ['shop/serializers.py', 14, 'runtime.test-error', "shop.tests.ProductApiTests.test_create raised: KeyError: 'x'"],
      [
        'shop/tests.py',
        9,
        'runtime.test-failed',
        'shop.tests.CategoryApiTests.test_list failed: AssertionError: 403 != 200',
      ],
    ]);
  });

  it('keeps only frames inside the project', () => {
    expect(projectFrames(TEST_OUTPUT, `${ROOT}/`).map((f) => `${f.file}:${f.line}`)).toEqual([
      'shop/tests.py:20',
      'shop/serializers.py:14',
      'shop/tests.py:9',
    ]);
    expect(exceptionLine('Traceback\n  File "x", line 1\nValueError: bad\n')).toBe('ValueError: bad');
  });

  it('places system-check messages on the model line, project-wide ones on settings', () => {
    const content = 'class Product(models.Model):\n    title = 1\n    price = 2\n';
    const out = checkMessages(
      "SystemCheckError: System check identified some issues:\n\nERRORS:\nshop.Product.price: (fields.E130) DecimalFields must define a 'decimal_places' attribute.\n\nWARNINGS:\n?: (security.W004) You have not set a value for SECURE_HSTS_SECONDS.\n",
      'proj/settings.py',
      () => content,
    );
    expect(out.map((f) => [f.file, f.line, f.severity, f.rule])).toEqual([
      ['shop/models.py', 3, 'error', 'runtime.check.fields.E130'],
      ['proj/settings.py', 1, 'warning', 'runtime.check.security.W004'],
    ]);
    expect(modelLine(content, 'Product')).toBe(1);
    expect(modelLine(content, 'Missing', 'x')).toBe(1);
  });

  it('reads the variables of .env.example', () => {
    expect(
      envExample([{ path: '.env.example', content: '# comment\nSECRET_KEY="abc"\nDATABASE_URL=\nDEBUG=False\n' }]),
    ).toEqual({
      SECRET_KEY: 'abc',
      DATABASE_URL: '',
      DEBUG: 'False',
    });
  });
});

const { targets, missing } = await djangoTargets();

for (const { series, reason } of missing)
  describe.skip(`runtime layer on Django ${series} — skipped: ${reason}`, () => {
    it('passes the clean project', () => undefined);
  });

for (const django of targets)
  describe(`runtime layer on Django ${django.djangoVersion}`, () => {
    const target = { python: django.python, ...(django.pythonPath ? { pythonPath: django.pythonPath } : {}) };

    it('passes the clean project: check, makemigrations and tests', async () => {
      const r = await validateRuntime(cleanProject(), target);
      expect(r).toMatchObject({ ran: true, findings: [], djangoVersion: django.djangoVersion });
      expect(r.steps.map((s) => [s.step, s.code])).toEqual([
        ['check', 0],
        ['makemigrations', 0],
        ['test --noinput', 0],
      ]);
      // Every generated test is listed with its file; none failed.
      expect(r.tests?.length).toBeGreaterThan(1);
      expect(r.tests?.every((t) => t.file === 'shop/tests.py' && (t.outcome === 'ok' || t.outcome === 'skipped'))).toBe(
        true,
      );
    });

    it('reports a step that ran out of time as a project-level notice, with no finding on any file', async () => {
      const files = withEdit(
        'shop/models.py',
        'from django.db import models',
        'import time\nfrom django.db import models\ntime.sleep(30)',
      );
      const r = await validateRuntime(files, { ...target, timeoutMs: 3_000 });
      expect(r).toMatchObject({ ran: false, findings: [], skipped: 'manage.py check did not finish within 3 s' });
      expect(r.notice).toBe('The runtime layer did not finish: manage.py check did not finish within 3 s.');
    }, 60_000);

    it('reports a system-check error on the model field', async () => {
      const files = withEdit('shop/models.py', 'max_digits=12, decimal_places=2', 'max_digits=12');
      const r = await validateRuntime(files, target);
      expect(r.findings.map((f) => [f.file, f.line, f.rule])).toEqual([
        ['shop/models.py', 16, 'runtime.check.fields.E130'],
      ]);
      // The failing check does not stop the migrations and the tests; stopped by the same system
      // check, they add no second finding on another file.
      expect(r.steps.map((s) => s.step)).toEqual(['check', 'makemigrations', 'test --noinput']);
    });

    it('attributes an import crash to the file and line that raised it', async () => {
      const files = withEdit(
        'shop/views.py',
        'from .filters import ProductFilterSet',
        'from .filters import ProductFilterSet\nfrom .missing import nothing',
      );
      const r = await validateRuntime(files, { ...target, tests: false });
      expect(r.findings).toEqual([
        expect.objectContaining({
          file: 'shop/views.py',
          line: 4,
          rule: 'runtime.check-failed',
          message: expect.stringMatching(/ModuleNotFoundError: No module named 'shop.missing'/),
        }),
      ]);
    });

    it('reports a failing generated test on the test line', async () => {
      const files = withEdit('shop/tests.py', "'/api/products/'", "'/api/product/'");
      const r = await validateRuntime(files, target);
      expect(r.findings.map((f) => [f.file, f.line, f.rule])).toEqual([['shop/tests.py', 12, 'runtime.test-failed']]);
      expect(r.findings[0]?.message).toMatch(
        /^shop\.tests\.ProductApiTests\.test_list failed: AssertionError: '\/api\/products\/' != '\/api\/product\/'/,
      );
      // The per-test results name the one failing test and its file; the others passed.
      expect(r.tests?.filter((t) => t.outcome === 'fail' || t.outcome === 'error')).toEqual([
        { id: 'shop.tests.ProductApiTests.test_list', file: 'shop/tests.py', outcome: 'fail' },
      ]);
      expect(r.tests?.filter((t) => t.outcome === 'ok').length).toBeGreaterThan(0);
    });

    it('skips, with the reason, a project without manage.py', async () => {
      const files = withFile('x.py', '').filter((f) => f.path !== 'manage.py');
      expect(await validateRuntime(files, target)).toMatchObject({
        ran: false,
        skipped: 'the project has no manage.py',
      });
    });
  });

describe('runtime layer without Django', () => {
  it('is skipped with the reason, never counted as passed', async () => {
    expect(await validateRuntime(cleanProject(), { python: '/nonexistent/python' })).toEqual({
      findings: [],
      ran: false,
      skipped: '/nonexistent/python cannot import Django and DRF',
      steps: [],
    });
    expect(await validateRuntime(cleanProject(), { env: {}, fallbacks: ['/nonexistent/python'] })).toMatchObject({
      ran: false,
      skipped: 'no Python that imports Django and DRF was found (set DJFORGE_PYTHON)',
    });
  });
});
