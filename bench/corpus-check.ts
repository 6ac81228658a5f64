/**
 * `npm run corpus`: every schema of the real-schema corpus (../shared/corpus, or DJFORGE_CORPUS)
 * imported, generated with the offline engine, and run for real — `check`, `makemigrations`,
 * `migrate` and the generated project's own tests — printing one line per file and a summary.
 * It takes minutes, so `npm test` runs only a sample of it (src-main/core/erd/corpus.test.ts);
 * this is the whole measurement. Refused files (no parser reads them) are listed as refused.
 */
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importErdFile } from '../src-main/core/erd';
import { generateProject } from '../src-main/core/generate';
import { findDjangoPython, runManage } from '../src-main/core/runtime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = [process.env.DJFORGE_CORPUS, path.resolve(root, '../shared/corpus')].find(
  (p): p is string => p !== undefined && existsSync(path.join(p, 'manifest.json')),
);
if (corpus === undefined) {
  console.log('corpus: no corpus found (set DJFORGE_CORPUS); nothing measured.');
  process.exit(0);
}
const django = await findDjangoPython();
if (django === null) {
  console.log('corpus: no Python with Django and DRF; nothing measured.');
  process.exit(0);
}
const python = django.python;
const env = { DJANGO_DEBUG: 'True', ...(django.pythonPath ? { PYTHONPATH: django.pythonPath } : {}) };
const STEPS = [['check'], ['makemigrations', '--noinput'], ['migrate', '--noinput'], ['test', '--noinput']];

/** `npm run corpus -- <part of a name>` checks only the matching files and prints a failure in full. */
const only = process.argv[2];
const files = ['dbml', 'sql']
  .flatMap((dir) =>
    readdirSync(path.join(corpus, dir))
      .sort()
      .map((f) => `${dir}/${f}`),
  )
  .filter((f) => only === undefined || f.includes(only));

type Outcome = { file: string; result: 'passed' | 'refused' | 'failed'; detail: string; seconds: number };

async function checkOne(file: string): Promise<Outcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const imported = await importErdFile(readFileSync(path.join(corpus ?? '', file), 'utf8'), path.basename(file));
  if (imported.erd === null) {
    const first = imported.diagnostics.find((d) => d.severity === 'error');
    return {
      file,
      result: 'refused',
      detail: `line ${first?.line ?? '?'}: ${first?.message ?? ''}`,
      seconds: seconds(),
    };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-corpus-'));
  try {
    for (const generated of generateProject(imported.erd)) {
      const target = path.join(dir, generated.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, generated.content);
    }
    for (const step of STEPS) {
      const result = await runManage(python, dir, step, { env, timeoutMs: 600_000 });
      if (result.code !== 0) {
        if (only !== undefined) console.log(`${result.stdout}\n${result.stderr}`);
        const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-3).join(' | ');
        return { file, result: 'failed', detail: `${step[0]}: ${tail.slice(0, 300)}`, seconds: seconds() };
      }
    }
    const entities = imported.erd.entities.length;
    return { file, result: 'passed', detail: `${entities} entities`, seconds: seconds() };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const outcomes: Outcome[] = [];
const queue = [...files];
const workers = Array.from({ length: Math.max(1, Math.min(4, os.availableParallelism() - 1)) }, async () => {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const outcome = await checkOne(file);
    outcomes.push(outcome);
    console.log(`${outcome.result.padEnd(7)} ${outcome.seconds.toFixed(1).padStart(6)} s  ${file}: ${outcome.detail}`);
  }
});
await Promise.all(workers);
const count = (r: Outcome['result']) => outcomes.filter((o) => o.result === r).length;
console.log(
  `\ncorpus (Django ${django.djangoVersion}): ${count('passed')} passed check, makemigrations, migrate and their tests; ` +
    `${count('refused')} refused with a line; ${count('failed')} failed — of ${files.length} files.`,
);
process.exitCode = count('failed') > 0 ? 1 : 0;
