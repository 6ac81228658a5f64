/**
 * The mutation check of the generated tests: for the example ERDs whose projects test in seconds,
 * every mutant of `mutantsOf` (a dropped or loosened validator, permission, filter field, ordering
 * field or unique, a shortened max_length, an optional field made required, PROTECT turned into
 * CASCADE, a reversed default ordering, a field made read-only) is written into a migrated copy
 * of the project (migrated afresh when models.py changed) and tested with the project's own
 * generated tests; at least 90 % must fail them. The score per example is printed. Two copies
 * test mutants at once. Skipped without a Python with Django.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importErdText } from '../erd';
import { findDjangoPython, runManage } from '../runtime';
import { generateProject } from './index';
import { mutantsOf, type Mutant } from './mutants';
import type { GeneratedFile } from './types';
import { examplePath, type ExampleName } from '../../../test-support/examples';

const python = await findDjangoPython();
const root = await mkdtemp(path.join(tmpdir(), 'djforge-mutation-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** The score every example must keep: the generated tests kill at least 90 % of the mutants. */
const MINIMUM_SCORE = 0.9;
/** Projects tested at once (one copy of the project each). */
const LANES = 2;
/** No .pyc files: a mutant and the original of the same size written in the same second would share one. */
const ENV = { PYTHONDONTWRITEBYTECODE: '1' };

const EXAMPLES: readonly ExampleName[] = [
  'seed-v2-jobboard.json',
  'seed-legacy-jobboard.json',
  'seed-legacy-enterprise.json',
];

async function projectOf(name: ExampleName): Promise<GeneratedFile[]> {
  const { erd } = importErdText(await readFile(examplePath(name), 'utf8'), name);
  if (!erd) throw new Error(`${name} did not import`);
  return generateProject(erd);
}

/** A copy of the project with its migrations made, whose files a mutant changes and a verdict restores. */
interface Lane {
  dir: string;
  migrations: Set<string>;
}

async function migrationFiles(dir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const folders = [
    ...new Set(files.filter((f) => f.path.endsWith('/migrations/__init__.py')).map((f) => path.dirname(f.path))),
  ];
  const out: string[] = [];
  for (const folder of folders)
    for (const name of await readdir(path.join(dir, folder)))
      if (name.endsWith('.py')) out.push(path.join(folder, name));
  return out;
}

async function prepare(dir: string, files: readonly GeneratedFile[]): Promise<Lane> {
  await rm(dir, { recursive: true, force: true });
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.content);
  }
  const made = await runManage(python?.python ?? '', dir, ['makemigrations', '--noinput'], { env: ENV });
  if (made.code !== 0) throw new Error(`makemigrations failed on the unmutated project in ${dir}:\n${made.stderr}`);
  return { dir, migrations: new Set(await migrationFiles(dir, files)) };
}

/**
 * 'killed' when the generated tests fail, 'survived' when they pass, 'invalid' when Django rejects
 * the mutant itself. Only a mutated models.py needs a new migration; the lane is restored after.
 */
async function verdict(
  lane: Lane,
  files: readonly GeneratedFile[],
  mutant: Mutant,
): Promise<'killed' | 'survived' | 'invalid'> {
  const py = python?.python ?? '';
  const changed = mutant.files.find((f) => f.path === mutant.file);
  const original = files.find((f) => f.path === mutant.file);
  if (changed === undefined || original === undefined) throw new Error(`mutant of unknown file ${mutant.file}`);
  await writeFile(path.join(lane.dir, mutant.file), changed.content);
  try {
    if (mutant.file.endsWith('/models.py')) {
      const made = await runManage(py, lane.dir, ['makemigrations', '--noinput'], { env: ENV });
      if (made.code !== 0) return 'invalid';
    }
    const test = await runManage(py, lane.dir, ['test', '--noinput', '--failfast'], { env: ENV });
    if (/SystemCheckError|ImproperlyConfigured/.test(test.stderr)) return 'invalid';
    return test.code === 0 ? 'survived' : 'killed';
  } finally {
    await writeFile(path.join(lane.dir, mutant.file), original.content);
    for (const extra of await migrationFiles(lane.dir, files))
      if (!lane.migrations.has(extra)) await rm(path.join(lane.dir, extra));
  }
}

describe.skipIf(python === null)('mutation check of the generated tests', () => {
  for (const name of EXAMPLES) {
    it(`${name}: the generated tests kill at least MINIMUM_SCORE of the mutants (score printed)`, async () => {
      const files = await projectOf(name);
      const base = path.join(root, name.replace(/\W+/g, '-'));
      const lanes = await Promise.all(
        Array.from({ length: LANES }, (_, i) => prepare(path.join(base, `lane-${i}`), files)),
      );
      const first = lanes[0];
      if (first === undefined) throw new Error('no lane');
      const unmutated = await runManage(python?.python ?? '', first.dir, ['test', '--noinput'], { env: ENV });
      expect(unmutated.code, unmutated.stderr.slice(-3000)).toBe(0);
      const queue = mutantsOf(files);
      const results = new Map<Mutant, 'killed' | 'survived' | 'invalid'>();
      await Promise.all(
        lanes.map(async (lane) => {
          for (let mutant = queue.shift(); mutant !== undefined; mutant = queue.shift())
            results.set(mutant, await verdict(lane, files, mutant));
        }),
      );
      const valid = [...results].filter(([, r]) => r !== 'invalid');
      const killed = valid.filter(([, r]) => r === 'killed').length;
      const survivors = valid.filter(([, r]) => r === 'survived').map(([m]) => m.description);
      const score = valid.length === 0 ? 0 : killed / valid.length;
      console.log(
        `mutation score ${name}: ${killed}/${valid.length} = ${(score * 100).toFixed(1)} %${survivors.length > 0 ? `; survived: ${survivors.join(' | ')}` : ''}`,
      );
      expect(valid.length).toBeGreaterThanOrEqual(5);
      expect(score, `survivors: ${survivors.join('\n')}`).toBeGreaterThanOrEqual(MINIMUM_SCORE);
    }, 900_000);
  }
});
