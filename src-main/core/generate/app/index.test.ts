import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import type { GeneratedFile } from '../types';
import { plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { APP_FILE_KINDS, appFiles, withSharedUnits } from './index';

const PYTHON = '/usr/bin/python3';
const hasPython = existsSync(PYTHON);
if (!hasPython) console.warn(`index.test: ${PYTHON} is missing, so the Python syntax and style checks are skipped`);

/**
 * For every file: CPython's parser, then the lint rules the generator promises — no unused
 * import, lines of at most 119 characters, no trailing whitespace, two blank lines around
 * top-level definitions, never three, exactly one final newline. Prints one problem per line.
 */
const CHECKER = String.raw`
import ast, json, sys
for f in json.load(sys.stdin):
    path, text = f['path'], f['content']
    if text == '':
        continue
    try:
        tree = ast.parse(text, path)
    except SyntaxError as e:
        print(f'{path}:{e.lineno}: syntax error: {e.msg}')
        continue
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                imported[(alias.asname or alias.name).split('.')[0]] = node.lineno
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for name, line in imported.items():
        if name not in used:
            print(f'{path}:{line}: unused import {name}')
    lines = text.split('\n')
    if not text.endswith('\n') or text.endswith('\n\n'):
        print(f'{path}: must end with exactly one newline')
    for i, line in enumerate(lines, 1):
        if len(line) > 119:
            print(f'{path}:{i}: line longer than 119')
        if line != line.rstrip():
            print(f'{path}:{i}: trailing whitespace')
        if i > 3 and line.strip() and all(not lines[i - k - 1].strip() for k in range(1, 4)):
            print(f'{path}:{i}: more than two blank lines before')
    body = tree.body
    for prev, node in zip(body, body[1:]):
        start = min([node.lineno] + [d.lineno for d in getattr(node, 'decorator_list', [])])
        defs = (ast.FunctionDef, ast.ClassDef)
        if isinstance(node, defs) or isinstance(prev, defs):
            if lines[start - 2].strip() or lines[start - 3].strip():
                print(f'{path}:{start}: expected two blank lines before')
`;

function problems(files: readonly GeneratedFile[]): string[] {
  const run = spawnSync(PYTHON, ['-c', CHECKER], { input: JSON.stringify(files), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.split('\n').filter((line) => line.length > 0);
}

describe('appFiles', () => {
  it('returns every per-app file with its path and agent, models included, tests.py not', () => {
    expect(appFiles(shopErd(), 'shop').map((f) => [f.path, f.agent])).toEqual([
      ['shop/__init__.py', 'app-config'],
      ['shop/migrations/__init__.py', 'models'],
      ['shop/apps.py', 'app-config'],
      ['shop/models.py', 'models'],
      ['shop/serializers.py', 'serializers'],
      ['shop/filters.py', 'filters'],
      ['shop/permissions.py', 'permissions'],
      ['shop/views.py', 'views'],
      ['shop/urls.py', 'urls'],
      ['shop/admin.py', 'admin'],
    ]);
    expect(
      appFiles(shopErd(), 'shop')
        .filter((f) => f.path.endsWith('__init__.py'))
        .map((f) => f.content),
    ).toEqual(['', '']);
  });

  it('has no filters.py when filtering is off', () => {
    expect(appFiles(plainErd(), 'core').map((f) => f.path)).not.toContain('core/filters.py');
    expect(APP_FILE_KINDS.filter((k) => !k.wanted(plainErd())).map((k) => k.file)).toEqual(['filters.py']);
  });

  it('is deterministic: the same ERD gives byte-identical files', () => {
    expect(appFiles(shopErd(), 'crm')).toEqual(appFiles(shopErd(), 'crm'));
  });

  it('rejects an app label that is not a Python identifier', () => {
    expect(() => appFiles(shopErd(), 'my-app')).toThrow('Not a Python identifier: "my-app"');
  });

  it.skipIf(!hasPython)(
    'produces files CPython parses, with no unused imports and PEP 8 spacing, for every fixture',
    () => {
      const withEmptyApp: Erd = { ...shopErd(), project: { name: 'shopsite', apps: ['shop', 'crm', 'empty'] } };
      const files = [
        ...appFiles(shopErd(), 'shop'),
        ...appFiles(shopErd(), 'crm'),
        ...appFiles(plainErd(), 'core'),
        ...appFiles(withEmptyApp, 'empty'),
      ];
      expect(files).toHaveLength(39);
      expect(problems(files)).toEqual([]);
    },
  );

  it.skipIf(!hasPython)('the checker itself catches what it promises to', () => {
    const bad = 'import os\nfrom x import y\nvalue = y   \n\nclass A:\n    pass\n\n\n\n\nz = 1\n';
    expect(problems([{ path: 'bad.py', content: bad, agent: 'views' }])).toEqual([
      'bad.py:1: unused import os',
      'bad.py:3: trailing whitespace',
      'bad.py:11: more than two blank lines before',
      'bad.py:5: expected two blank lines before',
    ]);
  });
});

describe('withSharedUnits', () => {
  const models = APP_FILE_KINDS.find((k) => k.file === 'models.py');

  it('computes the units of a kind once per ERD and app inside the call, and afresh outside it', () => {
    if (!models) throw new Error('models.py kind missing');
    const erd = shopErd();
    const [first, second, copy] = withSharedUnits(() => [
      models.units(erd, 'shop'),
      models.units(erd, 'shop'),
      models.units(structuredClone(erd), 'shop'),
    ]);
    expect(first).toEqual(copy);
    expect(first).not.toBe(second);
    expect(first?.[0]).toBe(second?.[0]);
    expect(first?.[0]).not.toBe(copy?.[0]);
    expect(models.units(erd, 'shop')[0]).not.toBe(first?.[0]);
  });

  it('gives the same files as without it, and sees an ERD edited between two calls', () => {
    const erd = shopErd();
    const plain = appFiles(erd, 'shop');
    expect(withSharedUnits(() => appFiles(erd, 'shop'))).toEqual(plain);
    const edited = withSharedUnits(() => appFiles(erd, 'shop'));
    const entity = erd.entities.find((e) => plain.some((f) => f.content.includes(`class ${e.name}(`)))!;
    entity.fields.push({ ...entity.fields[0]!, name: 'added_later' });
    const after = withSharedUnits(() => appFiles(erd, 'shop'));
    expect(after).not.toEqual(edited);
    expect(after).toEqual(appFiles(erd, 'shop'));
  });
});
