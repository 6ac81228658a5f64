import { describe, expect, it } from 'vitest';
import type { Entity, Erd, Field } from '../../../src-shared/erd/model';
import { validateErd } from './index';

function base(): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'shop' },
    entities: [
      { name: 'Product', fields: [{ name: 'title', type: 'string' }] },
      { name: 'Order', fields: [{ name: 'number', type: 'string' }] },
    ],
    relations: [
      { name: 'product', kind: 'manyToOne', from: 'Order', to: 'Product', onDelete: 'CASCADE', relatedName: 'orders' },
    ],
  };
}

const rows = (erd: Erd) => validateErd(erd).map((d) => [d.severity, d.code, d.path, d.message]);
const withEntity = (entity: Entity): Erd => ({ ...base(), entities: [...base().entities, entity] });
const withField = (field: Field): Erd => withEntity({ name: 'Item', fields: [field] });

describe('validateErd: entity names', () => {
  it('accepts the base document', () => {
    expect(validateErd(base())).toEqual([]);
  });

  it('rejects non-identifiers, keywords, reserved names and generated-class collisions', () => {
    const erd = base();
    erd.entities.push(
      { name: 'Order Line', fields: [] },
      { name: 'class', fields: [] },
      { name: 'Meta', fields: [] },
      { name: 'ProductSerializer', fields: [] },
      { name: '_Hidden', fields: [] },
      { name: 'lowercase', fields: [] },
    );
    expect(rows(erd)).toEqual([
      [
        'error',
        'erd.invalid-identifier',
        'entities[2]',
        'The entity name "Order Line" is not a valid Python identifier: use letters, digits and underscores, not starting with a digit.',
      ],
      [
        'error',
        'erd.keyword',
        'entities.class',
        'The entity name "class" is a Python keyword and cannot be used as a name.',
      ],
      [
        'error',
        'erd.reserved-name',
        'entities.Meta',
        'The entity name "Meta" cannot be used: it is the name of the inner options class of every model.',
      ],
      [
        'error',
        'erd.reserved-name',
        'entities.ProductSerializer',
        'The entity name "ProductSerializer" collides with the class generated for entity "Product"; rename it.',
      ],
      [
        'error',
        'erd.invalid-identifier',
        'entities._Hidden',
        'The entity name "_Hidden" starts or ends with "_" or contains "__", which Django\'s query lookups do not allow.',
      ],
      [
        'warning',
        'erd.invalid-identifier',
        'entities.lowercase',
        'The entity name "lowercase" is not PascalCase (e.g. "OrderItem"), as Django models usually are.',
      ],
    ]);
  });

  it('rejects names that generated modules import, for entities and inside model bodies for fields', () => {
    const erd = withEntity({
      name: 'Count',
      fields: [
        { name: 'Decimal', type: 'decimal' },
        { name: 'now', type: 'datetime' },
      ],
    });
    expect(rows(erd)).toEqual([
      [
        'error',
        'erd.reserved-name',
        'entities.Count',
        'The entity name "Count" cannot be used: generated modules import "Count" and a model class would shadow it.',
      ],
      [
        'error',
        'erd.reserved-name',
        'entities.Count.fields.Decimal',
        'The field name "Decimal" cannot be used: generated model classes refer to "Decimal" inside their body.',
      ],
      [
        'error',
        'erd.reserved-name',
        'entities.Count.fields.now',
        'The field name "now" cannot be used: generated models refer to django.utils.timezone.now for datetime defaults.',
      ],
    ]);
  });

  it('rejects duplicate entity names, including names that differ only in case', () => {
    const erd = base();
    erd.entities.push({ name: 'Order', fields: [] }, { name: 'PRODUCT', fields: [] });
    expect(rows(erd).filter((r) => r[1] === 'erd.duplicate-name')).toEqual([
      ['error', 'erd.duplicate-name', 'entities[2]', 'The entity name "Order" is used more than once.'],
      [
        'error',
        'erd.duplicate-name',
        'entities[3]',
        'The entity name "PRODUCT" is used more than once (Django model names ignore case, so it clashes with "Product").',
      ],
    ]);
  });

  it('rejects control characters in names and labels as unsafe text', () => {
    const erd = base();
    erd.entities[0] = {
      name: 'Product',
      verboseName: 'Pro\u0000duct',
      fields: [{ name: 'title', type: 'string', verboseName: 'a\u001bb' }],
    };
    expect(rows(erd)).toEqual([
      [
        'error',
        'erd.unsafe-text',
        'entities.Product',
        'The verbose name "Pro\\u0000duct" contains a control character, which cannot be placed safely in generated code.',
      ],
      [
        'error',
        'erd.unsafe-text',
        'entities.Product.fields.title',
        'The verbose name "a\\u001bb" contains a control character, which cannot be placed safely in generated code.',
      ],
    ]);
  });

  it('warns when there are no entities', () => {
    expect(rows({ ...base(), entities: [], relations: [] })).toEqual([
      ['warning', 'erd.invalid-value', 'entities', 'The ERD has no entities, so the generated app has no models.'],
    ]);
  });
});

describe('validateErd: field names', () => {
  it('rejects reserved, keyword, lookup-like and duplicate member names', () => {
    const erd = withEntity({
      name: 'Item',
      fields: [
        { name: 'objects', type: 'string' },
        { name: 'pass', type: 'string' },
        { name: 'a__b', type: 'string' },
        { name: 'name_', type: 'string' },
        { name: 'title', type: 'string' },
        { name: 'title', type: 'text' },
        { name: 'order_id', type: 'integer' },
      ],
    });
    erd.relations.push({
      name: 'order',
      kind: 'manyToOne',
      from: 'Item',
      to: 'Order',
      onDelete: 'CASCADE',
      relatedName: 'items',
    });
    erd.relations.push({ name: 'title', kind: 'manyToMany', from: 'Item', to: 'Product', relatedName: 'items' });
    expect(rows(erd)).toEqual([
      [
        'error',
        'erd.reserved-name',
        'entities.Item.fields.objects',
        'The field name "objects" cannot be used: it would replace the default manager "objects".',
      ],
      [
        'error',
        'erd.keyword',
        'entities.Item.fields.pass',
        'The field name "pass" is a Python keyword and cannot be used as a name.',
      ],
      [
        'error',
        'erd.invalid-identifier',
        'entities.Item.fields.a__b',
        'The field name "a__b" contains "__", which Django reserves for query lookups.',
      ],
      [
        'error',
        'erd.invalid-identifier',
        'entities.Item.fields.name_',
        'The field name "name_" ends with "_", which Django does not allow.',
      ],
      ['error', 'erd.duplicate-name', 'entities.Item.fields.title', 'Item has more than one member named "title".'],
      [
        'error',
        'erd.duplicate-name',
        'entities.Item.fields.order_id',
        'The field "order_id" clashes with the database column of the relation Item.order.',
      ],
      ['error', 'erd.duplicate-name', 'relations.Item.title', 'Item has more than one member named "title".'],
    ]);
  });

  it('allows a uuid field named id (it becomes the primary key) but no other id', () => {
    expect(validateErd(withField({ name: 'id', type: 'uuid' }))).toEqual([]);
    expect(rows(withField({ name: 'id', type: 'integer' }))).toEqual([
      [
        'error',
        'erd.reserved-name',
        'entities.Item.fields.id',
        'The field name "id" cannot be used: Django adds the automatic primary key "id" to every model.',
      ],
    ]);
  });
});

describe('validateErd: field options', () => {
  it.each<[Field, string, string]>([
    [{ name: 'state', type: 'enum' }, 'erd.missing-choices', 'The enum field "state" needs at least one choice.'],
    [
      { name: 'state', type: 'enum', choices: [{ value: 'a' }, { value: 'a' }] },
      'erd.invalid-choice',
      'The choice "a" of "state" is listed twice.',
    ],
    [
      { name: 'price', type: 'decimal', maxDigits: 4, decimalPlaces: 6 },
      'erd.invalid-decimal',
      '"price" has decimalPlaces 6 greater than maxDigits 4.',
    ],
    [
      { name: 'price', type: 'decimal', decimalPlaces: 13 },
      'erd.invalid-decimal',
      '"price" has decimalPlaces 13 greater than maxDigits 12.',
    ],
    [{ name: 'qty', type: 'integer', min: 5, max: 1 }, 'erd.invalid-range', '"qty" has min 5 greater than max 1.'],
    [
      { name: 'at', type: 'datetime', autoNow: true, autoNowAdd: true },
      'erd.conflicting-options',
      '"at" cannot be both autoNow and autoNowAdd; choose one.',
    ],
    [
      { name: 'qty', type: 'integer', default: 1.5 },
      'erd.invalid-default',
      'The default 1.5 of "qty" does not fit its integer type: it is not a whole number.',
    ],
    [
      { name: 'ok', type: 'boolean', default: 'yes' },
      'erd.invalid-default',
      'The default "yes" of "ok" does not fit its boolean type: it is not true or false.',
    ],
    [
      { name: 'on', type: 'date', default: '12/01/2024' },
      'erd.invalid-default',
      'The default "12/01/2024" of "on" does not fit its date type: use a date "YYYY-MM-DD" or "today".',
    ],
    [
      { name: 'code', type: 'string', maxLength: 2, default: 'abc' },
      'erd.invalid-default',
      'The default "abc" of "code" does not fit its string type: it is longer than maxLength 2.',
    ],
    [
      { name: 'state', type: 'enum', choices: [{ value: 'a' }], default: 'b' },
      'erd.invalid-default',
      'The default "b" of "state" does not fit its enum type: it is not one of the choices ("a").',
    ],
    [
      { name: 'key', type: 'uuid', default: 'nope' },
      'erd.invalid-default',
      'The default "nope" of "key" does not fit its uuid type: it is not a UUID.',
    ],
    [
      { name: 'note', type: 'string', default: null },
      'erd.invalid-default',
      '"note" has the default null but is not nullable.',
    ],
    [
      { name: 'state', type: 'enum', choices: [{ value: 'a\u0007' }] },
      'erd.unsafe-text',
      'The choice value "a\\u0007" contains a control character, which cannot be placed safely in generated code.',
    ],
  ])('%j → %s', (field, code, message) => {
    expect(rows(withField(field))).toEqual([['error', code, `entities.Item.fields.${field.name}`, message]]);
  });

  it('accepts defaults that fit their type', () => {
    const fields: Field[] = [
      { name: 'a', type: 'integer', default: 3 },
      { name: 'b', type: 'decimal', default: '9.99' },
      { name: 'c', type: 'boolean', default: false },
      { name: 'd', type: 'date', default: 'today' },
      { name: 'e', type: 'datetime', default: '2024-01-02T03:04:05Z' },
      { name: 'f', type: 'time', default: '08:30' },
      { name: 'g', type: 'uuid', default: '123e4567-e89b-12d3-a456-426614174000' },
      { name: 'h', type: 'json', default: '{}' },
      { name: 'i', type: 'string', nullable: true, default: null },
      { name: 'j', type: 'ipAddress', default: '127.0.0.1' },
      { name: 'k', type: 'enum', choices: [{ value: 'x', label: 'X' }], default: 'x' },
    ];
    expect(validateErd(withEntity({ name: 'Item', fields }))).toEqual([]);
  });

  it('warns that a default of an automatic timestamp is never used', () => {
    expect(rows(withField({ name: 'at', type: 'datetime', autoNowAdd: true, default: 'now' }))).toEqual([
      [
        'warning',
        'erd.conflicting-options',
        'entities.Item.fields.at',
        '"at" is set automatically, so its default is never used.',
      ],
    ]);
  });
});

describe('validateErd: entity options that name members', () => {
  it('checks ordering, uniqueTogether, indexes and displayField', () => {
    const erd = base();
    erd.entities[1] = {
      name: 'Order',
      timestamps: true,
      fields: [{ name: 'number', type: 'string' }],
      ordering: ['-created_at', 'product__title', '?', '-numbr'],
      uniqueTogether: [
        ['number', 'product'],
        ['number', 'number'],
        ['number', 'tags'],
      ],
      indexes: [
        { fields: ['-number'], name: 'order_number_idx' },
        { fields: ['missing'], name: '1bad' },
      ],
      displayField: 'label',
    };
    erd.relations.push({
      name: 'tags',
      kind: 'manyToMany',
      from: 'Order',
      to: 'Product',
      relatedName: 'tagged_orders',
    });
    expect(rows(erd)).toEqual([
      [
        'error',
        'erd.unknown-field',
        'entities.Order.ordering[3]',
        'ordering names "numbr", but it is not a field of Order (did you mean "number"?).',
      ],
      [
        'error',
        'erd.invalid-reference',
        'entities.Order.uniqueTogether[1]',
        'uniqueTogether lists the same field twice.',
      ],
      [
        'error',
        'erd.unknown-field',
        'entities.Order.uniqueTogether[2]',
        'uniqueTogether names "tags", but a many-to-many relation cannot be used there.',
      ],
      [
        'error',
        'erd.unknown-field',
        'entities.Order.indexes[1]',
        'An index names "missing", but it is not a field of Order.',
      ],
      [
        'error',
        'erd.invalid-index-name',
        'entities.Order.indexes[1].name',
        'The index name "1bad" must start with a letter and hold at most 30 letters, digits and underscores.',
      ],
      [
        'error',
        'erd.unknown-field',
        'entities.Order.displayField',
        'displayField names "label", but it is not a field of Order.',
      ],
    ]);
  });

  it('rejects an index name used twice', () => {
    const erd = base();
    for (const e of erd.entities) e.indexes = [{ fields: [e.fields[0]?.name ?? ''], name: 'same_idx' }];
    expect(rows(erd)).toEqual([
      [
        'error',
        'erd.invalid-index-name',
        'entities.Order.indexes[0].name',
        'The index name "same_idx" is already used by Product; index names must be unique.',
      ],
    ]);
  });
});
