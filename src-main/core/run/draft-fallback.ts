/**
 * A complete project, always: every model-written file has a known-good counterpart, its offline
 * draft. After the whole project is judged, a model-written file with errors — a runtime failure
 * pinned on it (by substitution, see validate/runtime-attribution.ts) or a static layer's finding
 * the draft does not have — goes back to the model once with the messages (see runtime-repair.ts);
 * whatever still has an error gives way to its draft, the project is judged again, and so on until
 * no model-written file has an error. Files are never dropped; the answers of drafted files are
 * evicted from the cache so a rerun never serves them.
 */
import type { Erd } from '../../../src-shared/erd/model';
import type { AgentCache } from '../cache/agent-cache';
import { generateProject } from '../generate';
import type { ReviewSession } from '../review/review-session';
import type { DraftReplacement } from '../review/types';
import type { Finding, SourceFile } from '../validate/types';
import { validateStatic } from '../validate/validate-project';
import { findingKey, repairableErrors, repairFeedback } from './runtime-repair';

/** Sources whose text a model wrote (directly, or an answer served from the cache). */
const MODEL_SOURCES: ReadonlySet<string> = new Set(['llm', 'cache']);

/** Why the model's version gave way to the draft, in one sentence naming the first problems. */
function draftReason(failed: string | null, errors: readonly Finding[]): string {
  if (failed !== null) return `generation failed: ${failed}`;
  const shown = errors.slice(0, 3).map((f) => `${f.rule}${f.line > 0 ? ` (line ${f.line})` : ''}: ${f.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `the model's version had ${errors.length} error${errors.length === 1 ? '' : 's'} after repair — ${shown.join('; ')}${more}`;
}

export interface DraftFallbackContext {
  erd: Erd;
  env: Readonly<Record<string, string | undefined>>;
  python?: string;
  review: ReviewSession;
  /** The run's generated files: their source says which a model wrote; `cacheKeys` its answers. */
  files: readonly { path: string; source: string; cacheKeys?: string[] }[];
  cache?: AgentCache;
  /** A new version of a file from the model with feedback; null with the template engine. */
  repair: ((path: string, feedback: string, current: string) => Promise<string>) | null;
  /** Files already sent back for a runtime repair (one attempt each, across calls). */
  repairAsked: Set<string>;
}

/** Repairs, then drafts, until no model-written file has an error (see the module comment). */
export async function fallBackToDrafts(ctx: DraftFallbackContext): Promise<void> {
  const modelWritten = new Set(ctx.files.filter((f) => MODEL_SOURCES.has(f.source)).map((f) => f.path));
  if (modelWritten.size === 0) return;
  const template = generateProject(ctx.erd);
  const drafts = new Map(template.map((f) => [f.path, f.content]));
  let draftErrors: Promise<Set<string>> | null = null;
  // An error the draft has too is the template's, not the model's: neither a repair nor the draft fixes it.
  const known = () => (draftErrors ??= templateErrors(ctx, template));
  for (;;) {
    if (await repairFailures(ctx, modelWritten, known)) continue;
    const candidates = ctx.review
      .list()
      .filter((e) => modelWritten.has(e.path) && e.keptDraft === null && drafts.has(e.path))
      .filter((e) => e.failed !== null || e.current.findings.some((f) => f.severity === 'error'));
    if (candidates.length === 0) return;
    const templateKeys = await known();
    const rejected = new Map<string, DraftReplacement>();
    for (const entry of candidates) {
      const errors = entry.current.findings.filter((f) => f.severity === 'error' && !templateKeys.has(findingKey(f)));
      if (errors.length === 0 && entry.failed === null) continue;
      rejected.set(entry.path, { content: drafts.get(entry.path) ?? '', reason: draftReason(entry.failed, errors) });
    }
    if (rejected.size === 0) return;
    await ctx.review.useDrafts(rejected);
    await evictAnswers(ctx, rejected.keys());
  }
}

/**
 * Model-written files with errors the draft does not have go back to the model once, with the
 * messages as feedback; the repaired versions are judged with the whole project. Returns whether
 * anything was repaired (false: nothing to repair, or the template engine).
 */
async function repairFailures(
  ctx: DraftFallbackContext,
  modelWritten: ReadonlySet<string>,
  known: () => Promise<Set<string>>,
): Promise<boolean> {
  const repair = ctx.repair;
  if (!repair) return false;
  const asked = ctx.review
    .list()
    .filter((e) => modelWritten.has(e.path) && e.keptDraft === null && !ctx.repairAsked.has(e.path))
    .filter((e) => e.current.findings.some((f) => f.severity === 'error'));
  if (asked.length === 0) return false;
  const templateKeys = await known();
  const targets = asked
    .map((e) => ({ entry: e, failures: repairableErrors(e.current.findings, templateKeys) }))
    .filter((t) => t.failures.length > 0);
  if (targets.length === 0) return false;
  const repairs = new Map<string, { content: string; feedback: string }>();
  await Promise.all(
    targets.map(async ({ entry, failures }) => {
      ctx.repairAsked.add(entry.path);
      const feedback = repairFeedback(entry.path, failures);
      try {
        const content = await repair(entry.path, feedback, entry.current.content);
        if (content !== entry.current.content) repairs.set(entry.path, { content, feedback });
      } catch {
        // No repair (a refused or cancelled regeneration): the draft stands in.
      }
    }),
  );
  if (repairs.size === 0) return false;
  await ctx.review.useRepairs(repairs);
  return true;
}

/** Forgets the cached model answers of files replaced by their drafts, so a rerun asks again. */
async function evictAnswers(ctx: DraftFallbackContext, paths: Iterable<string>): Promise<void> {
  if (!ctx.cache) return;
  const byPath = new Map(ctx.files.map((f) => [f.path, f.cacheKeys ?? []]));
  for (const path of paths) for (const key of byPath.get(path) ?? []) await ctx.cache.evict(key);
}

/** The error findings of the template project itself (static layers), as `findingKey`s. */
async function templateErrors(ctx: DraftFallbackContext, template: readonly SourceFile[]): Promise<Set<string>> {
  const { findings } = await validateStatic(template, {
    erd: ctx.erd,
    env: ctx.env,
    ...(ctx.python ? { python: ctx.python } : {}),
  });
  return new Set(findings.filter((f) => f.severity === 'error').map(findingKey));
}
