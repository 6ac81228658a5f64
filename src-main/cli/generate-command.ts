/**
 * `djforge generate`: import the ERD, run the pipeline, review every file as it finishes (the
 * validation layers, scores and categories; a person on a terminal or the `--approve` policy
 * decides), write only the approved files (`--out` folder, merged with an earlier generation,
 * and/or a `--zip`), and report. Exit 1 when some generated file did not reach the disk as
 * generated (not approved, or a merge conflict kept the user's version).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hasErrors } from '../../src-shared/diagnostics';
import { endpointIdentity } from '../core/cache/cache-key';
import { loadErdFile } from '../core/load-erd';
import { checkOutputTarget, OutputError } from '../core/output/project-writer';
import { PoolCancelledError, runPipeline, type PipelineResult } from '../core/pipeline';
import type { GenerationReport } from '../core/report';
import { EXIT, parseEngineChoice, parseReviewChoice, printDiagnostics, type CliOptions } from './common';
import { pipelineOptions, printEvent } from './generate-engine';
import { buildReport, writeReport } from './generate-report';
import { GenerateReview, withRegenerations, type ReviewOutcome } from './generate-review';
import { conflictLines, describeActions, writeApproved, type WriteOutcome } from './generate-write';
import type { CliIo } from './io';

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

export async function generateCommand(erdFile: string, options: CliOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const out = options.out ? path.resolve(io.cwd, options.out) : null;
  const zip = options.zip ? path.resolve(io.cwd, options.zip) : null;
  const reportFile = options.json ? path.resolve(io.cwd, options.json) : null;
  const force = options.force ?? false;
  const fail = (message: string, code: number) => {
    io.stderr(`djforge generate: ${message}\n`);
    return code;
  };
  const usage = (message: string) => fail(`${message}\nRun "djforge --help" for usage.`, EXIT.usage);
  const choice = parseEngineChoice(options);
  if (!choice.ok) return usage(choice.message);
  const reviewChoice = parseReviewChoice(options);
  if (!reviewChoice.ok) return usage(reviewChoice.message);
  if (out && reportFile && inside(reportFile, out))
    return fail(`--json ${options.json} must not be inside --out ${options.out}.`, EXIT.usage);
  if (out && zip && inside(zip, out))
    return fail(`--zip ${options.zip} must not be inside --out ${options.out}.`, EXIT.usage);
  if (zip && reportFile === zip) return fail('--zip and --json name the same file.', EXIT.usage);
  try {
    if (out) await checkOutputTarget(out, { force, merge: true });
    if (zip) await checkZipTarget(zip, force);
  } catch (e) {
    if (e instanceof OutputError) return fail(e.message, EXIT.usage);
    throw e;
  }

  const loaded = await loadErdFile(path.resolve(io.cwd, erdFile));
  const importMs = performance.now() - started;
  printDiagnostics(io, loaded.diagnostics, options.quiet);
  if (!loaded.erd || hasErrors(loaded.diagnostics)) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    return fail(`${erdFile} has ${errors} error(s); nothing was written.`, EXIT.usage);
  }
  const erd = loaded.erd;

  const genStart = performance.now();
  let prepared: Awaited<ReturnType<typeof pipelineOptions>>;
  try {
    prepared = await pipelineOptions(choice.value, io);
  } catch (e) {
    return fail(`${(e as Error).message} Nothing was written.`, EXIT.usage);
  }
  const quiet = options.quiet ?? false;
  const review = new GenerateReview(erd, reviewChoice.value, io.env, {
    options: prepared.options,
    onEvent: (event) => printEvent(io, event, quiet),
    ...(quiet ? {} : { note: (line: string) => io.stderr(line) }),
  });
  let result: PipelineResult;
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    result = await runPipeline(erd, prepared.options, {
      signal: cancel.signal,
      onEvent: (event) => {
        printEvent(io, event, options.quiet ?? false);
        if (event.type === 'fileReady') review.add({ path: event.file, content: event.content, agent: event.agent });
      },
    });
  } catch (e) {
    await prepared.close();
    if (e instanceof PoolCancelledError) return fail('cancelled; nothing was written.', EXIT.cancelled);
    throw e;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  const generateMs = performance.now() - genStart;
  review.ensureAll(result.files);
  review.prefetchRuntime(result.files);
  if (!options.quiet)
    for (const problem of prepared.options.cache?.problems ?? [])
      io.stderr(`warning: cache: ${problem} (ignored; rewritten when regenerated)\n`);

  // The engine stays open through the review: regenerating a file with feedback uses it.
  let outcome: ReviewOutcome;
  try {
    outcome = await review.finish(io);
  } finally {
    await prepared.close();
  }
  result = withRegenerations(result, review.regenerations);
  if (!options.quiet) io.stdout(reviewLines(outcome));
  const { session } = outcome;
  const approved = session.approvedFiles().map((f) => ({ path: f.path, content: f.content }));
  const notApproved = session
    .list()
    .filter((e) => e.decision !== 'approved')
    .map((e) => e.path);
  let written: WriteOutcome;
  try {
    written = await writeApproved({ out, zip, force, zipRoot: erd.project.name }, approved, notApproved);
  } catch (e) {
    if (e instanceof OutputError)
      return fail(e.message, e.code === 'output.write-failed' ? EXIT.writeFailed : EXIT.usage);
    throw e;
  }
  const code = notApproved.length > 0 || written.conflicts.length > 0 ? EXIT.notApproved : EXIT.ok;
  const llm = choice.value.llm;
  const extra: Pick<GenerationReport, 'llm' | 'cache'> =
    llm && prepared.options.llm
      ? {
          llm: {
            provider: llm.provider ?? null,
            endpoint: endpointIdentity(prepared.options.llm.client.baseURL),
            model: llm.model,
            fallbackModels: llm.fallbackModels,
            concurrency: choice.value.concurrency,
          },
          cache:
            result.cache && prepared.cacheDir && prepared.options.cache
              ? { dir: prepared.cacheDir, diskBytes: await prepared.options.cache.bytes(), ...result.cache }
              : null,
        }
      : {};
  const report = buildReport({
    ok: code === EXIT.ok,
    engine: choice.value.engine,
    erdFile,
    format: loaded.format,
    erd,
    diagnostics: loaded.diagnostics,
    out,
    result,
    review: outcome,
    written,
    times: { pipelineMs: performance.now() - started, importMs, generateMs },
    extra,
  });
  if (reportFile) await writeReport(reportFile, report);

  const { metrics } = result;
  if (out && written.conflicts.length > 0) io.stderr(conflictLines(out, written.conflicts, io.cwd));
  if (!options.quiet) {
    const where = [
      out
        ? `to ${out} (${written.mode === 'merged' ? `merged: ${describeActions(written.entries)}` : written.mode})`
        : '',
      zip ? `${out ? 'and ' : ''}into ${zip}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    io.stdout(
      `Wrote ${approved.length} of ${result.files.length} files (${erd.entities.length} entities) for project ` +
        `"${erd.project.name}" ${where} in ${Math.round(report.metrics.pipelineMs)} ms.\n` +
        (llm
          ? `LLM engine: ${metrics.llmCalls} model calls, ${metrics.retries} retries, ${metrics.fallbacks} fallbacks to the template, ` +
            `cache ${metrics.cacheHits} hits / ${metrics.cacheMisses} misses, ${metrics.tokens} tokens (${metrics.tokensSaved} saved).\n`
          : '') +
        (out && code === EXIT.ok
          ? `Next: cd ${path.relative(io.cwd, out) || '.'} && pip install -r requirements.txt && python manage.py migrate && python manage.py test\n`
          : ''),
    );
  }
  if (notApproved.length > 0)
    io.stderr(
      `djforge generate: ${notApproved.length} of ${result.files.length} files not approved, so not written: ` +
        `${notApproved.join(', ')}. ` +
        (approved.length > 0 ? `The ${approved.length} approved files were written. ` : 'Nothing was written. ') +
        `Approve more with --approve high+medium or --approve all, or review on a terminal.\n`,
    );
  if (written.conflicts.length > 0)
    io.stderr(
      `djforge generate: ${written.conflicts.length} merge conflict(s); your version of each was kept (see above).\n`,
    );
  return code;
}

async function checkZipTarget(zip: string, force: boolean): Promise<void> {
  const stat = await fs.lstat(zip).catch(() => null);
  if (stat?.isDirectory()) throw new OutputError(`--zip ${zip} is a folder, not a file.`, 'output.not-directory');
  if (stat && !force) throw new OutputError(`${zip} already exists; pass --force to replace it.`, 'output.not-empty');
}

/** The validation and review summary: layers, categories, decisions, and each file left out with its main reason. */
function reviewLines({ session, validation, decidedBy, validateMs }: ReviewOutcome): string {
  const summary = session.summary();
  const { runtime } = validation;
  const runtimeText = runtime.ran
    ? `runtime layer (${runtime.steps.map((s) => s.step.split(' ')[0]).join(', ')}) ${(runtime.durationMs / 1000).toFixed(1)} s${runtime.sandbox && runtime.sandbox !== 'none' ? ` in ${runtime.sandbox}` : ''}${runtime.notice ? ` (${runtime.notice})` : ''}, --no-runtime skips it`
    : `runtime layer skipped: ${runtime.skipped ?? 'not run'}`;
  const python = validation.python ? `CPython ${validation.python}` : 'tree-sitter (no Python found)';
  const lines = [
    `Validated ${summary.files} files in ${(validateMs / 1000).toFixed(1)} s: static layers with ${python}; ${runtimeText}.`,
    `Review (${decidedBy === 'interactive' ? 'on the terminal' : `--approve ${decidedBy}`}): ` +
      Object.entries(summary.byCategory)
        .map(([category, paths]) => `${paths.length} ${category}`)
        .join(', ') +
      ` — ${summary.approved} approved, ${summary.skipped} skipped; average quality ${summary.avgQuality.toFixed(2)}.`,
  ];
  for (const e of session.list()) {
    if (e.decision === 'approved') continue;
    const why = e.current.reasons[0] ?? 'no reason recorded';
    lines.push(`  not approved: ${e.path} (${e.current.category}, score ${e.current.score.toFixed(2)}): ${why}`);
  }
  return lines.join('\n') + '\n';
}
