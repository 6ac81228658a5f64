/**
 * Validation speed: a 150-entity project (synthetic ERD → template generator) through every
 * static layer — syntax (CPython), semantic with ERD coverage, best practice, security — plus the
 * scoring of every file. Goal: under 1 s. Also the same layers through the tree-sitter fallback.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateProject } from '../src-main/core/generate';
import { findAnalyzerPython, runAnalyzer } from '../src-main/core/validate/python-analyzer';
import { scoreFile } from '../src-main/core/validate/score';
import { staticFindings } from '../src-main/core/validate/static-layers';
import { treeSitterSyntax } from '../src-main/core/validate/syntax-layer';
import { validateStatic } from '../src-main/core/validate/validate-project';
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
    const cpu: number[] = [];
    const rulesCpu: number[] = [];
    let findings = 0;
    let workers = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const analyzed = await runAnalyzer(found.python, files);
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const all = staticFindings(analyzed.modules, erd);
      for (const f of files)
        scoreFile({ path: f.path, content: f.content, findings: all.filter((x) => x.file === f.path) });
      const t2 = performance.now();
      const c2 = process.cpuUsage(c1);
      rulesCpu.push((c2.user + c2.system) / 1000);
      cpu.push(analyzed.cpuMs.max);
      workers = analyzed.cpuMs.total > 0 ? Math.round(analyzed.cpuMs.total / Math.max(1, analyzed.cpuMs.max)) : 0;
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
    const floor = median(cpu) + median(rulesCpu);
    console.log(
      `  CPU: slowest analyzer process ${median(cpu).toFixed(0)} ms (~${workers} in parallel) + rules ${median(rulesCpu).toFixed(0)} ms ≈ ${floor.toFixed(0)} ms on idle cores (load average now ${os.loadavg()[0]?.toFixed(1)})`,
    );
  }
  await treeSitterSyntax(files.slice(0, 1));
  const fallback: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await validateStatic(files, { erd, noPython: true });
    fallback.push(performance.now() - t);
  }
  console.log(`  all static layers via tree-sitter ${ms(median(fallback))}   (the fallback when no Python exists)`);
}
