/**
 * The example ERDs kept in the repository (`examples/`): the predecessor's four documents, used by
 * the tests, the benchmarks and the README. One module names them so that a clone of the
 * repository alone, in any folder, finds them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `examples/` in the repository. */
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The example files, by what they are. */
export const EXAMPLE_FILES = {
  legacyEnterprise: 'seed-legacy-enterprise.json',
  legacyJobboard: 'seed-legacy-jobboard.json',
  legacyMassive: 'seed-legacy-massive.json',
  v2Jobboard: 'seed-v2-jobboard.json',
} as const;

export type ExampleName = (typeof EXAMPLE_FILES)[keyof typeof EXAMPLE_FILES];

/** Absolute path of one example ERD. */
export function examplePath(name: ExampleName): string {
  return path.join(EXAMPLES_DIR, name);
}

/** Every example's file name, sorted (what a test iterates over instead of listing the folder). */
export const EXAMPLE_NAMES: readonly ExampleName[] = Object.values(EXAMPLE_FILES).sort();
