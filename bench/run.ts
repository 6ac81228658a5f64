/**
 * `npm run bench`: every benchmark of the project, printing figures (never pass/fail).
 * `npm run bench -- mistakes formats` runs only the named ones; DJFORGE_BENCH_MISTAKE_RUNS sets
 * how many seeded runs the mistakes benchmark makes (default 50, about a minute each).
 */
import { runErdBrowserBenchmarks } from './erd-browser-bench';
import { runFormatsBenchmarks } from './formats-bench';
import { runGenerationBenchmarks } from './generation-bench';
import { runMistakeBenchmarks } from './mistakes-bench';
import { runPoolBenchmarks } from './pool-bench';
import { runValidationBenchmarks } from './validation-bench';

const SUITES: Record<string, () => Promise<void>> = {
  generation: runGenerationBenchmarks,
  validation: runValidationBenchmarks,
  pool: runPoolBenchmarks,
  formats: runFormatsBenchmarks,
  mistakes: () => runMistakeBenchmarks(Number(process.env.DJFORGE_BENCH_MISTAKE_RUNS ?? 50)),
  'erd-browser': runErdBrowserBenchmarks,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}.`);
  process.exit(2);
}
for (const [name, run] of Object.entries(SUITES)) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  await run();
  console.log('');
}
