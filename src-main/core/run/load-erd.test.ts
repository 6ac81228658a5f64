import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadErdFile } from './load-erd';

const dir = mkdtempSync(path.join(tmpdir(), 'djforge-load-erd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadErdFile', () => {
  it('imports a file with a byte-order mark and names the project after the file', async () => {
    const file = path.join(dir, 'seed-legacy-library.json');
    writeFileSync(file, '\uFEFF{"Book": {"title": "CharField"}}');
    const result = await loadErdFile(file);
    expect(result.format).toBe('seed-legacy');
    expect(result.erd?.project.name).toBe('library');
    expect(result.diagnostics).toEqual([]);
  });

  it('reports a missing file and a folder by name', async () => {
    const missing = path.join(dir, 'nope.json');
    expect(await loadErdFile(missing)).toEqual({
      erd: null,
      format: null,
      diagnostics: [
        {
          severity: 'error',
          code: 'erd.unreadable',
          message: `Cannot read ${missing}: the file does not exist.`,
          file: 'nope.json',
        },
      ],
    });
    expect((await loadErdFile(dir)).diagnostics[0]?.message).toBe(`Cannot read ${dir}: it is a folder, not a file.`);
  });

  it('rejects text that is not UTF-8', async () => {
    const file = path.join(dir, 'latin1.json');
    writeFileSync(file, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x7b, 0x7d, 0x7d]));
    expect((await loadErdFile(file)).diagnostics).toEqual([
      { severity: 'error', code: 'erd.encoding', message: `${file} is not UTF-8 text.`, file: 'latin1.json' },
    ]);
  });

  it('gives every diagnostic the file name', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{"Job": {"title": "Strin"}}');
    const result = await loadErdFile(file);
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ['bad.json', 1, 10, 'erd.unknown-type'],
    ]);
  });
});
