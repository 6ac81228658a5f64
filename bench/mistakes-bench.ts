/**
 * A model that makes mistakes (test-support/mistake-responder.ts: prose around the code and a
 * missing import in views, one answer in `every`) against the job-board example, over several
 * seeds, static layers only: how many mistakes were injected, how many files ended with the
 * offline draft, how many were repaired (the model's version kept without the mistake), and how
 * many files were approved with an injected mistake still in them (the goal: 0). Prints figures.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importErdText } from '../src-main/core/erd';
import { GenerationRun } from '../src-main/core/run/generation-run';
import { prepareLlmEngine } from '../src-main/core/run/pipeline';
import { EXAMPLES_DIR } from '../test-support/examples';
import { mistakeResponder } from '../test-support/mistake-responder';
import { startOpenAiServer } from '../test-support/openai-server';

const MISTAKE = 'slugify(title)';

/** One seeded run: injected, drafted, repaired and approved-with-mistake counts. */
async function seededRun(seed: number): Promise<{ injected: number; drafted: number; repaired: number; bad: number }> {
  const name = 'seed-legacy-jobboard.json';
  const { erd } = importErdText(await fs.readFile(path.join(EXAMPLES_DIR, name), 'utf8'), name);
  if (!erd) throw new Error(`${name} did not import`);
  const model = mistakeResponder({ prose: true, missingImport: true }, seed, 2);
  const server = await startOpenAiServer({ responder: model.respond });
  const { engine, close } = await prepareLlmEngine({ baseURL: server.baseURL, model: 'fake-coder' });
  try {
    const run = new GenerationRun({
      erd,
      pipeline: { engine: 'llm', llm: engine },
      review: { threshold: 0.8, runtime: false, autoApprove: true, judgeOnJoin: false },
      env: process.env,
    });
    const result = await run.generate();
    await run.judge();
    const withMistake = new Set(result.files.filter((f) => f.content.includes(MISTAKE)).map((f) => f.path));
    const entries = run.review.list();
    return {
      injected: model.injected.length,
      drafted: entries.filter((e) => withMistake.has(e.path) && e.keptDraft !== null).length,
      repaired: entries.filter(
        (e) => withMistake.has(e.path) && e.keptDraft === null && !e.current.content.includes(MISTAKE),
      ).length,
      bad: run.review.approvedFiles().filter((f) => f.content.includes(MISTAKE)).length,
    };
  } finally {
    await close();
    await server.close();
  }
}

export async function runMistakeBenchmarks(seeds = 5): Promise<void> {
  console.log(`Mistakes of the model (job board, ${seeds} seeds, a missing import in one views answer in 2):`);
  const total = { injected: 0, drafted: 0, repaired: 0, bad: 0 };
  for (let seed = 1; seed <= seeds; seed += 1) {
    const r = await seededRun(seed);
    total.injected += r.injected;
    total.drafted += r.drafted;
    total.repaired += r.repaired;
    total.bad += r.bad;
  }
  console.log(
    `  mistakes injected ${total.injected}; files repaired ${total.repaired}, replaced by the draft ${total.drafted}; approved with a mistake ${total.bad} (goal 0)`,
  );
}
