/**
 * A database whose tables do not use Django's `id`: a text key (`country.code`), a key SQLite
 * numbers (`artist.ArtistId`, its rowid), a key the client supplies (`genre.genre_no`) and a join
 * table with a composite key (`artist_genre`). The test creates it with SQLite from the DDL, fills
 * it, generates the project from the same DDL, lets `migrate --fake-initial` accept the tables as
 * they are, and then reads and writes real rows through the generated API: the list, one row by
 * its text key, a POST that supplies a text key, a POST that lets the database number the row and
 * links it through the join table. What the API wrote is read back with SQLite itself.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../generate';
import { findDjangoPython, runManage } from '../runtime';
import { importErdFile } from './index';

const DDL = `CREATE TABLE country (
  code VARCHAR(3) NOT NULL PRIMARY KEY,
  name VARCHAR(60) NOT NULL
);
CREATE TABLE artist (
  "ArtistId" INTEGER NOT NULL PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  country VARCHAR(3) NOT NULL REFERENCES country (code)
);
CREATE TABLE genre (
  genre_no INT NOT NULL PRIMARY KEY,
  label VARCHAR(40) NOT NULL
);
CREATE TABLE artist_genre (
  artist_id INTEGER NOT NULL REFERENCES artist ("ArtistId"),
  genre_id INT NOT NULL REFERENCES genre (genre_no),
  PRIMARY KEY (artist_id, genre_id)
);
`;

const ROWS = [
  `INSERT INTO country VALUES ('PRT', 'Portugal'), ('BRA', 'Brazil')`,
  `INSERT INTO artist VALUES (1, 'Amália Rodrigues', 'PRT')`,
  `INSERT INTO genre VALUES (10, 'Fado'), (20, 'Bossa nova')`,
  `INSERT INTO artist_genre VALUES (1, 10)`,
];

/** Through the generated API as a superuser (Django's test client, no server): prints JSON. */
const API_SCRIPT = `
import json
from django.contrib.auth import get_user_model
from django.urls import reverse
from rest_framework.test import APIClient
admin = get_user_model().objects.create_superuser('admin', 'admin@example.com', 'not-used-9')
api = APIClient(HTTP_HOST='localhost')
api.force_authenticate(user=admin)
out = {}
listed = api.get(reverse('core:country-list'), {'ordering': 'code'})
out['list'] = [listed.status_code, [dict(row) for row in listed.data['results']]]
one = api.get(reverse('core:country-detail', kwargs={'pk': 'PRT'}))
out['one'] = [one.status_code, dict(one.data)]
made = api.post(reverse('core:country-list'), {'code': 'ESP', 'name': 'Spain'}, format='json')
out['supplied'] = [made.status_code, dict(made.data)]
again = api.post(reverse('core:country-list'), {'code': 'ESP', 'name': 'Spain again'}, format='json')
out['duplicate'] = [again.status_code, sorted(again.data)]
renamed = api.put(reverse('core:country-detail', kwargs={'pk': 'ESP'}), {'code': 'XXX', 'name': 'España'}, format='json')
out['renamed'] = [renamed.status_code, dict(renamed.data)]
artist = api.post(reverse('core:artist-list'), {'name': 'Caetano Veloso', 'country': 'BRA', 'genres': [20, 10]}, format='json')
out['numbered'] = [artist.status_code, dict(artist.data)]
amalia = api.get(reverse('core:artist-detail', kwargs={'pk': 1}))
out['artist'] = [amalia.status_code, dict(amalia.data)]
print(json.dumps(out))
`;

const django = await findDjangoPython();
let dir = '';
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-existing-keys-'));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

describe('an existing database whose keys are not "id"', () => {
  it('imports each key as the primary key and the join table as a many-to-many that keeps it', async () => {
    const result = await importErdFile(DDL, 'records.sqlite.sql');
    if (result.erd === null) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.erd.entities.map((e) => [e.name, e.dbTable, e.fields[0]])).toEqual([
      ['Country', 'country', { name: 'code', type: 'string', maxLength: 3, primaryKey: true }],
      [
        'Artist',
        'artist',
        { name: 'artist_id', type: 'integer', primaryKey: true, autoIncrement: true, dbColumn: 'ArtistId' },
      ],
      ['Genre', 'genre', { name: 'genre_no', type: 'integer', primaryKey: true }],
    ]);
    expect(result.erd.relations.find((r) => r.kind === 'manyToMany')).toMatchObject({
      name: 'genres',
      from: 'Artist',
      to: 'Genre',
      dbTable: 'artist_genre',
    });
  });

  it.skipIf(django === null)(
    'maps the generated project onto it and serves its rows',
    { timeout: 180_000 },
    async () => {
      const result = await importErdFile(DDL, 'records.sqlite.sql');
      if (result.erd === null) throw new Error(JSON.stringify(result.diagnostics));
      const project = path.join(dir, 'project');
      for (const file of generateProject(result.erd)) {
        await fs.mkdir(path.dirname(path.join(project, file.path)), { recursive: true });
        await fs.writeFile(path.join(project, file.path), file.content);
      }
      const python = django?.python ?? 'python3';
      const db = path.join(dir, 'records.sqlite3');
      const sqlite = (code: string) =>
        spawnSync(python, ['-c', `import sqlite3, sys, json\n${code}`, db], { encoding: 'utf8' });
      const seeded = sqlite(
        `c = sqlite3.connect(sys.argv[1])\nc.executescript(${JSON.stringify(DDL)})\n` +
          ROWS.map((r) => `c.execute(${JSON.stringify(r)})`).join('\n') +
          '\nc.commit()',
      );
      expect(seeded.status, seeded.stderr).toBe(0);
      const env = { DJANGO_DEBUG: 'True', DATABASE_URL: `sqlite:///${db}` };
      const made = await runManage(python, project, ['makemigrations'], { env });
      expect(made.code, made.stderr).toBe(0);
      const migrated = await runManage(python, project, ['migrate', '--fake-initial'], { env });
      expect(migrated.code, migrated.stderr + migrated.stdout).toBe(0);
      expect(migrated.stdout).toMatch(/Applying core\.0001_initial\.\.\. FAKED/);

      const api = await runManage(python, project, ['shell', '-c', API_SCRIPT], { env });
      expect(api.code, api.stderr).toBe(0);
      const out = JSON.parse(api.stdout.trim().split('\n').pop() ?? '{}') as Record<string, [number, unknown]>;
      expect(out.list).toEqual([
        200,
        [
          { code: 'BRA', name: 'Brazil' },
          { code: 'PRT', name: 'Portugal' },
        ],
      ]);
      expect(out.one).toEqual([200, { code: 'PRT', name: 'Portugal' }]);
      expect(out.supplied).toEqual([201, { code: 'ESP', name: 'Spain' }]);
      expect(out.duplicate).toEqual([400, ['code']]);
      // The key is chosen on create and never changes: PUT keeps ESP and renames the country.
      expect(out.renamed).toEqual([200, { code: 'ESP', name: 'España' }]);
      expect(out.numbered).toEqual([201, { artist_id: 2, name: 'Caetano Veloso', country: 'BRA', genres: [20, 10] }]);
      expect(out.artist).toEqual([200, { artist_id: 1, name: 'Amália Rodrigues', country: 'PRT', genres: [10] }]);

      const stored = sqlite(
        'c = sqlite3.connect(sys.argv[1])\nq = lambda s: [list(r) for r in c.execute(s)]\n' +
          'print(json.dumps([q("SELECT code, name FROM country ORDER BY code"), q(\'SELECT "ArtistId", name, country FROM artist\'), q("SELECT artist_id, genre_id FROM artist_genre ORDER BY 1, 2")]))',
      );
      expect(stored.status, stored.stderr).toBe(0);
      expect(JSON.parse(stored.stdout)).toEqual([
        [
          ['BRA', 'Brazil'],
          ['ESP', 'España'],
          ['PRT', 'Portugal'],
        ],
        [
          [1, 'Amália Rodrigues', 'PRT'],
          [2, 'Caetano Veloso', 'BRA'],
        ],
        [
          [1, 10],
          [2, 10],
          [2, 20],
        ],
      ]);
    },
  );
});
