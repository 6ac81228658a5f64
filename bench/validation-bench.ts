/**
 * Validation speed: a 150-entity project (synthetic ERD → template generator) through every
 * static layer — syntax (CPython), semantic with ERD coverage, best practice, security — plus the
 * scoring of every file. Goal: under 1 s. Also the tree-sitter fallback's syntax pass alone.
 */
import { performance } from 'node:perf_hooks';
import { generateProject } from '../src-main/core/generate';
import { findAnalyzerPython, runAnalyzer } from '../src-main/core/validate/python-analyzer';
import { scoreFile } from '../src-main/core/validate/score';
import { staticFindings } from '../src-main/core/validate/static-layers';
import { treeSitterSyntax } from '../src-main/core/validate/syntax-layer';
import { syntheticErd } from './synthetic-erd';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

export async function runValidationBenchmarks(entities = 150, runs = 3): Promise<void> {
  console.log(`== Validation (static layers, ${entities} entities, median of ${runs}) ==`);
  const erd = syntheticErd(entities);
  const files = generateProject(erd);
  const kib = files.reduce((n, f) => n + f.content.length, 0) / 1024;
  const found = await findAnalyzerPython();
  if (!found) {
    console.log('  skipped: no Python ≥ 3.9 for the analyzer (set DJFORGE_PYTHON)');
  } else {
    const analyzer: number[] = [];
    const rules: number[] = [];
    const total: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const analyzed = await runAnalyzer(found.python, files);
      const t1 = performance.now();
      const all = staticFindings(analyzed.modules, erd);
      for (const f of files)
        scoreFile({ path: f.path, content: f.content, findings: all.filter((x) => x.file === f.path) });
      const t2 = performance.now();
      analyzer.push(t1 - t0);
      rules.push(t2 - t1);
      total.push(t2 - t0);
      findings = all.length;
    }
    const verdict = median(total) < 1000 ? 'within the 1 s goal' : 'OVER the 1 s goal';
    console.log(`  project: ${files.length} files, ${kib.toFixed(0)} KiB, Python ${found.version} (${found.python})`);
    console.log(`  analyzer (CPython ast, batched)  ${ms(median(analyzer))}`);
    console.log(`  rules + scores                   ${ms(median(rules))}   ${findings} findings`);
    console.log(`  all static layers                ${ms(median(total))}   ${verdict}`);
  }
  const t = performance.now();
  await treeSitterSyntax(files);
  console.log(
    `  tree-sitter syntax fallback      ${ms(performance.now() - t)}   (first run, includes loading the grammar)`,
  );
}
