/**
 * One seeded LLM run against the mistake-making model (mistake-responder.ts), with the runtime
 * layer, judged the way the product promises: the project every file was approved into runs
 * (every runtime step passed on it), no injected mistake is approved, and each mistake was
 * repaired, replaced by the draft, or reported on its own file; every runtime failure the
 * attribution pinned is checked against the file the mistake really went into. Shared by
 * `draft-fallback` tests and `bench/mistakes-bench.ts`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importErdText } from '../src-main/core/erd';
import { GenerationRun } from '../src-main/core/run/generation-run';
import { prepareLlmEngine } from '../src-main/core/run/pipeline';
import type { SourceFile } from '../src-main/core/validate/types';
import { EXAMPLES_DIR } from './examples';
import { mistakeResponder, type InjectedMistake, type MistakeFlags } from './mistake-responder';
import { startOpenAiServer } from './openai-server';

/** The mistakes only running the project reveals, plus one the static layers see. */
export const RUNTIME_MISTAKES: MistakeFlags = {
  prose: true,
  adminCheck: true,
  viewFieldError: true,
  readOnlyView: true,
  missingImport: true,
};

export type MistakeFate = 'repaired' | 'drafted' | 'reported' | 'approved';

export interface SeededRunFigures {
  example: string;
  seed: number;
  injected: (InjectedMistake & { fate: MistakeFate })[];
  /** Why the approved project would not run; empty when every runtime step passed on it. */
  problems: string[];
  /** The approved project, as it would be written. */
  files: (SourceFile & { agent: string | null })[];
  /** Attributed runtime failures: the file they were pinned on and whether a mistake was there. */
  attributions: { file: string | null; rule: string; right: boolean }[];
  repairs: { asked: number; stubborn: number };
  runtime: GenerationRun['runtimeTotals'];
  judgeMs: number;
}

export interface SeededRunOptions {
  flags?: MistakeFlags;
  /** One answer in `every` gets a mistake (default 5). */
  every?: number;
  /** One repair in `stubborn` repeats the mistake (default 2; 0 never). */
  stubborn?: number;
}

/** Runs `example` through the LLM engine with the seeded mistake-making model and judges it. */
export async function seededMistakeRun(
  example: string,
  seed: number,
  options: SeededRunOptions = {},
): Promise<SeededRunFigures> {
  const { erd } = importErdText(await fs.readFile(path.join(EXAMPLES_DIR, example), 'utf8'), example);
  if (!erd) throw new Error(`${example} did not import`);
  const model = mistakeResponder(options.flags ?? RUNTIME_MISTAKES, seed, options.every ?? 5, options.stubborn ?? 2);
  const server = await startOpenAiServer({ responder: model.respond });
  const { engine, close } = await prepareLlmEngine({ baseURL: server.baseURL, model: 'fake-coder' });
  try {
    const run = new GenerationRun({
      erd,
      pipeline: { engine: 'llm', llm: engine },
      review: { threshold: 0.8, runtime: true, autoApprove: true, judgeOnJoin: false },
      env: process.env,
      migrations: { cacheDir: null },
    });
    await run.generate();
    const started = performance.now();
    await run.judge();
    const judgeMs = performance.now() - started;
    const entries = run.review.list();
    const runtime = run.validationOutcome.runtime;
    const problems = [
      ...(runtime.ran ? [] : [`the runtime layer did not run: ${runtime.skipped ?? '?'}`]),
      ...runtime.steps.filter((s) => s.code !== 0).map((s) => `${s.step} exited ${s.code}`),
      ...(runtime.tests?.failing ?? []).map((t) => `${t.id} (${t.file}): ${t.outcome}`),
      ...entries.filter((e) => e.decision !== 'approved').map((e) => `${e.path} not approved (${e.current.category})`),
      ...entries.flatMap((e) =>
        e.current.findings.filter((f) => f.severity === 'error').map((f) => `${e.path}: ${f.rule} ${f.message}`),
      ),
    ];
    const fate = (m: InjectedMistake): MistakeFate => {
      const entry = entries.find((e) => e.path === m.file);
      if (!entry) return 'approved';
      if (entry.keptDraft !== null) return 'drafted';
      if (!entry.current.content.includes(m.marker)) return 'repaired';
      return entry.decision === 'approved' ? 'approved' : 'reported';
    };
    const mistakeFiles = new Set(model.injected.map((m) => m.file));
    return {
      example,
      seed,
      injected: model.injected.map((m) => ({ ...m, fate: fate(m) })),
      problems,
      files: run.review.approvedFiles(),
      attributions: run.runtimeTotals.attributed.map((a) => ({
        file: a.file,
        rule: a.rule,
        right: a.file !== null && mistakeFiles.has(a.file),
      })),
      repairs: model.repairs,
      runtime: run.runtimeTotals,
      judgeMs,
    };
  } finally {
    await close();
    await server.close();
  }
}
