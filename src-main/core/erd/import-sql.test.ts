/**
 * SQL DDL import: PostgreSQL through libpg-query (pg_dump shapes: ALTER TABLE keys, enums,
 * domains, comments, skipped statements), MySQL, SQLite and SQL Server through @dbml/core, join
 * tables, format detection, and syntax errors at their line:column.
 */
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { detectSourceFormat, ERD_CODES, importErdFile } from './index';

const PG_DUMP = `--
-- PostgreSQL database dump
--
\\connect shop
SET statement_timeout = 0;
CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'PG-13');
CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901);
CREATE SEQUENCE public.author_id_seq START WITH 1;
CREATE TABLE public.author (
    id integer DEFAULT nextval('public.author_id_seq'::regclass) NOT NULL,
    name character varying(80) NOT NULL,
    born public.year,
    mood public.mood DEFAULT 'happy'::public.mood NOT NULL,
    joined timestamp with time zone DEFAULT now() NOT NULL,
    photo bytea,
    CONSTRAINT name_not_empty CHECK (name <> '')
);
CREATE TABLE public.book (
    isbn char(13) NOT NULL,
    title text NOT NULL,
    author_id integer,
    price numeric(6,2) DEFAULT 9.99,
    "class" text
);
CREATE TABLE public.book_author (
    book_isbn char(13) NOT NULL REFERENCES public.book (isbn) ON DELETE CASCADE,
    author_id integer NOT NULL REFERENCES public.author ON DELETE CASCADE,
    PRIMARY KEY (book_isbn, author_id)
);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
COPY public.author (id, name) FROM stdin;
\\.
ALTER TABLE ONLY public.author ADD CONSTRAINT author_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.book ADD CONSTRAINT book_pkey PRIMARY KEY (isbn);
ALTER TABLE ONLY public.book ADD CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES public.author(id) ON DELETE SET NULL;
ALTER TABLE public.book ADD COLUMN pages integer;
CREATE UNIQUE INDEX book_title_key ON public.book USING btree (title);
CREATE INDEX book_lower_title ON public.book (lower(title));
COMMENT ON TABLE public.author IS 'People who write';
COMMENT ON COLUMN public.book.title IS 'As printed';
`;

async function imported(text: string, file: string): Promise<{ erd: Erd; messages: string[] }> {
  const result = await importErdFile(text, file);
  if (result.erd === null) throw new Error(JSON.stringify(result.diagnostics, null, 1));
  return { erd: result.erd, messages: result.diagnostics.map((d) => `${d.line ?? '-'}: ${d.message}`) };
}

const entity = (erd: Erd, name: string) => erd.entities.find((e) => e.name === name);

describe('PostgreSQL import (libpg-query)', () => {
  it('reads a pg_dump: types, domains, enums, defaults, keys added by ALTER TABLE, comments', async () => {
    const { erd } = await imported(PG_DUMP, 'shop.sql');
    expect(erd.project.name).toBe('shop');
    expect(entity(erd, 'Author')).toEqual({
      name: 'Author',
      dbTable: 'author',
      description: 'People who write',
      fields: [
        { name: 'name', type: 'string', maxLength: 80 },
        { name: 'born', type: 'integer', nullable: true, required: false },
        {
          name: 'mood',
          type: 'enum',
          choices: [{ value: 'happy' }, { value: 'sad' }, { value: 'PG-13' }],
          default: 'happy',
        },
        { name: 'joined', type: 'datetime', autoNowAdd: true },
        { name: 'photo', type: 'text', nullable: true, required: false },
      ],
    });
    expect(entity(erd, 'Book')?.fields).toEqual([
      { name: 'isbn', type: 'string', maxLength: 13, primaryKey: true },
      { name: 'title', type: 'text', unique: true, helpText: 'As printed' },
      {
        name: 'price',
        type: 'decimal',
        maxDigits: 6,
        decimalPlaces: 2,
        nullable: true,
        required: false,
        default: 9.99,
        // No CHECK on price in the dump: the normalizer infers MinValueValidator(0) from the name.
        min: 0,
      },
      { name: 'class_field', type: 'text', nullable: true, required: false, dbColumn: 'class' },
      { name: 'pages', type: 'integer', nullable: true, required: false },
    ]);
    // book_author's columns are not Django's (book_id, author_id): it stays the through entity.
    expect(erd.relations).toEqual([
      expect.objectContaining({ name: 'book_isbn', kind: 'manyToOne', from: 'BookAuthor', to: 'Book' }),
      expect.objectContaining({ name: 'author', kind: 'manyToOne', from: 'BookAuthor', to: 'Author' }),
      expect.objectContaining({
        name: 'author',
        kind: 'manyToOne',
        from: 'Book',
        to: 'Author',
        nullable: true,
        onDelete: 'SET_NULL',
      }),
      expect.objectContaining({
        name: 'authors',
        kind: 'manyToMany',
        from: 'Book',
        to: 'Author',
        through: 'BookAuthor',
      }),
    ]);
    expect(entity(erd, 'BookAuthor')).toMatchObject({ dbTable: 'book_author', fields: [] });
  });

  it('reports skipped statements once, and each approximation and unmapped construct at its line', async () => {
    const { messages } = await imported(PG_DUMP, 'shop.sql');
    expect(messages).toEqual(
      expect.arrayContaining([
        "-: 6 statements that do not define the schema's tables were skipped (1 VariableSet, 1 CreateSeq, 1 CreateFunction, 1 Copy, 2 psql meta-commands).",
        '16: The check constraint on author is not modelled by the ERD; it is skipped.',
        '15: author.photo: the binary type bytea becomes a text field.',
        '19: book.isbn: the fixed-length bpchar(13) becomes a variable-length string.',
        '19: book.isbn is the primary key; it becomes the model\'s key (primary_key=True), which a client supplies when it creates a row (no extra "id").',
        '25: The join table "book_author" links Book and Author through the columns (book_isbn, author_id), where Django\'s own join table would have (book_id, author_id), so it stays the entity "BookAuthor" and is the through model of Book.authors.',
        '23: book.class becomes "class_field": "class" is not usable as a Python or Django name.',
        '38: The index "book_lower_title" on book(expression) uses an expression or a column Django does not model; it is skipped.',
      ]),
    );
    expect(messages.filter((m) => m.includes('were skipped'))).toHaveLength(1);
  });

  it("refuses a syntax error with PostgreSQL's message at its line:column", async () => {
    const result = await importErdFile('CREATE TABLE a (\n  id int PRIMARY KEY,\n  name text,,\n);\n', 'bad.sql');
    expect(result.erd).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        code: ERD_CODES.schemaSyntax,
        message: 'The PostgreSQL DDL does not parse: syntax error at or near ",".',
        file: 'bad.sql',
        line: 3,
        column: 13,
      },
    ]);
  });
});

describe('MySQL, SQLite and SQL Server import (@dbml/core)', () => {
  it('reads MySQL: backticks, AUTO_INCREMENT, inline ENUM, COMMENT escapes, UNIQUE KEY → one-to-one', async () => {
    const sql =
      "CREATE TABLE `store` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `name` varchar(50) NOT NULL COMMENT 'the shop\\'s name',\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n" +
      "CREATE TABLE `manager` (\n  `id` int NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  `store_id` int NOT NULL,\n  `level` ENUM('junior','senior') NOT NULL DEFAULT 'junior',\n  UNIQUE KEY `uq_store` (`store_id`),\n  CONSTRAINT `fk_store` FOREIGN KEY (`store_id`) REFERENCES `store` (`id`)\n);\n";
    const { erd } = await imported(sql, 'shop.sql');
    expect(entity(erd, 'Store')?.fields).toEqual([
      { name: 'name', type: 'string', maxLength: 50, helpText: "the shop's name" },
    ]);
    // "Manager" is Django's manager class, so the model is renamed.
    expect(entity(erd, 'ManagerModel')?.fields).toEqual([
      { name: 'level', type: 'enum', choices: [{ value: 'junior' }, { value: 'senior' }], default: 'junior' },
    ]);
    expect(erd.relations).toEqual([
      expect.objectContaining({
        name: 'store',
        kind: 'oneToOne',
        from: 'ManagerModel',
        to: 'Store',
        onDelete: 'PROTECT',
      }),
    ]);
  });

  it('reads SQLite DDL named as such, and SQL Server DDL', async () => {
    const sqlite = await imported(
      'CREATE TABLE [Artist] (\n  [ArtistId] INTEGER NOT NULL,\n  [Name] NVARCHAR(120),\n  CONSTRAINT [PK_Artist] PRIMARY KEY ([ArtistId])\n);\n',
      'chinook.sqlite.sql',
    );
    expect(entity(sqlite.erd, 'Artist')?.fields).toEqual([
      // SQLite numbers an INTEGER PRIMARY KEY itself (the rowid): an AutoField keeps the column.
      { name: 'artist_id', type: 'integer', primaryKey: true, autoIncrement: true, dbColumn: 'ArtistId' },
      { name: 'name', type: 'string', maxLength: 120, nullable: true, required: false, dbColumn: 'Name' },
    ]);
    const mssql = await imported(
      'CREATE TABLE [dbo].[Genre] (\n  [GenreId] INT IDENTITY(1,1) NOT NULL PRIMARY KEY,\n  [Name] NVARCHAR(120) NULL\n);\nGO\n',
      'genre.sql',
    );
    expect(mssql.erd.entities.map((e) => [e.name, e.dbTable])).toEqual([['Genre', 'Genre']]);
    expect(mssql.erd.entities[0]?.fields[0]).toEqual({
      name: 'genre_id',
      type: 'integer',
      primaryKey: true,
      autoIncrement: true,
      dbColumn: 'GenreId',
    });
  });

  it('refuses MySQL it cannot parse with the line', async () => {
    const result = await importErdFile('CREATE TABLE `a` (\n  `id` int,\n  KEY ((`id`\n);\n', 'a.mysql.sql');
    expect(result.erd).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({
      code: ERD_CODES.schemaSyntax,
      file: 'a.mysql.sql',
      line: expect.any(Number),
    });
    expect(result.diagnostics[0]?.message).toMatch(/^The MySQL DDL does not parse: /);
  });
});

describe('format detection', () => {
  it('uses the extension, then the content, and --from wins', () => {
    expect(detectSourceFormat('{}', 'erd.json')).toBe('json');
    expect(detectSourceFormat('Table a {}', 'schema.dbml')).toBe('dbml');
    expect(detectSourceFormat('CREATE TABLE a (id int);', 'schema.sql')).toBe('postgres');
    expect(detectSourceFormat('CREATE TABLE `a` (id int) ENGINE=InnoDB;', 'schema.sql')).toBe('mysql');
    expect(detectSourceFormat('CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);', 'schema.sql')).toBe('sqlite');
    expect(detectSourceFormat('CREATE TABLE [dbo].[a] (id int)\nGO\n', 'schema.sql')).toBe('mssql');
    expect(detectSourceFormat('CREATE TABLE a (id int);', 'dump.mysql.sql')).toBe('mysql');
    expect(detectSourceFormat('-- dump\nCREATE TABLE a (id int);', 'schema.txt')).toBe('postgres');
    expect(detectSourceFormat('  {"format": "djforge-erd"}', 'erd')).toBe('json');
    expect(detectSourceFormat('Table a {\n id int\n}', 'schema.txt')).toBe('dbml');
    expect(detectSourceFormat('CREATE TABLE a (id int);', 'schema.sql', 'mysql')).toBe('mysql');
  });
});
