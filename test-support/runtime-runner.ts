/**
 * `node --import tsx test-support/runtime-runner.ts`: runs the runtime layer in a process of its
 * own, on the project read as JSON from stdin (`{ files, options }`), printing the result as JSON.
 * Tests start it with a canary API key in its environment (so `/proc/<pid>/environ` holds the key,
 * as the CLI's does) and kill it with SIGTERM mid-run.
 */
import { validateRuntime, type RuntimeOptions } from '../src-main/core/validate/runtime-layer';
import type { SourceFile } from '../src-main/core/validate/types';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk as string;
const { files, options } = JSON.parse(input) as { files: SourceFile[]; options: RuntimeOptions };
process.stdout.write(`${JSON.stringify(await validateRuntime(files, options))}\n`);
