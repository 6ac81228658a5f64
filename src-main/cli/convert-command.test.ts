/**
 * `djforge convert`, and `validate-erd` / `generate` reading DBML and SQL directly: formats,
 * --out (atomic, no overwrite without --force), --from, and precise errors with exit 2.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, examples, listing } from '../../test-support/cli-harness';

const sandbox = cliSandbox('djforge-convert-');
const { run } = sandbox;

const DBML = `Table users {\n  id int [pk, increment]\n  email varchar(254) [not null, unique]\n}\nTable posts {\n  id int [pk, increment]\n  title varchar(200) [not null]\n  author_id int [not null, ref: > users.id]\n}\n`;

async function write(name: string, text: string): Promise<string> {
  const file = path.join(sandbox.dir, name);
  await fs.writeFile(file, text);
  return file;
}

describe('djforge convert', () => {
  it('converts DBML to JSON on stdout and SQL to a file', async () => {
    await write('blog.dbml', DBML);
    const json = await run('convert', 'blog.dbml', '--to', 'json');
    expect(json.code).toBe(0);
    const erd = JSON.parse(json.stdout) as { entities: { name: string }[]; relations: { name: string }[] };
    expect(erd.entities.map((e) => e.name)).toEqual(['Users', 'Posts']);
    expect(erd.relations.map((r) => r.name)).toEqual(['author']);
    // DBML gives no delete action, so the importer infers PROTECT (and says so); SQL writes it as NO ACTION.
    expect(json.stderr).toContain(
      'info [erd.on-delete-inferred] relations.Posts.author: Posts.author is on_delete PROTECT',
    );
    const sql = await run('convert', 'blog.dbml', '--to', 'sql', '--out', 'blog.sql');
    expect(sql.code).toBe(0);
    expect(sql.stderr).toContain('Wrote');
    const text = await fs.readFile(path.join(sandbox.dir, 'blog.sql'), 'utf8');
    // The tables keep the DBML's names (dbTable), so the SQL creates the same database.
    expect(text).toContain('CREATE TABLE "posts" (');
    expect(text).toContain('FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE NO ACTION');
    const back = await run('convert', 'blog.sql', '--to', 'mermaid');
    expect(back.stdout).toContain('Users ||--o{ Posts : "author"');
  });

  it('converts an example JSON to every format', async () => {
    for (const to of ['dbml', 'postgres', 'mysql', 'sqlite', 'mermaid', 'json']) {
      const result = await run('convert', path.join(examples, 'seed-v2-jobboard.json'), '--to', to);
      expect(result.code, `${to}: ${result.stderr}`).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(100);
    }
  });

  it('refuses to replace a file without --force', async () => {
    await write('blog.dbml', DBML);
    await write('out.dbml', 'keep me');
    const refused = await run('convert', 'blog.dbml', '--to', 'dbml', '--out', 'out.dbml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists; use --force');
    expect(await fs.readFile(path.join(sandbox.dir, 'out.dbml'), 'utf8')).toBe('keep me');
    expect((await run('convert', 'blog.dbml', '--to', 'dbml', '--out', 'out.dbml', '--force')).code).toBe(0);
    expect(await listing(sandbox.dir)).toEqual(['blog.dbml', 'out.dbml']);
  });

  it('reports a syntax error as file:line:column and exits 2 writing nothing', async () => {
    await write('broken.sql', 'CREATE TABLE a (\n  id int,,\n);\n');
    const result = await run('convert', 'broken.sql', '--to', 'dbml', '--out', 'x.dbml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'broken.sql:2:10: error [erd.schema-syntax] The PostgreSQL DDL does not parse: syntax error at or near ","',
    );
    expect(await listing(sandbox.dir)).toEqual(['broken.sql']);
  });

  it('honours --from and rejects unknown formats and missing arguments', async () => {
    await write('schema.txt', 'CREATE TABLE `a` (`id` int PRIMARY KEY, `n` int);');
    expect((await run('convert', 'schema.txt', '--to', 'json', '--from', 'mysql')).code).toBe(0);
    expect((await run('convert', 'schema.txt', '--to', 'yaml')).stderr).toContain('unknown --to format "yaml"');
    expect((await run('convert', 'schema.txt', '--to', 'json', '--from', 'oracle')).stderr).toContain(
      'unknown --from format "oracle"',
    );
    expect((await run('convert', 'schema.txt')).stderr).toContain('missing --to <format>');
    expect((await run('convert', 'nope.sql', '--to', 'json')).stderr).toContain('does not exist');
    expect((await run('convert', '--help')).stdout).toContain('Usage: djforge convert <erd-file> --to <format>');
  });
});

describe('validate-erd and generate read DBML and SQL', () => {
  it('validates a .sql file and generates a project from a .dbml file', async () => {
    await write('blog.dbml', DBML);
    await write('blog.sql', 'CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL);');
    const valid = await run('validate-erd', 'blog.sql');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('blog.sql: valid postgres ERD — project "blog", 1 entities, 0 relations');
    const generated = await run('generate', 'blog.dbml', '--out', 'api', '--approve', 'all', '--quiet');
    expect(generated.code, generated.stderr).toBe(0);
    const files = await listing(path.join(sandbox.dir, 'api'));
    expect(files).toContain('manage.py');
    const models = await fs.readFile(path.join(sandbox.dir, 'api', 'core', 'models.py'), 'utf8');
    expect(models).toContain('class Posts(models.Model):');
    expect(models).toMatch(/author = models\.ForeignKey\(\s*['"]?Users/);
  });

  it('honour --from and --groups-as-apps, and refuse an unknown format with exit 2', async () => {
    await write('schema.txt', 'CREATE TABLE `a` (`id` int PRIMARY KEY, `n` int);');
    const mysql = await run('validate-erd', 'schema.txt', '--from', 'mysql');
    expect(mysql.code, mysql.stderr).toBe(0);
    expect(mysql.stdout).toContain('schema.txt: valid mysql ERD');
    // Forced to read DBML as PostgreSQL, the parser refuses it at its first line.
    await write('blog.dbml', DBML);
    const forced = await run('validate-erd', 'blog.dbml', '--from', 'postgres');
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/blog\.dbml:1:\d+: error \[erd\.schema-syntax\]/);
    const unknown = await run('generate', 'blog.dbml', '--out', 'api', '--from', 'oracle');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown --from format "oracle" (expected json, dbml, postgres, mysql, sqlite, mssql)',
    );
    await write('groups.dbml', `${DBML}TableGroup blog {\n  posts\n}\n`);
    const grouped = await run(
      'generate',
      'groups.dbml',
      '--out',
      'g',
      '--approve',
      'all',
      '--quiet',
      '--groups-as-apps',
    );
    expect(grouped.code, grouped.stderr).toBe(0);
    expect(await listing(path.join(sandbox.dir, 'g'))).toContain('blog/models.py');
  });
});
