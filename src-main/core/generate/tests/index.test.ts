import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { plainErd, shopErd } from '../app/fixtures';
import { fieldsStressErd, relationsStressErd } from '../stress-fixtures';
import { modelName, testsCode, testsFile } from './index';
import { anonymousMayRead, echoedFields, expectedFields } from './test-cases';

function classOf(code: string, name: string): string {
  const start = code.indexOf(`class ${name}(APITestCase):`);
  const next = code.indexOf('\n\n\nclass ', start + 1);
  return code.slice(start, next < 0 ? undefined : next).trimEnd();
}

describe('testsCode', () => {
  it('writes a full CRUD test case per entity, as a superuser', () => {
    expect(classOf(testsCode(plainErd(), 'core'), 'NoteApiTests')).toBe(`class NoteApiTests(APITestCase):
    """Note through the API as a superuser: create, list, retrieve, update and delete."""

    expected_fields = {'id', 'body', 'pinned'}

    def setUp(self):
        self.client.force_authenticate(user=_superuser())

    def test_create(self):
        """POST creates a Note and answers with all its fields."""
        payload = note_payload()
        response = self.client.post(_url('core:note-list'), payload, format=_format(payload))
        self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)
        self.assertLessEqual(self.expected_fields, set(response.data))
        self.assertTrue(Note.objects.filter(pk=response.data['id']).exists())
        for name in ('body', 'pinned'):
            self.assertEqual(response.data[name], payload[name])

    def test_list(self):
        """GET on the collection lists an existing Note."""
        obj = make_note()
        response = self.client.get(_url('core:note-list'))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        self.assertIn(_api(obj.pk), [item['id'] for item in _results(response)])

    def test_retrieve(self):
        """GET on an item returns that Note with all its fields."""
        obj = make_note()
        response = self.client.get(_url('core:note-detail', pk=obj.pk))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        self.assertEqual(response.data['id'], _api(obj.pk))
        self.assertLessEqual(self.expected_fields, set(response.data))

    def test_update(self):
        """PUT replaces a Note's values, in the response and in the database."""
        obj = make_note()
        payload = note_payload()
        response = self.client.put(_url('core:note-detail', pk=obj.pk), payload, format=_format(payload))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        obj.refresh_from_db()
        for name in ('body', 'pinned'):
            self.assertEqual(response.data[name], payload[name])
            self.assertEqual(_api(getattr(obj, name)), payload[name])

    def test_delete(self):
        """DELETE removes the Note."""
        obj = make_note()
        response = self.client.delete(_url('core:note-detail', pk=obj.pk))
        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)
        self.assertFalse(Note.objects.filter(pk=obj.pk).exists())

    def test_anonymous_create_is_refused(self):
        """Writes always need a logged-in user."""
        self.client.force_authenticate(user=None)
        response = self.client.post(_url('core:note-list'), {}, format='json')
        self.assertIn(response.status_code, (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN))

    def test_anonymous_may_list(self):
        """Reading is open to anonymous clients here."""
        self.client.force_authenticate(user=None)
        response = self.client.get(_url('core:note-list'))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)`);
  });

  it('imports only what it uses, models from every app they live in', () => {
    const code = testsCode(shopErd(), 'shop');
    const imports = code.slice(code.indexOf('\n\n') + 2, code.indexOf('\n\n\nAPI_KWARGS'));
    expect(imports).toBe(`import datetime
import itertools
import json
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APITestCase

from crm.models import Customer
from shop.models import Address, Category, Order, OrderItem, Product`);
    expect(code).toContain('API_KWARGS = {}\n_sequence = itertools.count(1)\n');
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
    expect(code).toContain("PNG_1X1 = base64.b64decode('iVBORw0KGgo");
    expect(code).toContain(
      'def tearDownModule():\n    """Remove the files the tests uploaded."""\n    shutil.rmtree(MEDIA_ROOT, ignore_errors=True)\n',
    );
    expect(code).toContain('@override_settings(MEDIA_ROOT=MEDIA_ROOT)\nclass SpecimenApiTests(APITestCase):\n');
    expect(code).toContain(
      "        'photo': SimpleUploadedFile(f'photo-{n}.png', PNG_1X1, content_type='image/png'),\n",
    );
    expect(code).not.toContain("'thumbnail':");
  });

  it('skips the CRUD test of an entity it cannot build, saying why', () => {
    expect(classOf(testsCode(relationsStressErd(), 'staff'), 'EggApiTests')).toContain(`    @skip(
        "Egg cannot be built automatically: required relations form a cycle (Chicken.egg → Egg, Egg.chicken → Chicken); make one of them nullable",
    )
    def test_crud(self):
        """Create, list, retrieve, update and delete."""
`);
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
    expect(expectedFields(erd, find('Order'))).toEqual([
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
    expect(echoedFields(erd, find('Profile'))).toEqual(['bio', 'nickname']);
    expect(echoedFields(erd, find('Order'))).toEqual(['number', 'note']);
  });

  it('follows defaultAccess and read roles for anonymous reads', () => {
    expect(anonymousMayRead(erd, find('Product'))).toBe(true);
    expect(anonymousMayRead(erd, find('Order'))).toBe(false);
    expect(anonymousMayRead({ ...erd, auth: {} }, find('Product'))).toBe(false);
  });

  it('aliases a model whose name would shadow a helper', () => {
    expect(modelName({ name: 'Decimal', fields: [] })).toBe('DecimalModel');
    expect(modelName({ name: 'Invoice', fields: [] })).toBe('Invoice');
  });
});
