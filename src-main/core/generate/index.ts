/**
 * The offline (template) engine's entry point: the whole Django project for a normalized ERD.
 * Pure and deterministic — the same ERD always gives byte-identical files in the same order — so
 * the CLI, the agent pool and the benchmarks can all call it and compare results.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { appFiles } from './app';
import { appLabels } from './names';
import { projectFiles } from './project';
import { testsFile } from './tests';
import type { GeneratedFile } from './types';

export * from './types';

/**
 * Every file of the generated project, sorted by path: project files (settings, URLs, entry
 * points, requirements, deployment, README) and, per app, its modules plus `tests.py`. Throws an
 * Error naming the entity, field or option when the ERD cannot be expressed as Django code.
 */
export function generateProject(erd: Erd): GeneratedFile[] {
  const files = [...projectFiles(erd)];
  for (const app of appLabels(erd)) files.push(...appFiles(erd, app), testsFile(erd, app));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`Two generated files share the path ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * What generation decided that the ERD's diagnostics cannot say: each business rule enforced by
 * generated code (info `generate.rule-enforced`) or left as a TODO (warning
 * `generate.rule-not-enforced`; the TODO line it leaves lowers its file's score through the
 * validator's `semantic.rule-not-enforced`).
 */
export { ruleNotes as generationNotes } from './app/rule-code';
