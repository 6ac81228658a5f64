/** `npm run bench`: every benchmark of the project, printing figures (never pass/fail). */
import { runGenerationBenchmarks } from './generation-bench';

await runGenerationBenchmarks();
