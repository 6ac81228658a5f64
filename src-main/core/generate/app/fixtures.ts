/**
 * Hand-written, normalized ERDs for the app generator's tests: every field type, self references,
 * two relations to one entity, many-to-many with and without `through`, one-to-one, names that
 * look like keywords, every rule kind, roles, two apps, and user text that tries to break out of
 * Python literals.
 */
import type { Erd } from '../../../../src-shared/erd/model';

/** Text with every character that could escape a literal or a comment. */
export const NASTY_TEXT = 'Say "hi" \'there\'\nnew line \\ backslash """ triple # hash';

/** A two-app shop (`shop`, `crm`) that exercises every feature of the app generator. */
export function shopErd(): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'shopsite', title: 'Shop', apps: ['shop', 'crm'] },
    entities: [
      {
        name: 'Customer',
        app: 'crm',
        description: NASTY_TEXT,
        timestamps: true,
        fields: [
          { name: 'name', type: 'string', maxLength: 120, helpText: NASTY_TEXT, verboseName: 'full "name"' },
          { name: 'email', type: 'email', unique: true },
          {
            name: 'type',
            type: 'enum',
            default: 'person',
            choices: [{ value: 'person' }, { value: 'company', label: 'Company "Ltd"' }, { value: 'non-profit' }],
          },
          { name: 'class_name', type: 'string', required: false },
          { name: 'ip_address', type: 'ipAddress', required: false },
          { name: 'avatar', type: 'image', required: false },
          { name: 'external_id', type: 'uuid', unique: true },
        ],
      },
      {
        name: 'Profile',
        app: 'crm',
        fields: [
          { name: 'bio', type: 'text', required: false },
          { name: 'nickname', type: 'string', maxLength: 40 },
          { name: 'code', type: 'string', maxLength: 20 },
        ],
      },
      {
        name: 'Address',
        fields: [
          { name: 'street', type: 'string' },
          { name: 'city', type: 'string', index: true },
          { name: 'postal_code', type: 'string', maxLength: 10 },
          { name: 'group', type: 'string', maxLength: 30, default: 'home' },
        ],
      },
      {
        name: 'Category',
        fields: [
          { name: 'name', type: 'string' },
          { name: 'slug', type: 'slug', unique: true },
        ],
        ordering: ['name'],
        verboseNamePlural: 'categories',
      },
      {
        name: 'Product',
        fields: [
          { name: 'title', type: 'string' },
          { name: 'description', type: 'text', required: false },
          { name: 'price', type: 'decimal', maxDigits: 10, decimalPlaces: 2, min: 0 },
          { name: 'stock', type: 'integer', default: 0 },
          { name: 'weight', type: 'float', nullable: true },
          { name: 'rating', type: 'float', default: 1 },
          { name: 'sku', type: 'string', maxLength: 32 },
          { name: 'barcode', type: 'bigInteger', nullable: true },
          { name: 'is_active', type: 'boolean', default: true },
          { name: 'is_featured', type: 'boolean' },
          { name: 'launch_date', type: 'date', nullable: true },
          { name: 'available_from', type: 'time', required: false, nullable: true },
          { name: 'warranty', type: 'duration', nullable: true },
          { name: 'manual', type: 'file', required: false },
          { name: 'specs', type: 'json' },
          { name: 'homepage', type: 'url', required: false },
          {
            name: 'status',
            type: 'enum',
            default: 'draft',
            choices: [{ value: 'draft' }, { value: 'live', label: 'Live "now"' }, { value: 'archived' }],
          },
          { name: 'order', type: 'integer', default: 0 },
        ],
        ordering: ['order', 'title'],
        uniqueTogether: [['title', 'status']],
        indexes: [{ fields: ['status', 'launch_date'] }, { fields: ['-order'], name: 'product_order_desc' }],
      },
      {
        name: 'Order',
        displayField: 'number',
        timestamps: true,
        fields: [
          { name: 'number', type: 'string', maxLength: 20 },
          { name: 'total', type: 'decimal' },
          { name: 'note', type: 'text', required: false },
          { name: 'placed_at', type: 'datetime', autoNowAdd: true },
        ],
      },
      {
        name: 'OrderItem',
        fields: [{ name: 'quantity', type: 'integer', default: 1 }],
        uniqueTogether: [['order', 'product']],
      },
    ],
    relations: [
      {
        name: 'customer',
        kind: 'oneToOne',
        from: 'Profile',
        to: 'Customer',
        onDelete: 'CASCADE',
        relatedName: 'profile',
      },
      { name: 'follows', kind: 'manyToMany', from: 'Profile', to: 'Profile', relatedName: 'followed_by' },
      {
        name: 'parent',
        kind: 'manyToOne',
        from: 'Category',
        to: 'Category',
        onDelete: 'SET_NULL',
        relatedName: 'children',
        nullable: true,
      },
      { name: 'categories', kind: 'manyToMany', from: 'Product', to: 'Category', relatedName: 'products' },
      {
        name: 'customer',
        kind: 'manyToOne',
        from: 'Order',
        to: 'Customer',
        onDelete: 'PROTECT',
        relatedName: 'orders',
      },
      {
        name: 'billing_address',
        kind: 'manyToOne',
        from: 'Order',
        to: 'Address',
        onDelete: 'CASCADE',
        relatedName: 'billing_address_orders',
      },
      {
        name: 'shipping_address',
        kind: 'manyToOne',
        from: 'Order',
        to: 'Address',
        onDelete: 'SET_NULL',
        relatedName: 'shipping_address_orders',
        nullable: true,
        helpText: 'Leave empty to ship to the billing address',
      },
      {
        name: 'products',
        kind: 'manyToMany',
        from: 'Order',
        to: 'Product',
        relatedName: 'orders',
        through: 'OrderItem',
      },
      { name: 'order', kind: 'manyToOne', from: 'OrderItem', to: 'Order', onDelete: 'CASCADE', relatedName: 'items' },
      {
        name: 'product',
        kind: 'manyToOne',
        from: 'OrderItem',
        to: 'Product',
        onDelete: 'PROTECT',
        relatedName: 'order_items',
      },
    ],
    rules: [
      { text: 'Order total must be positive', entity: 'Order', field: 'total', kind: 'positive' },
      { text: 'Rating must be positive', entity: 'Product', field: 'rating', kind: 'positive' },
      { text: 'Stock cannot go negative', entity: 'Product', field: 'stock', kind: 'nonNegative' },
      { text: 'Between 1 and 100 items', entity: 'OrderItem', field: 'quantity', kind: 'range', min: 1, max: 100 },
      { text: 'Nickname has at least 3 letters', entity: 'Profile', field: 'nickname', kind: 'minLength', min: 3 },
      { text: 'Bio is short', entity: 'Profile', field: 'bio', kind: 'maxLength', max: 500 },
      {
        text: 'Code looks like ABC-123',
        entity: 'Profile',
        field: 'code',
        kind: 'pattern',
        pattern: '^[A-Z]{3}-\\d+$',
      },
      { text: 'SKU is unique', entity: 'Product', field: 'sku', kind: 'unique' },
      { text: `Orders over 1000 need "manager" approval\nalways`, entity: 'Order', kind: 'custom' },
      { text: 'Positive street', entity: 'Address', field: 'street', kind: 'positive' },
      { text: 'Every change is audited', kind: 'custom' },
    ],
    auth: {
      schemes: ['session', 'token'],
      roles: ['Staff', 'Customer "Service"', 'Admin'],
      permissions: {
        Order: {
          read: ['Staff', 'Customer "Service"', 'Admin'],
          create: ['Staff', 'Admin'],
          update: ['Staff'],
          delete: ['Admin'],
        },
        Product: { create: ['Staff'], update: ['Staff'], delete: [] },
      },
      defaultAccess: 'authenticatedOrReadOnly',
    },
    api: { pagination: true },
  };
}

/** One default `core` app, no auth, filtering/search/ordering turned off. */
export function plainErd(): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'notes' },
    entities: [
      {
        name: 'Note',
        fields: [
          { name: 'body', type: 'text' },
          { name: 'pinned', type: 'boolean' },
        ],
      },
    ],
    relations: [],
    auth: { defaultAccess: 'public' },
    api: { filtering: false, search: false, ordering: false },
  };
}
