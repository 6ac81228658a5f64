/**
 * Models whose primary key is a field of their own (`primaryKey`), as the SQL and DBML importers
 * make them: the model field, the serializer that takes a supplied key on create only, the
 * ViewSet's ordering and lookup, the admin's first column, a join table kept by name, and the
 * generated tests that read the key under its own name. Exact text, so each line can fail.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../src-shared/erd/model';
import { keyedErd } from '../../../../test-support/fixtures/keyed-erd';
import { normalizeErd } from '../../erd';
import { TestDataPlan, valuesFunctionCode } from '../tests/factories';
import { testClassCode } from '../tests/test-cases';
import { listDisplay } from './admin';
import { findEntity, keyName } from './entities';
import { modelClassCode } from './models';
import { serializerClassCode } from './serializers';
import { viewSetClassCode } from './views';

const erd = normalizeErd(keyedErd()).erd;
const entity = (name: string): Entity => findEntity(erd, name, 'test');

describe('a key of its own', () => {
  it('is the model field with primary_key=True: AutoField/BigAutoField when numbered, no extra id', () => {
    expect(modelClassCode(erd, 'core', entity('Country'))).toContain(
      `    code = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=60)

    class Meta:
        ordering = ['-code']`,
    );
    expect(modelClassCode(erd, 'core', entity('Artist'))).toContain(
      `    artist_id = models.AutoField(primary_key=True, db_column="ArtistId")`,
    );
    expect(modelClassCode(erd, 'core', entity('Genre'))).toContain(
      `    genre_no = models.IntegerField(primary_key=True)`,
    );
    expect(modelClassCode(erd, 'core', entity('Play'))).toContain(
      `    play_id = models.BigAutoField(primary_key=True)`,
    );
    expect(modelClassCode(erd, 'core', entity('Playlist'))).toContain(`        ordering = ['-id']`);
  });

  it('keeps a named join table on the many-to-many field', () => {
    expect(modelClassCode(erd, 'core', entity('Playlist'))).toContain(
      `    artists = models.ManyToManyField('Artist', related_name='playlists', blank=True, db_table="playlist_artist")`,
    );
    expect(modelClassCode(erd, 'core', entity('Artist'))).toContain(
      `    genres = models.ManyToManyField('Genre', related_name='artists', blank=True)`,
    );
  });

  it('is written on create and read-only on update when the client supplies it', () => {
    expect(serializerClassCode(erd, entity('Country'))).toBe(`class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ['code', 'name']

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:
            fields['code'].read_only = True  # the primary key is chosen on create and never changes
        return fields`);
    // A numbered key is an AutoField, which DRF makes read-only by itself.
    expect(serializerClassCode(erd, entity('Artist'))).toBe(`class ArtistSerializer(serializers.ModelSerializer):
    class Meta:
        model = Artist
        fields = ['artist_id', 'name', 'country', 'genres']`);
  });

  it('orders lists, widens the lookup for text keys, and leads the admin changelist', () => {
    const country = viewSetClassCode(erd, entity('Country'));
    expect(country).toContain(`    lookup_value_regex = '[^/]+'  # keys may hold dots`);
    expect(country).toContain(`    ordering_fields = ['code', 'name']\n    ordering = ['-code']`);
    const genre = viewSetClassCode(erd, entity('Genre'));
    expect(genre).not.toContain('lookup_value_regex');
    expect(genre).toContain(`    ordering_fields = ['genre_no', 'label']\n    ordering = ['-genre_no']`);
    expect(listDisplay(entity('Artist'))).toEqual(['artist_id', 'name']);
    expect(erd.entities.map(keyName)).toEqual(['code', 'artist_id', 'genre_no', 'play_id', 'id']);
  });

  it('names the key in the generated tests, which read responses by it', () => {
    const plan = new TestDataPlan(erd);
    const model = (e: Entity): string => e.name;
    const country = testClassCode(erd, plan, entity('Country'), model, false);
    expect(country).toContain(`    pk_field = 'code'\n`);
    expect(country).toContain(`    expected_fields = {'code', 'name'}\n`);
    expect(country).toContain(`    echoed_fields = ('name',)\n`);
    expect(testClassCode(erd, plan, entity('Playlist'), model, false)).not.toContain('pk_field');
    // Rows get a fresh supplied key each; the numbered key is left to the database.
    expect(valuesFunctionCode(plan, entity('Genre'))).toContain("'genre_no': 1 + n,");
    expect(valuesFunctionCode(plan, entity('Artist'))).not.toContain('artist_id');
    // A char(3) code is too short for a row number: its last three hexadecimal digits.
    expect(valuesFunctionCode(plan, entity('Country'))).toContain("'code': f'{n:03x}'[-3:],");
  });
});
