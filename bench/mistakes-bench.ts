/**
 * A model that makes mistakes (test-support/mistake-responder.ts: an admin option Django's checks
 * refuse, a queryset on a missing field, a viewset without POST, a missing import; one answer in
 * five; half the repairs repeat the mistake) on the job-board and enterprise examples, over
 * seeded runs with the runtime layer: how many approved projects run, how many mistakes were
 * approved (goal 0), how each mistake ended (repaired, drafted, reported), how often the
 * attribution by substitution pinned a runtime failure on the file the mistake was in (goal
 * ≥ 95 %), and its overhead (none when nothing fails; the reruns' time against the runtime
 * layer's). `tsx bench/mistakes-bench.ts [runs]` runs it alone.
 */
import { seededMistakeRun, type SeededRunFigures } from '../test-support/mistake-run';

const EXAMPLES = ['seed-legacy-jobboard.json', 'seed-legacy-enterprise.json'];

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

export async function runMistakeBenchmarks(runs = 50): Promise<void> {
  console.log(`Mistakes of the model (${runs} seeded runs over ${EXAMPLES.join(', ')}, one answer in 5):`);
  const all: SeededRunFigures[] = [];
  for (let seed = 1; seed <= runs; seed += 1) {
    const r = await seededMistakeRun(EXAMPLES[seed % EXAMPLES.length] as string, seed);
    all.push(r);
    const fates = r.injected.map((m) => `${m.mistake}@${m.file}:${m.fate}`).join(' ');
    console.log(
      `  #${seed} ${r.example}: ${r.problems.length === 0 ? 'runs' : `DOES NOT RUN (${r.problems.slice(0, 2).join('; ')})`}; ` +
        `attributions ${r.attributions.filter((a) => a.right).length}/${r.attributions.length}; ` +
        `repairs ${r.repairs.asked - r.repairs.stubborn}/${r.repairs.asked}; runtime ${r.runtime.runs}× ${Math.round(r.runtime.runtimeMs)} ms, reruns ${r.runtime.reruns} ${Math.round(r.runtime.attributionMs)} ms; ${fates}`,
    );
  }
  const mistakes = all.flatMap((r) => r.injected);
  const count = (fate: string) => mistakes.filter((m) => m.fate === fate).length;
  const attributions = all.flatMap((r) => r.attributions);
  const failing = all.filter((r) => r.runtime.attributions > 0);
  const clean = all.filter((r) => r.runtime.attributions === 0);
  const perFailingRun = (key: 'runtimeMs' | 'attributionMs' | 'runs' | 'attributions') =>
    failing.reduce((s, r) => s + r.runtime[key], 0);
  console.log(
    `  projects that run: ${all.filter((r) => r.problems.length === 0).length}/${all.length}; ` +
      `mistakes injected ${mistakes.length}: repaired ${count('repaired')}, drafted ${count('drafted')}, ` +
      `reported ${count('reported')}, approved ${count('approved')} (goal 0)`,
  );
  console.log(
    `  attribution right: ${attributions.filter((a) => a.right).length}/${attributions.length} (${pct(attributions.filter((a) => a.right).length, attributions.length)}, goal ≥ 95 %)`,
  );
  console.log(
    `  overhead: runs where nothing failed ${clean.length}, attribution reruns there ${clean.reduce((s, r) => s + r.runtime.reruns, 0)}; ` +
      `where something failed, per attribution ${Math.round(perFailingRun('attributionMs') / Math.max(1, perFailingRun('attributions')))} ms ` +
      `against ${Math.round(perFailingRun('runtimeMs') / Math.max(1, perFailingRun('runs')))} ms per runtime-layer run ` +
      `(${(perFailingRun('attributionMs') / Math.max(1, perFailingRun('attributions')) / (perFailingRun('runtimeMs') / Math.max(1, perFailingRun('runs')))).toFixed(2)}×, goal < 2×)`,
  );
}

if (process.argv[1]?.endsWith('mistakes-bench.ts')) await runMistakeBenchmarks(Number(process.argv[2] ?? 50));
