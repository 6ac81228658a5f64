/** `npm run bench`: every benchmark of the project, printing figures (never pass/fail). */
import { runErdBrowserBenchmarks } from './erd-browser-bench';
import { runFormatsBenchmarks } from './formats-bench';
import { runGenerationBenchmarks } from './generation-bench';
import { runMistakeBenchmarks } from './mistakes-bench';
import { runPoolBenchmarks } from './pool-bench';
import { runValidationBenchmarks } from './validation-bench';

await runGenerationBenchmarks();
console.log('');
await runValidationBenchmarks();
console.log('');
await runPoolBenchmarks();
console.log('');
await runFormatsBenchmarks();
console.log('');
await runMistakeBenchmarks();
console.log('');
await runErdBrowserBenchmarks();
