/**
 * Where `djforge generate` writes: regeneration into an earlier generation merges (a user's edit
 * survives, a conflict keeps the user's text and is reported), `--zip` exports the approved files,
 * and the runtime layer runs when a Django-capable Python exists (the only test here that lets it).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDjangoPython } from '../core/runtime';
import { examples, listing, readReport, runCli } from '../../test-support/cli-harness';

let dir: string;
const run = (...argv: string[]) => runCli({ cwd: dir }, ...argv);
const read = (...parts: string[]) => fs.readFile(path.join(dir, ...parts), 'utf8');

/** Write a variant of the seed-v2 job board with `change` applied to Job's fields (same file, so same project name). */
async function jobBoard(change: (fields: Record<string, string>) => void): Promise<string> {
  const erd = JSON.parse(await fs.readFile(path.join(examples, 'seed-v2-jobboard.json'), 'utf8')) as {
    erd: { entities: { Job: { fields: Record<string, string> } } };
  };
  change(erd.erd.entities.Job.fields);
  await fs.writeFile(path.join(dir, 'jobboard.json'), JSON.stringify(erd, null, 2));
  return 'jobboard.json';
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-output-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('regenerating into an earlier generation', () => {
  // The user model lives in the users app now; Job's __str__ stays in core/models.py beside the fields that change.
  const USER_STR = "        return f'{self.title} ({self.location})'  # mine\n";
  const USER_TITLE = '    title = models.CharField(max_length=80)  # mine\n';

  it('merges a user edit with the new generation, then reports a conflict and keeps the user text', async () => {
    const v1 = await jobBoard(() => undefined);
    expect((await run('generate', v1, '--out', 'api', '--no-runtime')).code).toBe(0);
    const models = path.join(dir, 'api', 'core', 'models.py');
    const generated = await fs.readFile(models, 'utf8');
    expect(generated).toContain('        return str(self.title)\n');
    await fs.writeFile(models, generated.replace('        return str(self.title)\n', USER_STR));

    const v2 = await jobBoard((fields) => (fields.remote = 'bool'));
    const merged = await run('generate', v2, '--out', 'api', '--no-runtime', '--json', 'merged.json');
    expect(merged.code, merged.stderr).toBe(0);
    // The new field ships as one new migration beside the earlier ones, which are never removed.
    expect(merged.stdout).toMatch(/to \S+api \(merged: 1 created, \d+ updated, 1 merged, \d+ unchanged\) in/);
    const migrations = await listing(path.join(dir, 'api', 'core', 'migrations'));
    expect(migrations).toEqual(['0001_initial.py', '0002_job_posted_by.py', '0003_job_remote.py', '__init__.py']);
    const afterMerge = await fs.readFile(models, 'utf8');
    expect(afterMerge).toContain(USER_STR);
    expect(afterMerge).toContain('    remote = models.BooleanField(default=False)\n');
    const mergedReport = await readReport(path.join(dir, 'merged.json'));
    expect(mergedReport.output).toMatchObject({ mode: 'merged', conflicts: [] });
    expect(mergedReport.files.find((f) => f.path === 'core/models.py')).toMatchObject({ sync: 'merge', written: true });
    expect(mergedReport.files.find((f) => f.path === 'core/serializers.py')).toMatchObject({ sync: 'update' });

    const mine = afterMerge.replace('    title = models.CharField(max_length=255)\n', USER_TITLE);
    await fs.writeFile(models, mine);
    const v3 = await jobBoard((fields) => {
      fields.remote = 'bool';
      fields.title = 'text';
    });
    const conflicted = await run('generate', v3, '--out', 'api', '--no-runtime', '--json', 'conflict.json');
    expect(conflicted.code).toBe(1);
    expect(conflicted.stderr).toContain(
      'conflict: core/models.py: your version and the new generation changed the same lines; your file was kept, ' +
        'the merge with conflict markers is in api/.djforge/conflicts/core/models.py\n',
    );
    expect(conflicted.stderr).toContain('djforge generate: 1 merge conflict(s); your version of each was kept');
    expect(await fs.readFile(models, 'utf8')).toBe(mine);
    const markers = await read('api', '.djforge', 'conflicts', 'core', 'models.py');
    expect(markers).toMatch(/^<{7}[^\n]*\n {4}title = models\.CharField\(max_length=80\) {2}# mine\n/m);
    expect(markers).toContain('    title = models.TextField()\n');
    const report = await readReport(path.join(dir, 'conflict.json'));
    expect(report.ok).toBe(false);
    expect(report.metrics.conflicts).toBe(1);
    expect(report.output.conflicts).toEqual(['core/models.py']);
    expect(report.files.find((f) => f.path === 'core/models.py')).toMatchObject({
      approved: true,
      sync: 'conflict',
      written: false,
    });
  });
});

describe('--zip', () => {
  it('exports only a zip of the approved files, in a folder named after the project', async () => {
    const erd = path.join(examples, 'seed-legacy-jobboard.json');
    const result = await run('generate', erd, '--zip', 'jobboard.zip', '--no-runtime', '--json', 'zip.json');
    expect(result.code, result.stderr).toBe(0);
    const entries = unzipSync(await fs.readFile(path.join(dir, 'jobboard.zip')));
    const report = await readReport(path.join(dir, 'zip.json'));
    const count = report.files.length;
    expect(count).toBe(Object.keys(entries).length);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Wrote ${count} of ${count} files \\(2 entities\\) for project "jobboard" into \\S+jobboard\\.zip`,
        'm',
      ),
    );
    expect(Object.keys(entries).sort()).toEqual(report.files.map((f) => `jobboard/${f.path}`).sort());
    expect(new TextDecoder().decode(entries['jobboard/manage.py'])).toContain('DJANGO_SETTINGS_MODULE');
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        'jobboard/users/models.py',
        'jobboard/core/migrations/0001_initial.py',
        'jobboard/docker-compose.yml',
      ]),
    );
    expect(report.output).toEqual({ dir: null, mode: null, conflicts: [], zip: path.join(dir, 'jobboard.zip') });
    expect(report.files.every((f) => f.approved && !f.written && f.sync === null)).toBe(true);

    const again = await run('generate', erd, '--zip', 'jobboard.zip', '--no-runtime');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${path.join(dir, 'jobboard.zip')} already exists; pass --force to replace it.`);
  });
});

describe('a zip that cannot be written', () => {
  it('exits 3; the folder written before it stays, and the message says so', async () => {
    const erd = path.join(examples, 'seed-legacy-jobboard.json');
    await fs.writeFile(path.join(dir, 'plain-file'), 'not a folder');
    const result = await run('generate', erd, '--out', 'kept', '--zip', 'plain-file/p.zip', '--no-runtime');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `djforge generate: The project in ${path.join(dir, 'kept')} was written, but the zip was not: ` +
        `Could not create the folder of ${path.join(dir, 'plain-file', 'p.zip')}: EEXIST`,
    );
    expect(await listing(path.join(dir, 'kept'))).toContain('manage.py');
  });
});

const django = await findDjangoPython();

describe('the runtime layer', () => {
  it(`${django ? 'runs' : 'is skipped with the reason'} when no --no-runtime is given; folder and zip hold the same files`, async () => {
    const erd = path.join(examples, 'seed-v2-jobboard.json');
    const result = await run('generate', erd, '--out', 'both', '--zip', 'both.zip', '--json', 'both.json');
    expect(result.code, result.stderr).toBe(0);
    const report = await readReport(path.join(dir, 'both.json'));
    if (django) {
      expect(result.stdout).toMatch(
        /; runtime layer \(check, makemigrations, test\) \d+\.\d s( in bubblewrap| \(ran DjForge's template output without a sandbox .*\)), --no-runtime skips it\.$/m,
      );
      expect(report.review.runtime.ran).toBe(true);
      expect(report.review.runtime.steps.map((s) => [s.step, s.code])).toEqual([
        ['check', 0],
        // The run ships its migrations, so the layer checks they match the models instead of writing them.
        ['makemigrations --check --dry-run', 0],
        ['test --noinput', 0],
      ]);
    } else {
      expect(result.stdout).toContain('runtime layer skipped: no Python that imports Django and DRF was found');
      expect(report.review.runtime).toMatchObject({ ran: false, steps: [] });
    }
    expect(report.metrics.validateMs).toBeGreaterThan(0);
    const files = await listing(path.join(dir, 'both'));
    const zipped = unzipSync(await fs.readFile(path.join(dir, 'both.zip')));
    expect(Object.keys(zipped).sort()).toEqual(files.map((f) => `jobboard/${f}`));
    for (const f of files)
      expect(new TextDecoder().decode(zipped[`jobboard/${f}`])).toBe(await read('both', ...f.split('/')));
    expect(await listing(path.join(dir, 'both'), true)).toContain('.djforge/manifest.json');
  });
});
