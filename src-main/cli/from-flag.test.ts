/**
 * `--from` on `validate-erd` and `generate`: a schema in a file whose name says nothing is read
 * in the language given, and an unknown language is refused with exit 2 before anything is read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../test-support/cli-harness';

const sandbox = cliSandbox('djforge-from-');
const { run } = sandbox;

const DBML = `Table shop_order {\n  id int [pk, increment]\n  ref varchar(20) [not null, unique]\n}\n`;
const MYSQL = 'CREATE TABLE shop_order (id INT PRIMARY KEY, ref VARCHAR(20) NOT NULL UNIQUE);\n';

describe('--from', () => {
  it('reads a .txt file as the language given to validate-erd', async () => {
    await fs.writeFile(path.join(sandbox.dir, 'schema.txt'), MYSQL);
    const dbmlAsked = await run('validate-erd', 'schema.txt', '--from', 'dbml');
    expect(dbmlAsked.code).toBe(2);
    const mysql = await run('validate-erd', 'schema.txt', '--from', 'mysql');
    expect(mysql.stderr).not.toContain('error');
    expect(mysql.code).toBe(0);
    expect(mysql.stdout).toContain('valid mysql ERD');
    expect(mysql.stdout).toContain('1 entities');
  });

  it('generates from a file read with --from', async () => {
    await fs.writeFile(path.join(sandbox.dir, 'model.txt'), DBML);
    const result = await run(
      'generate',
      'model.txt',
      '--from',
      'dbml',
      '--out',
      'api',
      '--no-runtime',
      '--approve',
      'all',
    );
    expect(result.code).toBe(0);
    const models = await fs
      .readFile(path.join(sandbox.dir, 'api', 'model', 'models.py'), 'utf8')
      .catch(async () => fs.readFile(path.join(sandbox.dir, 'api', 'core', 'models.py'), 'utf8'));
    expect(models).toContain('class ShopOrder(models.Model):');
  });

  it('refuses an unknown language with exit 2', async () => {
    const result = await run('validate-erd', 'whatever.txt', '--from', 'oracle');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown --from format "oracle"');
  });
});
