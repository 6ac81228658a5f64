import { describe, expect, it } from 'vitest';
import { cleanErd, cleanProject, withEdit, withFile } from '../../../test-support/fixtures/clean-project';
import { findAnalyzerPython } from './python-analyzer';
import { scoreFile } from './score';
import type { SourceFile } from './types';
import { validateStatic } from './validate-project';

/**
 * Realistic model mistakes that `manage.py check` never reaches, each on the clean project: the
 * static layers must name the right file, line and rule, with either parser.
 */
const hasPython = (await findAnalyzerPython()) !== null;

const V = 'shop/views.py';
const lineOf = (files: SourceFile[], path: string, text: string): number => {
  const lines = files.find((f) => f.path === path)?.content.split('\n') ?? [];
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`fixture: "${text}" is not in ${path}`);
  return i + 1;
};

interface Case {
  name: string;
  files: () => SourceFile[];
  /** [file, text on the expected line, rule]. */
  expected: [string, string, string][];
}

const CASES: Case[] = [
  {
    name: 'misspelled field in search_fields',
    files: () =>
      withEdit(
        V,
        '    filterset_class = ProductFilterSet\n',
        "    filterset_class = ProductFilterSet\n    search_fields = ['title', 'categroy__name']\n",
      ),
    expected: [[V, 'search_fields', 'semantic.unknown-lookup']],
  },
  {
    name: 'ordering across a relation to a missing field, and a good one',
    files: () =>
      withEdit(
        V,
        '    filterset_class = ProductFilterSet\n',
        "    filterset_class = ProductFilterSet\n    ordering_fields = ['price', 'category__name']\n    ordering = ['-category__title']\n",
      ),
    expected: [[V, 'ordering = ', 'semantic.unknown-lookup']],
  },
  {
    name: 'select_related of a field that is not a relation',
    files: () => withEdit(V, "select_related('category')", "select_related('category', 'title')"),
    expected: [[V, 'select_related', 'semantic.unknown-lookup']],
  },
  {
    name: 'misspelled list_filter in the admin',
    files: () =>
      withEdit(
        'shop/admin.py',
        "list_display = ['id', 'title']",
        "list_display = ['id', 'title']\n    list_filter = ['categroy']",
      ),
    expected: [['shop/admin.py', 'list_filter', 'semantic.unknown-lookup']],
  },
  {
    name: 'a missing import used only inside a method body',
    files: () =>
      withEdit(
        V,
        'class ProductViewSet(viewsets.ModelViewSet):',
        'class ProductViewSet(viewsets.ModelViewSet):\n    def get_queryset(self):\n        return Product.objects.filter(Q(price__gt=0))\n',
      ),
    expected: [[V, 'Q(price__gt=0)', 'semantic.undefined-name']],
  },
  {
    name: 'a NameError in perform_create',
    files: () =>
      withEdit(
        V,
        'class ProductViewSet(viewsets.ModelViewSet):',
        'class ProductViewSet(viewsets.ModelViewSet):\n    def perform_create(self, serializer):\n        serializer.save(owner=request.user)\n',
      ),
    expected: [[V, 'owner=request.user', 'semantic.undefined-name']],
  },
  {
    name: 'an unused import',
    files: () =>
      withEdit(
        V,
        'from .filters import ProductFilterSet',
        'from django.db.models import Q\n\nfrom .filters import ProductFilterSet',
      ),
    expected: [[V, 'import Q', 'semantic.unused-import']],
  },
  {
    name: 'a class defined twice (a whole file returned for one unit)',
    files: () => {
      const files = cleanProject();
      const ser = files.find((f) => f.path === 'shop/serializers.py');
      const body = ser?.content.slice(ser.content.indexOf('class ProductSerializer')) ?? '';
      return withFile('shop/serializers.py', `${ser?.content ?? ''}\n\n${body}`);
    },
    expected: [['shop/serializers.py', '__SECOND__class ProductSerializer', 'semantic.duplicate-class']],
  },
  {
    name: 'a setting changed from models.py',
    files: () =>
      withEdit(
        'shop/models.py',
        'from django.db import models',
        'from django.conf import settings\nfrom django.db import models\n\nsettings.DEBUG = True',
      ),
    expected: [['shop/models.py', 'settings.DEBUG = True', 'semantic.setting-outside-settings']],
  },
  {
    name: 'a field and a model the ERD does not have',
    files: () =>
      withEdit(
        'shop/models.py',
        '    title = models.CharField(max_length=255)',
        '    title = models.CharField(max_length=255)\n    stock = models.IntegerField()',
      ).map((f) =>
        f.path === 'shop/models.py'
          ? {
              ...f,
              content: `${f.content}\n\nclass Tag(models.Model):\n    label = models.CharField(max_length=20)\n\n    class Meta:\n        ordering = ['-id']\n\n    def __str__(self):\n        return self.label\n`,
            }
          : f,
      ),
    expected: [
      ['shop/models.py', 'stock = models', 'semantic.field-not-in-erd'],
      ['shop/models.py', 'class Tag', 'semantic.model-not-in-erd'],
    ],
  },
  {
    name: 'an alias that provides the expected class name is accepted',
    files: () =>
      withEdit('shop/serializers.py', 'class CategorySerializer(', 'class BaseCategorySerializer(').map((f) =>
        f.path === 'shop/serializers.py'
          ? { ...f, content: `${f.content}\n\nCategorySerializer = BaseCategorySerializer\n` }
          : f,
      ),
    expected: [],
  },
];

function expectedAt(files: SourceFile[], [file, text, rule]: [string, string, string]): [string, number, string] {
  if (text.startsWith('__SECOND__')) {
    const needle = text.slice('__SECOND__'.length);
    const lines = files.find((f) => f.path === file)?.content.split('\n') ?? [];
    const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
    return [file, hits[1] ?? -1, rule];
  }
  return [file, lineOf(files, file, text), rule];
}

describe.each([
  ['CPython', false],
  ['tree-sitter', true],
] as const)('names, lookups, duplicates and drift (%s)', (_engine, noPython) => {
  it.skipIf(!noPython && !hasPython).each(CASES)('$name', async (c) => {
    const files = c.files();
    const { findings } = await validateStatic(files, { erd: cleanErd(), noPython });
    const got = findings.map((f) => [f.file, f.line, f.rule]);
    expect(got.sort()).toEqual(c.expected.map((e) => expectedAt(files, e)).sort());
    // Every expected finding but an unused import (a harmless warning) keeps the file from auto-approval.
    for (const [file, , rule] of c.expected.filter(([, , r]) => r !== 'semantic.unused-import')) {
      const f = files.find((x) => x.path === file);
      const category = scoreFile({
        path: file,
        content: f?.content ?? '',
        findings: findings.filter((x) => x.file === file),
      }).category;
      expect(category, `${file} (${rule})`).not.toBe('auto-approved');
    }
  });
});
