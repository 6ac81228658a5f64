/**
 * Regeneration of one file with the reviewer's feedback (issue 4: "the feedback goes into the LLM
 * prompt; the previous version stays for comparison" — the review session keeps that version).
 * The file's units are planned exactly as in the run and refined again by the LLM engine with the
 * run's model chain, recovery policy and syntax checker; each prompt gains a section marked as the
 * reviewer's feedback on the current version, with that version's text. The cache is never read
 * (the reviewer asked for something new), but each new unit is stored under a key that includes
 * the feedback and the current version. Invalid answers are repaired, and a unit that exhausts
 * recovery falls back to its deterministic draft, as in a run.
 */
import type { FileSource } from '../../../src-shared/api/model';
import type { ErrorCode } from '../../../src-shared/error-codes';
import type { Erd } from '../../../src-shared/erd/model';
import type { PoolEvent } from '../agents/events';
import { AGENTS } from '../agents/definitions';
import { runPool } from '../agents/pool';
import type { WorkUnit } from '../agents/split-units';
import { fileSource, type PipelineOptions, type UnitAttempt } from '../agents/execute-plan';
import { sha256 } from '../cache/cache-key';
import { llmChain, llmUnitKey, refineContext } from '../agents/llm-unit';
import { DjForgeError } from '../errors';
import { refineUnit } from '../llm/refine-unit';
import { planProject } from './plan';
import { unitParts } from './regenerate-parts';

/** The sentence a host shows when the run used the template engine. */
export const NEEDS_LLM_MESSAGE = 'Regeneration with feedback needs the LLM engine (--engine llm).';

export type RegenerationErrorCode = Extract<ErrorCode, `regenerate.${string}`>;

/** A regeneration that cannot start; the message is a sentence for the person reviewing. */
export class RegenerationError extends DjForgeError<RegenerationErrorCode> {
  constructor(message: string, code: RegenerationErrorCode) {
    super(code, message);
  }
}

export interface RegenerateFileInput {
  /** The normalized, validated ERD of the run. */
  erd: Erd;
  /** The generated file's path, as the run named it. */
  path: string;
  /** What the reviewer wants changed. */
  feedback: string;
  /** The file's text now: the version the feedback is about. */
  current: string;
  /** The run's options: engine, model chain, recovery, instructions, concurrency and cache. */
  options: PipelineOptions;
  /**
   * The text now of another file of the run, for the outputs a unit builds on (e.g. the model a
   * serializer reads); when absent or missing the block, that unit's draft stands in.
   */
  fileContent?: (path: string) => string | undefined;
  signal?: AbortSignal;
  onEvent?: (event: PoolEvent) => void;
}

/** The new version of the file and what producing it took. */
export interface RegeneratedFile {
  path: string;
  content: string;
  agent: string;
  /** `llm` when every refined unit got a valid answer, `fallback` when one fell back to its draft. */
  source: FileSource;
  units: number;
  attempts: UnitAttempt[];
  tokens: number;
  /** Units that fell back to their draft. */
  fallbacks: number;
}

/**
 * Regenerates `input.path` with the feedback. Rejects with a RegenerationError before any model
 * call when the run used the template engine, the path is not a generated file, the file is not
 * refined by the LLM engine, or the feedback is empty; with PoolCancelledError when cancelled.
 */
export async function regenerateFile(input: RegenerateFileInput): Promise<RegeneratedFile> {
  const { erd, options } = input;
  const llm = options.engine === 'llm' ? options.llm : undefined;
  if (!llm) throw new RegenerationError(NEEDS_LLM_MESSAGE, 'regenerate.needs-llm');
  const feedback = input.feedback.trim();
  if (feedback === '')
    throw new RegenerationError(
      `The feedback for "${input.path}" is empty; say what should change.`,
      'regenerate.empty-feedback',
    );
  const plan = planProject(erd);
  const file = plan.files.find((f) => f.path === input.path);
  if (!file)
    throw new RegenerationError(`"${input.path}" is not a file of this generation.`, 'regenerate.unknown-file');
  const unitsById = new Map(plan.units.map((u) => [u.id, u]));
  const units = file.unitIds.map((id) => unitsById.get(id) as WorkUnit);
  if (!units.some((u) => u.refine))
    throw new RegenerationError(
      `"${input.path}" is kept as the template wrote it (agent ${file.agent} is not refined by the LLM engine), so there is nothing to regenerate.`,
      'regenerate.not-refined',
    );

  const chain = llmChain(llm, options);
  const runInstructions = [erd.instructions ?? '', options.instructions ?? '']
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n\n');
  const rules = (erd.rules ?? []).map((r) => r.text);
  const emit = (event: PoolEvent) => input.onEvent?.(event);
  const partsOf = new Map<string, Map<string, string>>();
  const partsOfFile = (path: string, text: string) => {
    let parts = partsOf.get(path);
    if (!parts) {
      parts = unitParts(
        text,
        plan.units.filter((u) => u.file === path && !u.wholeFile),
      );
      partsOf.set(path, parts);
    }
    return parts;
  };
  const dependencyCode = (id: string): string => {
    const dep = unitsById.get(id);
    if (!dep) return '';
    const text = input.fileContent?.(dep.file);
    return (text === undefined ? undefined : partsOfFile(dep.file, text).get(id)) ?? dep.draft;
  };

  interface Refined {
    code: string;
    source: FileSource;
    attempts: UnitAttempt[];
    tokens: number;
  }
  const refine = async (unit: WorkUnit, signal: AbortSignal): Promise<Refined> => {
    if (!unit.refine) return { code: unit.draft, source: 'template', attempts: [], tokens: 0 };
    const currentPart = unit.wholeFile ? input.current : (partsOfFile(unit.file, input.current).get(unit.id) ?? null);
    const instructions = [
      runInstructions,
      feedbackSection(input.path, feedback, currentPart ?? input.current, {
        wholeFile: unit.wholeFile || currentPart === null,
        language: unit.language,
      }),
    ]
      .filter(Boolean)
      .join('\n\n');
    const dependencies = unit.deps.map((id) => ({ unitId: id, code: dependencyCode(id) }));
    const outcome = await refineUnit(
      {
        unitId: unit.id,
        agent: unit.agent,
        file: unit.file,
        ...(unit.entity === undefined ? {} : { entity: unit.entity }),
        task: `${AGENTS[unit.agent].task}\nApply the reviewer's feedback on the current version: ${feedback}`,
        wholeFile: unit.wholeFile,
        language: unit.language,
        draft: unit.draft,
        slice: unit.slice,
        dependencies,
        rules,
        instructions,
      },
      refineContext(chain, signal, emit),
    );
    const attempts = outcome.attempts.map((a) => ({ ...a, unitId: unit.id }));
    if (outcome.status === 'fallback')
      return { code: unit.draft, source: 'fallback', attempts, tokens: outcome.tokens };
    const code = unit.wholeFile ? outcome.code : outcome.code.replace(/\s+$/, '');
    await options.cache?.set(
      llmUnitKey(chain, unit, Object.fromEntries(dependencies.map((d) => [d.unitId, sha256(d.code)])), instructions),
      {
        unitId: unit.id,
        agent: unit.agent,
        code,
        model: outcome.model,
        tokens: outcome.tokens,
        durationMs: outcome.durationMs,
        createdAt: new Date(chain.now()).toISOString(),
      },
    );
    return { code, source: 'llm', attempts, tokens: outcome.tokens };
  };

  const pool = await runPool(
    units.map((unit) => ({ id: unit.id, deps: [], run: ({ signal }) => refine(unit, signal) })),
    { concurrency: options.concurrency, signal: input.signal },
  );
  const results = units.map((u) => pool.results.get(u.id) as Refined);
  const outputs = new Map(units.map((u, i) => [u.id, results[i]?.code ?? u.draft]));
  return {
    path: file.path,
    content: file.assemble(outputs),
    agent: file.agent,
    source: fileSource(results.map((r) => r.source)),
    units: units.length,
    attempts: results.flatMap((r) => r.attempts),
    tokens: results.reduce((sum, r) => sum + r.tokens, 0),
    fallbacks: results.filter((r) => r.source === 'fallback').length,
  };
}

/** The prompt section with the reviewer's feedback and the version it is about. */
export function feedbackSection(
  path: string,
  feedback: string,
  current: string,
  scope: { wholeFile: boolean; language: string },
): string {
  const longest = Math.max(2, ...[...current.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const what = scope.wholeFile ? `the whole file ${path}` : `this unit's part of ${path}`;
  return [
    `### Reviewer's feedback on the current version of ${path}`,
    feedback,
    `### Current version under review (${what})`,
    `${ticks}${scope.language}\n${current.replace(/\s+$/, '')}\n${ticks}`,
    "Write a new version of the unit that applies the reviewer's feedback to the current version. Keep every name the deterministic draft defines.",
  ].join('\n\n');
}
