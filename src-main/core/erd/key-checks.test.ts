/**
 * An entity's own primary key (`primaryKey`, `autoIncrement`) and a many-to-many's join table
 * (`dbTable`): what the validator accepts and every problem it names, with its path.
 */
import { describe, expect, it } from 'vitest';
import type { Erd, Field } from '../../../src-shared/erd/model';
import { keyedErd } from '../../../test-support/fixtures/keyed-erd';
import { normalizeErd, validateErd } from './index';

const rows = (erd: Erd) => validateErd(erd).map((d) => [d.code, d.path, d.message]);

function withCountryFields(...fields: Field[]): Erd {
  const erd = keyedErd();
  erd.entities[0] = { ...erd.entities[0]!, fields };
  return erd;
}

describe('validateErd: primary keys of their own', () => {
  it('accepts text, numbered and supplied integer keys, and ordering by them', () => {
    const erd = keyedErd();
    erd.entities[0]!.ordering = ['code'];
    expect(validateErd(normalizeErd(erd).erd)).toEqual([]);
  });

  it('refuses two keys, a nullable key, a key of a type no key has, and a field "id" beside the key', () => {
    const erd = withCountryFields(
      { name: 'code', type: 'string', maxLength: 3, primaryKey: true, nullable: true },
      { name: 'flag', type: 'boolean', primaryKey: true },
      { name: 'id', type: 'string' },
    );
    expect(rows(erd)).toEqual(
      expect.arrayContaining([
        [
          'erd.conflicting-options',
          'entities.Country.fields.flag.primaryKey',
          'Country has more than one primary key field ("code", "flag"); a Django model has one. Make the others unique and list them in uniqueTogether.',
        ],
        [
          'erd.conflicting-options',
          'entities.Country.fields.code.nullable',
          'Country.code is the primary key, so it cannot be nullable.',
        ],
        [
          'erd.option-not-applicable',
          'entities.Country.fields.flag.primaryKey',
          'Country.flag: a boolean field cannot be the primary key.',
        ],
        [
          'erd.conflicting-options',
          'entities.Country.fields.code.primaryKey',
          'Country.code is the primary key, but Country also has a field named "id", which Django would take as the key too. Rename that field.',
        ],
      ]),
    );
  });

  it('refuses autoIncrement on a text key or on a field that is not the key', () => {
    const erd = withCountryFields(
      { name: 'code', type: 'string', maxLength: 3, primaryKey: true, autoIncrement: true },
      { name: 'rank', type: 'integer', autoIncrement: true },
    );
    expect(rows(erd)).toEqual([
      [
        'erd.option-not-applicable',
        'entities.Country.fields.code.autoIncrement',
        'Country.code: autoIncrement applies only to an integer or bigInteger primary key.',
      ],
      [
        'erd.option-not-applicable',
        'entities.Country.fields.rank.autoIncrement',
        'Country.rank: autoIncrement applies only to an integer or bigInteger primary key.',
      ],
    ]);
  });

  it('refuses ordering by Django\'s "id" on a model that has a key of its own', () => {
    const erd = keyedErd();
    erd.entities[0]!.ordering = ['-id'];
    expect(rows(erd)).toEqual([
      ['erd.unknown-field', 'entities.Country.ordering[0]', 'ordering names "id", but it is not a field of Country.'],
    ]);
  });
});

describe('validateErd: join tables of many-to-many relations (dbTable)', () => {
  it('refuses a join table name on a relation that has none, a bad name, and a table an entity uses', () => {
    const erd = keyedErd();
    erd.relations[0] = { ...erd.relations[0]!, dbTable: 'artist_country' };
    erd.relations[2] = { ...erd.relations[2]!, dbTable: 'artist' };
    erd.relations[3] = { ...erd.relations[3]!, dbTable: 'play"list' };
    expect(rows(erd)).toEqual([
      [
        'erd.invalid-value',
        'relations.Artist.country.dbTable',
        'Artist.country has no join table of its own (it is not a many-to-many relation without a through entity), so dbTable does not apply.',
      ],
      [
        'erd.duplicate-name',
        'relations.Artist.genres.dbTable',
        'Artist.genres and Artist both use the table "artist".',
      ],
      [
        'erd.invalid-value',
        'relations.Playlist.artists.dbTable',
        'The join table name "play\\"list" of Playlist.artists contains a quote or a backslash.',
      ],
    ]);
  });
});
