/**
 * DBML import through @dbml/core: every construct dbdiagram users write, mapped to the model with
 * exact assertions, and malformed DBML refused at its line:column.
 */
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { ERD_CODES, importErdFile } from './index';

const SHOP = `Project shop_db {
  database_type: 'PostgreSQL'
  Note: 'A shop'
}

enum order_status {
  pending
  shipped [note: 'sent out']
  "out of stock"
}

Table public.users [headercolor: #3498DB, note: 'People who buy'] {
  id int [pk, increment]
  email varchar(254) [not null, unique]
  full_name varchar(120) [null, note: 'Shown on invoices']
  created_at timestamptz [not null, default: \`now()\`]
  is_active bool [not null, default: true]
  score decimal(8,3) [default: 1.5]
  external uuid
  profile jsonb
  from varchar(10)
  tags text[]
}

Table orders {
  id bigint [pk, increment]
  user_id int [not null, ref: > users.id]
  status order_status [not null, default: 'pending']
  total numeric(10,2) [not null, default: 0]
  placed_on date
  checksum varchar [default: \`md5(random()::text)\`]
  Note: 'Orders'
}

Table products {
  sku varchar(32) [pk]
  title varchar(200) [not null]
  indexes {
    (title, sku) [unique]
    title [name: 'product_title_idx']
  }
}

Table order_lines {
  order_id bigint [not null]
  product_sku varchar(32) [not null]
  quantity int [not null, default: 1]
  indexes {
    (order_id, product_sku) [pk]
  }
}

Table tags {
  id int [pk]
  name varchar(40) [unique, not null]
}

Table product_tags {
  product_sku varchar(32) [not null]
  tag_id int [not null]
  indexes { (product_sku, tag_id) [pk] }
}

Table passports {
  id int [pk]
  user_id int [not null]
}

Table shipments {
  id int [pk]
  order_id bigint
}

Ref: order_lines.order_id > orders.id [delete: cascade]
Ref: products.sku < order_lines.product_sku [delete: restrict]
Ref: passports.user_id - users.id
Ref: product_tags.product_sku > products.sku
Ref: product_tags.tag_id > tags.id
Ref: users.id <> tags.id
Ref: orders.id < shipments.order_id [delete: set null]

TableGroup sales [color: #ff0000] {
  orders
  order_lines
}
`;

async function shop(groupsAsApps = false): Promise<{ erd: Erd; messages: string[] }> {
  const result = await importErdFile(SHOP, 'shop.dbml', { groupsAsApps });
  if (result.erd === null) throw new Error(JSON.stringify(result.diagnostics));
  return { erd: result.erd, messages: result.diagnostics.map((d) => `${d.line ?? '-'}: ${d.message}`) };
}

const entity = (erd: Erd, name: string) => erd.entities.find((e) => e.name === name);

describe('DBML import', () => {
  it('maps tables, types, pk/increment, unique, null, defaults, notes and the project', async () => {
    const { erd } = await shop();
    expect(erd.project).toEqual({ name: 'shop_db', title: 'shop_db', description: 'A shop' });
    expect(entity(erd, 'Users')).toEqual({
      name: 'Users',
      dbTable: 'users',
      description: 'People who buy',
      fields: [
        { name: 'email', type: 'string', maxLength: 254, unique: true },
        {
          name: 'full_name',
          type: 'string',
          maxLength: 120,
          nullable: true,
          required: false,
          helpText: 'Shown on invoices',
        },
        { name: 'created_at', type: 'datetime', autoNowAdd: true },
        { name: 'is_active', type: 'boolean', default: true },
        {
          name: 'score',
          type: 'decimal',
          maxDigits: 8,
          decimalPlaces: 3,
          nullable: true,
          required: false,
          default: 1.5,
        },
        { name: 'external', type: 'uuid', nullable: true, required: false },
        { name: 'profile', type: 'json', nullable: true, required: false },
        { name: 'from_field', type: 'string', maxLength: 10, nullable: true, required: false, dbColumn: 'from' },
        { name: 'tags', type: 'json', nullable: true, required: false },
      ],
    });
    expect(entity(erd, 'Orders')?.fields.slice(0, 2)).toEqual([
      {
        name: 'status',
        type: 'enum',
        choices: [{ value: 'pending' }, { value: 'shipped' }, { value: 'out of stock' }],
        default: 'pending',
      },
      // No bound in the DBML: the normalizer infers MinValueValidator(0) from the name "total".
      { name: 'total', type: 'decimal', maxDigits: 10, decimalPlaces: 2, default: 0, min: 0 },
    ]);
  });

  it('reports every approximation and skipped construct with its line', async () => {
    const { messages } = await shop();
    expect(messages).toEqual(
      expect.arrayContaining([
        '21: users.from becomes "from_field": "from" is not usable as a Python or Django name.',
        '22: users.tags: the array type text[] is stored as JSON.',
        '31: orders.checksum: varchar has no length, so it becomes a text field.',
        '31: orders.checksum: the default expression "md5(random()::text)" has no Django equivalent and is left to the database; the field gets no default.',
        '44: The join table "order_lines" carries its own columns, so it stays the entity "OrderLines" and is the through model of Orders.products.',
        '58: The join table "product_tags" links Products and Tags through the columns (product_sku, tag_id), where Django\'s own join table would have (products_id, tags_id), so it stays the entity "ProductTags" and is the through model of Products.tags.',
        '36: products.sku is the primary key; it becomes the model\'s key (primary_key=True), which a client supplies when it creates a row (no extra "id").',
        '44: order_lines has the composite primary key (order_id, product_sku); it becomes unique together and Django adds its own "id" key.',
      ]),
    );
  });

  it('maps every ref notation, on delete, one-to-one, many-to-many and join tables', async () => {
    const { erd } = await shop();
    const rel = (from: string, name: string) => erd.relations.find((r) => r.from === from && r.name === name);
    // The inline ref states no delete action, so the normalizer infers PROTECT; stated actions are kept.
    expect(rel('Orders', 'user')).toMatchObject({ kind: 'manyToOne', to: 'Users', onDelete: 'PROTECT' });
    expect(rel('OrderLines', 'order')).toMatchObject({ kind: 'manyToOne', to: 'Orders', onDelete: 'CASCADE' });
    expect(rel('OrderLines', 'product_sku')).toMatchObject({ kind: 'manyToOne', to: 'Products', onDelete: 'RESTRICT' });
    expect(rel('Passports', 'user')).toMatchObject({ kind: 'oneToOne', to: 'Users' });
    expect(rel('Shipments', 'order')).toMatchObject({
      kind: 'manyToOne',
      to: 'Orders',
      nullable: true,
      onDelete: 'SET_NULL',
    });
    // Users already has a field "tags" (the text[] column), so the relation takes the next free name.
    expect(rel('Users', 'tags_2')).toMatchObject({ kind: 'manyToMany', to: 'Tags' });
    expect(rel('Orders', 'products')).toMatchObject({ kind: 'manyToMany', to: 'Products', through: 'OrderLines' });
    // Django would name product_tags' columns products_id and tags_id, so the table stays the through entity.
    expect(rel('Products', 'tags')).toMatchObject({ kind: 'manyToMany', to: 'Tags', through: 'ProductTags' });
    expect(entity(erd, 'ProductTags')?.uniqueTogether).toEqual([['product_sku', 'tag']]);
    expect(entity(erd, 'Products')?.fields[0]).toEqual({
      name: 'sku',
      type: 'string',
      maxLength: 32,
      primaryKey: true,
    });
    expect(entity(erd, 'OrderLines')?.uniqueTogether).toEqual([['order', 'product_sku']]);
  });

  it('keeps indexes, composite unique indexes, colours and table groups', async () => {
    const { erd } = await shop();
    expect(entity(erd, 'Products')).toMatchObject({
      uniqueTogether: [['title', 'sku']],
      indexes: [{ fields: ['title'], name: 'product_title_idx' }],
    });
    expect(erd.layout).toEqual({
      colors: { Users: '#3498DB' },
      groups: [{ name: 'sales', entities: ['Orders', 'OrderLines'], color: '#ff0000' }],
    });
    expect(erd.project.apps).toBeUndefined();
  });

  it('offers TableGroups as Django apps when asked', async () => {
    const { erd } = await shop(true);
    expect(erd.project.apps).toEqual(['core', 'sales']);
    expect(entity(erd, 'Orders')?.app).toBe('sales');
    expect(entity(erd, 'Users')?.app).toBeUndefined();
  });

  it('refuses malformed DBML with the parser message at line:column', async () => {
    const result = await importErdFile('Table users {\n  id int [pk\n  name varchar\n}\n', 'broken.dbml');
    expect(result.erd).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: ERD_CODES.schemaSyntax,
      file: 'broken.dbml',
      line: 4,
      column: 1,
    });
    expect(result.diagnostics[0]?.message).toMatch(/^The DBML does not parse: /);
  });

  it('falls back to the legacy parser for files only it reads (bare numeric enum values)', async () => {
    const result = await importErdFile(
      'enum level {\n  1\n  2\n}\nTable t {\n  id int [pk]\n  level level\n}\n',
      'old.dbml',
    );
    expect(result.erd?.entities[0]?.fields).toEqual([
      { name: 'level', type: 'enum', choices: [{ value: '1' }, { value: '2' }], nullable: true, required: false },
    ]);
  });

  it('keeps what the DBML states over what the names suggest: not null, delete actions', async () => {
    const result = await importErdFile(
      'Table users {\n  id int [pk]\n}\nTable tasks {\n  id int [pk]\n' +
        '  assignee_id int [not null, ref: > users.id]\n  reviewer_id int [ref: > users.id, not null]\n' +
        '  coupon_id int [not null]\n}\nTable coupons {\n  id int [pk]\n}\n' +
        'Ref: tasks.coupon_id > coupons.id [delete: cascade]\n',
      'tasks.dbml',
    );
    const rel = (name: string) => result.erd?.relations.find((r) => r.from === 'Tasks' && r.name === name);
    // "assignee" and "coupon" read as optional links, but the columns are declared not null.
    expect(rel('assignee')).toMatchObject({ nullable: false, onDelete: 'PROTECT' });
    expect(rel('coupon')).toMatchObject({ nullable: false, onDelete: 'CASCADE' });
    expect(rel('reviewer')).toMatchObject({ nullable: false, onDelete: 'PROTECT' });
    expect(result.diagnostics.filter((d) => d.code === ERD_CODES.fieldInferred)).toEqual([]);
  });

  it('runs the ERD validator on the imported model', async () => {
    const result = await importErdFile('Table a {\n  id int [pk]\n  b_id int [ref: > missing.id]\n}\n', 'a.dbml');
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('DBML types without arguments', () => {
  it('reads `decimal` and `varchar` with no arguments as the defaults, not as a precision or length of 0', async () => {
    const result = await importErdFile(
      'Table "payment" {\n  "id" int [pk]\n  "amount" decimal\n  "memo" varchar\n}\n',
      'p.dbml',
    );
    expect(result.erd?.entities[0]?.fields).toEqual([
      expect.objectContaining({ name: 'amount', type: 'decimal', maxDigits: 19, decimalPlaces: 4 }),
      expect.objectContaining({ name: 'memo', type: 'text' }),
    ]);
  });
});

describe('DBML references from key columns', () => {
  it('are required: the columns of a composite primary key are NOT NULL', async () => {
    const dbml =
      'Table hands {\n  id int [pk]\n}\nTable cards {\n  id int [pk]\n}\nTable hands_to_cards {\n' +
      '  hands_id int [pk, ref: > hands.id]\n  cards_id int [pk, ref: > cards.id]\n  exposed boolean\n}\n';
    const result = await importErdFile(dbml, 'h.dbml');
    const links = result.erd?.relations.filter((r) => r.kind === 'manyToOne') ?? [];
    expect(links.map((r) => [r.name, r.nullable === true])).toEqual([
      ['hands', false],
      ['cards', false],
    ]);
  });
});

describe('DBML keys other than an integer id, and join tables Django could have made', () => {
  const DBML = [
    'Table country {\n  code "char(3)" [pk]\n  name varchar(60) [not null]\n}',
    'Table artist {\n  ArtistId int [pk, increment]\n  name varchar(80) [not null]\n  country_code "char(3)" [ref: > country.code]\n}',
    'Table genre {\n  genre_no int [pk]\n  label varchar(40) [not null]\n}',
    'Table artist_genre {\n  artist_id int [pk, ref: > artist.ArtistId]\n  genre_id int [pk, ref: > genre.genre_no]\n}',
  ].join('\n');

  it('makes each key the primary key (numbered or supplied) and keeps the join table by name', async () => {
    const result = await importErdFile(DBML, 'records.dbml');
    if (result.erd === null) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.erd.entities.map((e) => [e.name, e.fields[0]])).toEqual([
      ['Country', { name: 'code', type: 'string', maxLength: 3, primaryKey: true }],
      ['Artist', { name: 'artist_id', type: 'integer', primaryKey: true, autoIncrement: true, dbColumn: 'ArtistId' }],
      ['Genre', { name: 'genre_no', type: 'integer', primaryKey: true }],
    ]);
    expect(result.erd.relations).toEqual([
      expect.objectContaining({ name: 'country_code', kind: 'manyToOne', from: 'Artist', to: 'Country' }),
      {
        name: 'genres',
        kind: 'manyToMany',
        from: 'Artist',
        to: 'Genre',
        dbTable: 'artist_genre',
        relatedName: 'artists',
      },
    ]);
    const notes = result.diagnostics
      .filter((d) => d.code === ERD_CODES.keyMapped)
      .map((d) => `${d.line}: ${d.message}`);
    expect(notes).toEqual([
      '2: country.code is the primary key; it becomes the model\'s key (primary_key=True), which a client supplies when it creates a row (no extra "id").',
      '6: artist.ArtistId is the primary key; the database numbers new rows, so it becomes an AutoField with primary_key=True (no extra "id").',
      '11: genre.genre_no is the primary key; it becomes the model\'s key (primary_key=True), which a client supplies when it creates a row (no extra "id").',
      '14: artist_genre has the composite primary key (artist_id, genre_id); it becomes unique together and Django adds its own "id" key.',
      '14: The join table "artist_genre" becomes the many-to-many relation Artist.genres, which keeps the table (db_table "artist_genre").',
    ]);
  });
});
