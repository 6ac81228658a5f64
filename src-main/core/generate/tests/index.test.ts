import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { fieldsStressErd, relationsStressErd } from '../../../../test-support/fixtures/stress-erds';
import { TestDataPlan } from './factories';
import { modelName, testsCode, testsFile } from './index';
import { anonymousMayRead, echoedFields, expectedFields, TEST_MIXINS, wrappedStr } from './test-cases';

function classOf(code: string, name: string): string {
  const start = code.indexOf(`class ${name}(`);
  const next = code.indexOf('\n\n\nclass ', start + 1);
  return code.slice(start, next < 0 ? undefined : next).trimEnd();
}

describe('testsCode', () => {
  it('declares one test case per entity over the shared CRUD and anonymous-access mixins', () => {
    const code = testsCode(plainErd(), 'core');
    expect(classOf(code, 'NoteApiTests')).toBe(`class NoteApiTests(ResourceTests, APITestCase):
    """Note through the API: CRUD as a superuser, and what anonymous clients may do."""

    model = Note
    route = 'core:note'
    expected_fields = {'id', 'body', 'pinned'}
    echoed_fields = ('body', 'pinned')
    distinct_values = {'pinned': (True, False)}
    ordinary_may = frozenset({'create', 'read', 'update', 'delete'})
    compared_fields = ('body', 'pinned')
    required_fields = ('body',)
    switched_fields = ('pinned',)
    anonymous_may_read = True

    def make(self, **overrides):
        return make_note(**overrides)

    def payload(self):
        return note_payload()`);
    expect(code).toContain(TEST_MIXINS);
    expect(code.indexOf('class CrudTests:')).toBeLessThan(code.indexOf('class NoteApiTests('));
  });

  it('posts and puts through the route names, as a superuser, with the body format the payload needs', () => {
    expect(TEST_MIXINS).toContain(`    def setUp(self):
        super().setUp()
        self.client.force_authenticate(user=_superuser())`);
    expect(TEST_MIXINS).toContain(
      "        response = self.client.post(_url(f'{self.route}-list'), payload, format=_format(payload))\n",
    );
    expect(TEST_MIXINS).toContain(
      "        response = self.client.put(_url(f'{self.route}-detail', pk=obj.pk), payload, format=_format(payload))\n",
    );
    expect(TEST_MIXINS).toContain('        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)\n');
    expect(TEST_MIXINS).toContain(
      "        response = self.client.patch(_url(f'{self.route}-detail', pk=obj.pk), payload, format='json')\n",
    );
  });

  it('imports only what it uses, models from every app they live in', () => {
    const code = testsCode(shopErd(), 'shop');
    const imports = code.slice(code.indexOf('\n\n') + 2, code.indexOf('\n\n\nAPI_KWARGS'));
    expect(imports).toBe(`import datetime
import json
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APITestCase

from crm.models import Customer
from shop.models import Address, Category, Order, OrderItem, Product`);
    expect(code).toContain(
      'API_KWARGS = {}\nEPOCH = datetime.datetime(2024, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)\n_counters = {}\n',
    );
    expect(code).not.toContain('MEDIA_ROOT');
  });

  it('adds the API version to every reversed URL when URLs are versioned', () => {
    const code = testsCode(relationsStressErd(), 'staff');
    expect(code).toContain("API_KWARGS = {'version': 'v1'}\n");
    expect(code).toContain('    return reverse(name, kwargs={**API_KWARGS, **kwargs})\n');
  });

  it('uploads into a temporary MEDIA_ROOT with a real PNG for images', () => {
    const code = testsCode(fieldsStressErd(), 'lab');
    expect(code).toContain("MEDIA_ROOT = tempfile.mkdtemp(prefix='djforge-test-media-')\n");
    expect(code).toContain("PNG_1X1 = base64.b64decode(\n    'iVBORw0KGgo");
    expect(code).toContain(
      'def tearDownModule():\n    """Remove the files the tests uploaded."""\n    shutil.rmtree(MEDIA_ROOT, ignore_errors=True)\n',
    );
    expect(code).toContain(
      '@override_settings(MEDIA_ROOT=MEDIA_ROOT)\nclass SpecimenApiTests(ResourceTests, APITestCase):\n',
    );
    expect(code).toContain(
      "        'photo': SimpleUploadedFile(f'photo-{n}.png', PNG_1X1, content_type='image/png'),\n",
    );
    expect(code).not.toContain("'thumbnail':");
  });

  it('skips the CRUD test of an entity it cannot build, saying why', () => {
    expect(classOf(testsCode(relationsStressErd(), 'staff'), 'EggApiTests'))
      .toBe(`class EggApiTests(AnonymousAccessTests, APITestCase):
    """Egg through the API: CRUD as a superuser, and what anonymous clients may do."""

    route = 'staff:egg'

    @skip(
        "Egg cannot be built automatically: required relations form a cycle (Chicken.egg → Egg, "
        "Egg.chicken → Chicken); make one of them nullable"
    )
    def test_crud(self):
        """Create, list, retrieve, update and delete."""`);
  });

  it('sends the existing primary key back when the entity declares its own id', () => {
    const erd: Erd = {
      ...plainErd(),
      entities: [{ name: 'Code', fields: [{ name: 'id', type: 'string', maxLength: 10 }] }],
    };
    expect(testsCode(erd, 'core')).toContain("        payload['id'] = _api(obj.pk)\n");
  });

  it('says there is nothing to test in an app without entities', () => {
    expect(testsCode({ ...plainErd(), project: { name: 'notes', apps: ['core', 'empty'] } }, 'empty')).toBe(
      '"""API tests of the empty app, generated by DjForge Studio from the ERD."""\n\n\n# The app has no entities yet, so there is nothing to test.\n',
    );
  });

  it('is a tests-agent file at <app>/tests.py', () => {
    const file = testsFile(plainErd(), 'core');
    expect([file.path, file.agent]).toEqual(['core/tests.py', 'tests']);
  });
});

describe('test expectations', () => {
  const erd = shopErd();
  const find = (name: string) => erd.entities.find((e) => e.name === name) ?? erd.entities[0]!;

  it('expects id, model fields with timestamps, and forward relations', () => {
    expect(expectedFields(new TestDataPlan(erd), find('Order'))).toEqual([
      'id',
      'number',
      'total',
      'note',
      'placed_at',
      'created_at',
      'updated_at',
      'customer',
      'billing_address',
      'shipping_address',
      'products',
    ]);
  });

  it('compares text, numbers, booleans and enums but not patterned or computed values', () => {
    expect(echoedFields(new TestDataPlan(erd), find('Profile'))).toEqual(['bio', 'nickname']);
    expect(echoedFields(new TestDataPlan(erd), find('Order'))).toEqual(['number', 'note']);
  });

  it('follows defaultAccess and read roles for anonymous reads', () => {
    expect(anonymousMayRead(erd, find('Product'))).toBe(true);
    expect(anonymousMayRead(erd, find('Order'))).toBe(false);
    expect(anonymousMayRead({ ...erd, auth: {} }, find('Product'))).toBe(false);
  });

  it('splits a long text into literals that concatenate back to it', () => {
    expect(wrappedStr('one two three "four"', 9)).toEqual(['"one two "', '"three "', '"\\"four\\""']);
    expect(wrappedStr('', 9)).toEqual(['""']);
  });

  it('aliases a model whose name would shadow a helper', () => {
    expect(modelName({ name: 'Decimal', fields: [] })).toBe('DecimalModel');
    expect(modelName({ name: 'Invoice', fields: [] })).toBe('Invoice');
  });
});
