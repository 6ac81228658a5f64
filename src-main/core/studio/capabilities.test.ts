import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CapabilityTable, confinePath, createConfinement, systemFolders, type PathConfinement } from './capabilities';
import { placeOnly, readErdText } from './documents';

let base: string;
let root: string;
let confinement: PathConfinement;

beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'djf-caps-')));
  root = path.join(base, 'root');
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await mkdir(path.join(base, 'out'));
  await symlink(path.join(base, 'out'), path.join(root, 'escape'));
  confinement = await createConfinement([root], [path.join(root, 'data')]);
});

describe('CapabilityTable', () => {
  it('grants one stable opaque id per path and kind, and resolves only what it granted', () => {
    const table = new CapabilityTable();
    const id = table.grant('erd', '/home/a/shop.json');
    expect(id).toMatch(/^[\w-]{24}$/);
    expect(id).not.toContain('shop');
    expect(table.grant('erd', '/home/a/shop.json')).toBe(id);
    expect(table.grant('folder', '/home/a/shop.json')).not.toBe(id);
    expect(table.resolve(id, 'erd')).toBe('/home/a/shop.json');
    expect(() => table.resolve(id, 'folder')).toThrow('Refused: this folder was not chosen in this session');
    expect(() => new CapabilityTable().resolve(id, 'erd')).toThrow('Refused: this file was not chosen in this session');
  });
});

describe('path confinement', () => {
  it('refuses unusable roots with the reason', async () => {
    await expect(createConfinement(['/'], [])).rejects.toThrow(
      'The root / cannot be used: the whole file system cannot be a root.',
    );
    await expect(createConfinement(['/etc'], [])).rejects.toThrow(
      'it is, or is inside, or holds a system folder (/etc)',
    );
    await expect(createConfinement([path.join(root, 'data')], [path.join(root, 'data')])).rejects.toThrow(
      'it does not exist',
    );
    await expect(createConfinement([], [])).rejects.toThrow('At least one root folder is needed.');
  });

  it('accepts new files deep inside a root and returns the real path', async () => {
    expect(await confinePath(confinement, path.join(root, 'sub', 'new', 'x.json'), 'the file')).toBe(
      path.join(root, 'sub', 'new', 'x.json'),
    );
  });

  it('refuses climbing out, links out (even to files not yet there), protected and system folders', async () => {
    const cases: Array<[string, RegExp]> = [
      [path.join(root, '..', 'out', 'x.json'), /is outside the folders this server may use;/],
      [
        path.join(root, 'escape', 'x.json'),
        /is outside the folders this server may use \(it leads to .*out\/x\.json\)/,
      ],
      [path.join(root, 'escape', 'deeper', 'new.json'), /it leads to/],
      [path.join(root, 'data', 'settings.json'), /is inside a protected folder/],
      ['/etc/shadow', /is inside a protected folder \(\/etc\)/],
      ['relative.json', /is not a full path/],
    ];
    for (const [given, message] of cases)
      await expect(confinePath(confinement, given, 'the file'), given).rejects.toThrow(message);
  });

  it('knows the usual system folders of each platform', () => {
    expect(systemFolders('linux')).toEqual(
      expect.arrayContaining(['/etc', '/proc', '/sys', '/dev', '/usr', '/bin', '/boot', '/var']),
    );
    expect(systemFolders('darwin')).toEqual(expect.arrayContaining(['/System', '/Library', '/etc']));
  });
});

describe('reading an ERD file', () => {
  it('refuses a file over the size limit without reading it, and names missing files and folders', async () => {
    const big = path.join(root, 'big.json');
    await writeFile(big, 'x'.repeat(4096));
    await expect(readErdText(big, { maxBytes: 2048, timeoutMs: 1000 })).rejects.toThrow(
      `Cannot open ${big}: it is larger than 2 KiB.`,
    );
    expect(await readErdText(big, { maxBytes: 8192, timeoutMs: 1000 })).toHaveLength(4096);
    await expect(readErdText(path.join(root, 'none.json'))).rejects.toThrow('the file does not exist.');
    await mkdir(path.join(root, 'dir.sql'));
    await expect(readErdText(path.join(root, 'dir.sql'))).rejects.toThrow('it is a folder.');
  });

  it('keeps only the place and the kind of each problem', () => {
    expect(
      placeOnly([
        {
          severity: 'error',
          code: 'erd.unknown-type',
          message: 'Unknown field type "hunter2"',
          path: 'a.b',
          line: 3,
          column: 4,
          file: 'x.json',
        },
      ]),
    ).toEqual([
      {
        severity: 'error',
        code: 'erd.unknown-type',
        message:
          'erd.unknown-type: details are not shown for a file opened by path; import it in the page to see them.',
        file: 'x.json',
        line: 3,
        column: 4,
      },
    ]);
  });
});
