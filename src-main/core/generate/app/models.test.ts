import { describe, expect, it } from 'vitest';
import type { Entity, Erd, Field } from '../../../../src-shared/erd/model';
import { findEntity } from './entities';
import { fieldCode } from './field-spec';
import { NASTY_TEXT, plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { assembleModels, indexName, modelClassCode, modelsUnits } from './models';
import { relationFieldCode } from './relations';

describe('models.py', () => {
  const erd = shopErd();
  const entity = (name: string, from: Erd = erd): Entity => findEntity(from, name, 'test');

  it('maps every field type and option, nested choices, validators, ordering, unique_together and indexes', () => {
    expect(modelClassCode(erd, 'shop', entity('Product'))).toBe(`class Product(models.Model):
    class StatusChoices(models.TextChoices):
        DRAFT = "draft", "Draft"
        LIVE = "live", "Live \\"now\\""
        ARCHIVED = "archived", "Archived"

    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal('0'))])
    stock = models.IntegerField(default=0, validators=[MinValueValidator(0)])
    weight = models.FloatField(null=True, blank=True)
    rating = models.FloatField(default=1, validators=[validate_positive])
    sku = models.CharField(max_length=32, unique=True)
    barcode = models.BigIntegerField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    is_featured = models.BooleanField(default=False)
    launch_date = models.DateField(null=True, blank=True)
    available_from = models.TimeField(null=True, blank=True)
    warranty = models.DurationField(null=True, blank=True)
    manual = models.FileField(upload_to='product/', blank=True)
    specs = models.JSONField(blank=True, default=dict)
    homepage = models.URLField(max_length=200, blank=True)
    status = models.CharField(max_length=8, choices=StatusChoices.choices, default=StatusChoices.DRAFT)
    order = models.IntegerField(default=0)
    categories = models.ManyToManyField('Category', related_name='products', blank=True)

    class Meta:
        ordering = ['order', 'title']
        verbose_name = "product"
        verbose_name_plural = "products"
        unique_together = [('title', 'status')]
        indexes = [
            models.Index(fields=['status', 'launch_date'], name='product_status_launch_d418fadc'),
            models.Index(fields=['-order'], name='product_order_desc'),
        ]

    def __str__(self):
        return str(self.title)`);
  });

  it('escapes user text in docstrings, help text, verbose names and labels, references across apps by label', () => {
    const code = modelClassCode(erd, 'crm', entity('Customer'));
    expect(code.split('\n').slice(0, 2)).toEqual([
      'class Customer(models.Model):',
      `    """Say \\"hi\\" 'there'\\nnew line \\\\ backslash \\"\\"\\" triple # hash"""`,
    ]);
    expect(code).toContain(
      `        help_text="Say \\"hi\\" 'there'\\nnew line \\\\ backslash \\"\\"\\" triple # hash",`,
    );
    expect(code).toContain('    ip_address = models.GenericIPAddressField(null=True, blank=True)\n');
    expect(code).toContain('    external_id = models.UUIDField(unique=True, default=uuid4)\n');
    expect(code).toContain('        NON_PROFIT = "non-profit", "Non profit"\n');
    expect(NASTY_TEXT).toContain('"""');
    expect(modelClassCode(erd, 'shop', entity('Order'))).toContain(
      "    customer = models.ForeignKey('crm.Customer', on_delete=models.PROTECT, related_name='orders')\n",
    );
  });

  it('turns rules into validators and leaves a TODO for what no validator can say', () => {
    const profile = modelClassCode(erd, 'crm', entity('Profile'));
    expect(profile).toContain('    bio = models.TextField(blank=True, validators=[MaxLengthValidator(500)])\n');
    expect(profile).toContain('    nickname = models.CharField(max_length=40, validators=[MinLengthValidator(3)])\n');
    expect(profile).toContain(
      `        validators=[RegexValidator("^[A-Z]{3}-\\\\d+$", message="Code looks like ABC-123")],\n`,
    );
    expect(profile).toContain(
      "    follows = models.ManyToManyField('self', related_name='followed_by', symmetrical=False, blank=True)\n",
    );
    expect(modelClassCode(erd, 'shop', entity('Address'))).toContain(
      '    # TODO(djforge-llm): street: Positive street (positive rule not expressible as a validator here)\n',
    );
    expect(modelClassCode(erd, 'shop', entity('Order'))).toContain(
      '    # TODO(djforge-llm): Orders over 1000 need "manager" approval always\n',
    );
  });

  it('puts ERD-wide TODOs and the validate_positive helper in a header unit of the first app only', () => {
    expect(modelsUnits(erd, 'shop').map((u) => u.id)).toEqual([
      'models:shop:header',
      'models:shop:Address',
      'models:shop:Category',
      'models:shop:Product',
      'models:shop:Order',
      'models:shop:OrderItem',
    ]);
    expect(modelsUnits(erd, 'crm').map((u) => u.id)).toEqual(['models:crm:Customer', 'models:crm:Profile']);
    const text = assembleModels(erd, 'shop', modelsUnits(erd, 'shop'));
    expect(text.split('\n').slice(0, 20)).toEqual([
      '"""Models of the shop app, generated by DjForge Studio from the ERD."""',
      '',
      'from decimal import Decimal',
      '',
      'from django.core.exceptions import ValidationError',
      'from django.core.validators import MaxValueValidator, MinValueValidator',
      'from django.db import models',
      '',
      '',
      '# TODO(djforge-llm): Every change is audited',
      '',
      '',
      'def validate_positive(value):',
      '    """Reject zero and negative numbers (MinValueValidator is inclusive, so it cannot say > 0)."""',
      '    if value is not None and value <= 0:',
      "        raise ValidationError('Ensure this value is greater than 0.', code='min_value')",
      '',
      '',
      'class Address(models.Model):',
      '    # TODO(djforge-llm): street: Positive street (positive rule not expressible as a validator here)',
    ]);
  });

  it('falls back to "<Entity> #pk" in __str__ and rejects a displayField that is not a field', () => {
    expect(modelClassCode(erd, 'shop', entity('OrderItem'))).toContain("        return f'OrderItem #{self.pk}'");
    const bad: Erd = { ...plainErd(), entities: [{ ...entity('Note', plainErd()), displayField: 'title' }] };
    expect(() => modelsUnits(bad, 'core')).toThrow("Entity Note: displayField 'title' is not one of its fields");
  });

  it('refuses a field that would shadow a name the module uses', () => {
    const shadow: Erd = {
      ...plainErd(),
      entities: [
        {
          name: 'Event',
          fields: [
            { name: 'uuid4', type: 'string' },
            { name: 'token', type: 'uuid' },
          ],
        },
      ],
    };
    expect(() => modelsUnits(shadow, 'core')).toThrow(
      "Entity Event: field 'uuid4' would shadow a name models.py uses; rename the field",
    );
  });

  it('keeps index names valid for Django: a given valid name, else a stable hashed name of at most 30 characters', () => {
    const product = entity('Product');
    expect(indexName('shop', product, ['-order'], 'product_order_desc')).toBe('product_order_desc');
    expect(indexName('shop', product, ['-order'], 'bad name')).toBe('product_order_c746dce3');
    const long = indexName('shop', product, ['a_very_long_field_name_indeed', 'another_one']);
    expect(long).toBe('product_a_very_long_f_0f31759c');
    expect(long.length).toBeLessThanOrEqual(30);
  });

  it('names the entity and field when a default cannot be expressed', () => {
    const note = entity('Note', plainErd());
    const field = (f: Field): string => fieldCode(plainErd(), note, f, 1);
    expect(() => field({ name: 'n', type: 'integer', default: 'many' })).toThrow(
      'Field Note.n: default "many" is not a number',
    );
    expect(() => field({ name: 'b', type: 'boolean', default: 'maybe' })).toThrow(
      'Field Note.b: default "maybe" is not a boolean',
    );
    expect(() => field({ name: 'u', type: 'uuid', default: 'xyz' })).toThrow(
      'Field Note.u: default "xyz" is not a UUID',
    );
    const noChoices: Erd = {
      ...plainErd(),
      entities: [{ name: 'Note', fields: [{ name: 'e', type: 'enum', choices: [] }] }],
    };
    expect(() => modelsUnits(noChoices, 'core')).toThrow("Enum field 'e' has no choices");
    expect(field({ name: 'd', type: 'date', default: 'today' })).toBe(
      'd = models.DateField(default=datetime.date.today)',
    );
  });

  it('refuses relations the ERD normalizer should have completed, and SET_DEFAULT', () => {
    const note = entity('Note', plainErd());
    expect(() =>
      relationFieldCode(
        plainErd(),
        note,
        { name: 'parent', kind: 'manyToOne', from: 'Note', to: 'Note', onDelete: 'CASCADE' },
        1,
      ),
    ).toThrow('Relation Note.parent has no relatedName: normalize the ERD before generating');
    expect(() =>
      relationFieldCode(
        plainErd(),
        note,
        { name: 'p', kind: 'manyToOne', from: 'Note', to: 'Note', onDelete: 'SET_DEFAULT', relatedName: 'q' },
        1,
      ),
    ).toThrow('Relation Note.p uses SET_DEFAULT, but a relation cannot declare a default: use SET_NULL or PROTECT');
    expect(() =>
      relationFieldCode(
        plainErd(),
        note,
        { name: 'x', kind: 'manyToOne', from: 'Note', to: 'Ghost', onDelete: 'CASCADE', relatedName: 'y' },
        1,
      ),
    ).toThrow("Relation Note.x refers to unknown entity 'Ghost'");
  });
});
