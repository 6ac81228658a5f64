import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { cliSandbox } from '../../../test-support/cli-harness';
import { ERD_LIMITS } from './limits';
import { validateErd } from './validate';

const erd = (patch: Partial<Erd> = {}): Erd => ({
  format: 'djforge-erd',
  version: 1,
  project: { name: 'jobs' },
  entities: [{ name: 'Job', fields: [{ name: 'title', type: 'string' }] }],
  relations: [],
  ...patch,
});
const errors = (e: Erd) => validateErd(e).filter((d) => d.severity === 'error');

describe('ERD size limits', () => {
  it('refuses an over-long project name with a sentence naming it', () => {
    const d = errors(erd({ project: { name: 'p'.repeat(10_000) } }));
    expect(d.map((x) => [x.code, x.path])).toEqual([['erd.too-large', 'project.name']]);
    expect(d[0]?.message).toBe(
      `The project name "${'p'.repeat(40)}…" is 10000 characters long; at most ${ERD_LIMITS.nameLength} are supported.`,
    );
  });

  it('refuses too many entities or fields before checking anything else', () => {
    const many = Array.from({ length: ERD_LIMITS.entities + 1 }, (_, i) => ({
      name: `E${i}`,
      fields: [{ name: 'class', type: 'string' as const }],
    }));
    expect(errors(erd({ entities: many })).map((x) => x.message)).toEqual([
      `The ERD has ${ERD_LIMITS.entities + 1} entities; at most ${ERD_LIMITS.entities} are supported.`,
    ]);
    const wide = Array.from({ length: ERD_LIMITS.fieldsPerEntity + 1 }, (_, i) => ({
      name: `f${i}`,
      type: 'string' as const,
    }));
    expect(errors(erd({ entities: [{ name: 'Job', fields: wide }] })).map((x) => x.path)).toEqual([
      'entities[0].fields',
    ]);
  });

  it('refuses an over-long text wherever it is, but not in the diagram layout', () => {
    const long = 'x'.repeat(ERD_LIMITS.textLength + 1);
    const d = errors(
      erd({
        entities: [{ name: 'Job', description: long, fields: [{ name: 'title', type: 'string', helpText: long }] }],
        layout: { colors: { Job: long } },
      }),
    );
    expect(d.map((x) => x.path)).toEqual(['entities[0].description', 'entities[0].fields[0].helpText']);
  });

  it('accepts an ERD at the limits', () => {
    expect(errors(erd({ project: { name: 'p'.repeat(ERD_LIMITS.nameLength) } }))).toEqual([]);
  });
});

describe('the CLI on hostile ERDs', () => {
  const box = cliSandbox('djforge-limits-');
  const write = async (e: Erd) => {
    const file = path.join(box.dir, 'erd.json');
    await fs.writeFile(file, JSON.stringify(e));
    return file;
  };

  it('validate-erd and generate both stop with exit 2 on an over-long project name', async () => {
    const file = await write(erd({ project: { name: 'p'.repeat(5000) } }));
    for (const argv of [
      ['validate-erd', file],
      ['generate', file, '--out', path.join(box.dir, 'out')],
    ]) {
      const run = await box.run(...argv);
      expect(run.code, argv[0]).toBe(2);
      expect(run.stdout + run.stderr).toContain('characters long; at most 64 are supported');
    }
    await expect(fs.access(path.join(box.dir, 'out'))).rejects.toThrow();
  });

  it('validate-erd and generate agree on a pattern that would explode: exit 2, no crash', async () => {
    const rules = [
      { text: 'code', entity: 'Job', field: 'title', kind: 'pattern' as const, pattern: '^(?:a{1000}){1000}$' },
    ];
    const file = await write(erd({ rules }));
    for (const argv of [
      ['validate-erd', file],
      ['generate', file, '--out', path.join(box.dir, 'out')],
    ]) {
      const run = await box.run(...argv);
      expect(run.code, argv[0]).toBe(2);
      expect(run.stdout + run.stderr).toContain('its shortest match is longer than 1000 characters');
    }
  });
});
