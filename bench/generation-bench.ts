/**
 * Generation speed: in-process time per ERD (examples and synthetic 150/500 entities), and the
 * whole `djforge generate` process for 500 entities, which is what a CI pipeline pays.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { importErdText, serializeErd } from '../src-main/core/erd';
import { generateProject } from '../src-main/core/generate';
import { APP_FILE_KINDS } from '../src-main/core/generate/app';
import { projectFiles } from '../src-main/core/generate/project';
import { testsFile } from '../src-main/core/generate/tests';
import type { Erd } from '../src-shared/erd/model';
import { syntheticErd } from './synthetic-erd';
import { EXAMPLES_DIR, EXAMPLE_NAMES } from '../test-support/examples';

const repo = path.resolve(import.meta.dirname, '..');
const examples = EXAMPLES_DIR;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeGeneration(erd: Erd, runs: number): { ms: number; files: number; bytes: number } {
  const times: number[] = [];
  let files = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = generateProject(erd);
    times.push(performance.now() - start);
    files = out.length;
    bytes = out.reduce((n, f) => n + f.content.length, 0);
  }
  return { ms: median(times), files, bytes };
}

function row(label: string, entities: number, ms: number, files: number, bytes: number): string {
  const perSecond = ms > 0 ? Math.round((entities / ms) * 1000) : Infinity;
  return `${label.padEnd(34)} ${String(entities).padStart(5)} entities ${ms.toFixed(1).padStart(8)} ms ${String(perSecond).padStart(8)} entities/s  ${files} files, ${(bytes / 1024).toFixed(0)} KiB`;
}

/** Median time of `work` over `runs` runs, in milliseconds. */
function timeOf(work: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Where generation time goes: each kind of file on its own, so a slow generator stands out. */
function fileKindBreakdown(erd: Erd): void {
  const app = erd.project.apps?.[0] ?? 'core';
  const rows: [string, number][] = [
    ['project files', timeOf(() => projectFiles(erd), 3)],
    ...APP_FILE_KINDS.map((kind): [string, number] => [
      kind.file,
      timeOf(() => kind.assemble(erd, app, kind.units(erd, app)), 3),
    ]),
    ['tests.py', timeOf(() => testsFile(erd, app), 3)],
  ];
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(32)} ${ms.toFixed(1).padStart(8)} ms`);
}

/**
 * Median wall time of the `djforge` command over 3 runs after one untimed run (so a start-up bundle
 * being rebuilt does not count); the n-th run, from 0, gets `args(n)`. On failure it says why: a
 * benchmark reports, it never throws away the figures printed before it.
 */
async function timeCli(args: (run: number) => string[], env: NodeJS.ProcessEnv = {}): Promise<number | string> {
  const times: number[] = [];
  let runs = 0;
  const run = () =>
    promisify(execFile)(process.execPath, [path.join(repo, 'bin/djforge.js'), ...args(runs++)], {
      env: { ...process.env, ...env },
    });
  try {
    await run();
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    return `failed: ${stderr.split('\n').find((l) => /error/i.test(l)) ?? stderr.trim().split('\n')[0]}`;
  }
  return median(times);
}

/** The phases of the last whole-process run, from its JSON report (whatever of them it gives). */
async function phases(report: string): Promise<string> {
  try {
    const metrics = (JSON.parse(await fs.readFile(report, 'utf8')) as { metrics?: Record<string, unknown> }).metrics;
    return ['importMs', 'generateMs', 'validateMs', 'writeMs']
      .filter((key) => typeof metrics?.[key] === 'number')
      .map((key) => `${key.replace(/Ms$/, '')} ${(metrics?.[key] as number).toFixed(0)} ms`)
      .join(', ');
  } catch {
    return 'no report';
  }
}

const cliRow = (label: string, ms: number | string) =>
  `${label.padEnd(34)} ${typeof ms === 'string' ? ms : `${ms.toFixed(0).padStart(23)} ms`}`;

export async function runGenerationBenchmarks(): Promise<void> {
  console.log('== Generation (template engine, in process, median of 5) ==');
  for (const name of EXAMPLE_NAMES) {
    const text = await fs.readFile(path.join(examples, name), 'utf8');
    const start = performance.now();
    const { erd } = importErdText(text, name);
    const importMs = performance.now() - start;
    if (!erd) throw new Error(`${name} did not import`);
    const { ms, files, bytes } = timeGeneration(erd, 5);
    console.log(row(name, erd.entities.length, ms, files, bytes) + `  (import ${importMs.toFixed(1)} ms)`);
  }
  for (const n of [150, 500]) {
    const erd = syntheticErd(n);
    const { ms, files, bytes } = timeGeneration(erd, 5);
    console.log(row(`synthetic-${n}`, n, ms, files, bytes));
    // The same with groups of 25: one Django app per group (erd/apps-from-groups.ts).
    const grouped = syntheticErd(n, { groupSize: 25 });
    const split = timeGeneration(grouped, 5);
    console.log(
      row(`synthetic-${n}, ${grouped.project.apps?.length ?? 1} apps`, n, split.ms, split.files, split.bytes),
    );
  }

  console.log('\n== Time per file kind (synthetic-500, median of 3) ==');
  fileKindBreakdown(syntheticErd(500));

  console.log('\n== Whole process: djforge (median of 3) ==');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-bench-'));
  try {
    const erdFile = path.join(dir, 'synthetic-500.json');
    await fs.writeFile(erdFile, serializeErd(syntheticErd(500)));
    console.log(cliRow('djforge --version (start-up only)', await timeCli(() => ['--version'])));
    console.log(cliRow('  same, from source with tsx', await timeCli(() => ['--version'], { DJFORGE_NO_BUNDLE: '1' })));
    const report = path.join(dir, 'report.json');
    const generate = (i: number) => [
      ...['generate', erdFile, '--out', path.join(dir, `out-${i}`), '--quiet'],
      ...['--no-runtime', '--approve', 'all', '--json', report],
    ];
    const whole = await timeCli(generate);
    const figures =
      typeof whole === 'string'
        ? whole
        : `  500 entities ${whole.toFixed(0).padStart(8)} ms ${String(Math.round((500 / whole) * 1000)).padStart(8)} entities/s`;
    console.log(`${'djforge generate synthetic-500'.padEnd(34)} ${figures}  (goal: well under 3000 ms)`);
    console.log(`${''.padEnd(34)} last run: ${await phases(report)}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
