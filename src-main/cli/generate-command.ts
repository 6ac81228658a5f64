/**
 * `djforge generate`: parse the flags, drive the one generation workflow of the core (`core/run`:
 * load the ERD, prepare the engine, generate and review, write the approved files, report), print
 * what happened, ask on a terminal, and map the outcome to an exit code. Exit 1 when some generated
 * file did not reach the disk as generated (not approved, or a merge conflict kept the user's version).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hasErrors } from '../../src-shared/diagnostics';
import { endpointIdentity } from '../core/cache/cache-key';
import { resolveApiKey } from '../core/llm/presets';
import { checkOutputTarget, OutputError } from '../core/output/project-writer';
import { applyApprovalPolicy, type ApprovalPolicy } from '../core/review/approval-policy';
import {
  buildReport,
  checkZipTarget,
  GenerationRun,
  loadErdFile,
  PoolCancelledError,
  chooseCacheDir,
  prepareEngine,
  writeApproved,
  writeReport,
  type EngineChoice,
  type GenerationReport,
  type PreparedEngine,
  type WriteOutcome,
} from '../core/run';
import { EXIT, importChoice, parseEngineFlags, parseReviewChoice, printDiagnostics, type CliOptions } from './common';
import { conflictLines, describeActions, printEvent, reviewLines } from './generate-print';
import type { CliIo } from './io';
import { recordCliRun } from './history-record';
import { runReviewPrompt } from './review-prompt';

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

const onSigint = (cancel: () => void) => {
  process.once('SIGINT', cancel);
  return () => process.off('SIGINT', cancel);
};

export async function generateCommand(erdFile: string, options: CliOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const startedAt = Date.now();
  const out = options.out ? path.resolve(io.cwd, options.out) : null;
  const zip = options.zip ? path.resolve(io.cwd, options.zip) : null;
  const reportFile = options.json ? path.resolve(io.cwd, options.json) : null;
  const force = options.force ?? false;
  const quiet = options.quiet ?? false;
  const fail = (message: string, code: number) => {
    io.stderr(`djforge generate: ${message}\n`);
    return code;
  };
  const usage = (message: string) => fail(`${message}\nRun "djforge --help" for usage.`, EXIT.usage);
  const choice = parseEngineFlags(options);
  if (!choice.ok) return usage(choice.message);
  const reviewChoice = parseReviewChoice(options);
  if (!reviewChoice.ok) return usage(reviewChoice.message);
  const imported = importChoice(options);
  if (!imported.ok) return usage(imported.message);
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

  const loaded = await loadErdFile(path.resolve(io.cwd, erdFile), imported.value);
  const importMs = performance.now() - started;
  printDiagnostics(io, loaded.diagnostics, options.quiet);
  if (!loaded.erd || hasErrors(loaded.diagnostics)) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    return fail(`${erdFile} has ${errors} error(s); nothing was written.`, EXIT.usage);
  }
  const erd = loaded.erd;

  const llm = choice.value.llm;
  const apiKey = resolveApiKey(io.env);
  const engineChoice: EngineChoice = {
    engine: choice.value.engine,
    concurrency: choice.value.concurrency,
    ...(llm
      ? {
          llm: {
            ...llm,
            ...(apiKey === undefined ? {} : { apiKey }),
            ...(io.env['DJFORGE_SYNTAX_PYTHON'] ? { python: io.env['DJFORGE_SYNTAX_PYTHON'] } : {}),
          },
        }
      : {}),
  };
  let prepared: PreparedEngine;
  try {
    prepared = await prepareEngine(engineChoice, { env: io.env, cwd: io.cwd, home: io.env['HOME'] ?? os.homedir() });
  } catch (e) {
    return fail(`${(e as Error).message} Nothing was written.`, EXIT.usage);
  }
  for (const warning of prepared.warnings) io.stderr(`warning: ${warning}\n`);
  const { policy, threshold, runtime } = reviewChoice.value;
  const run = new GenerationRun({
    erd,
    pipeline: prepared.options,
    // `--approve none` means nothing is written, not even what would be auto-approved; nothing is
    // shown before the whole project is validated, so each file is judged once.
    review: {
      threshold,
      runtime,
      autoApprove: policy !== 'none',
      judgeOnJoin: false,
      ...(reviewChoice.value.unsandboxedRuntime ? { unsandboxedRuntime: true } : {}),
    },
    env: io.env,
    // Django's makemigrations on the template project; shipped migrations in --out stay untouched.
    migrations: {
      targetDir: out ?? null,
      cacheDir: options['no-cache']
        ? null
        : chooseCacheDir(options['cache-dir'], { env: io.env, cwd: io.cwd, home: io.env['HOME'] ?? os.homedir() }),
    },
    onEvent: (event) => printEvent(io, event, quiet),
    onInterrupt: onSigint,
    onRegenerated: (r) => {
      if (!quiet)
        io.stderr(
          `Regenerated ${r.path} (${r.source}): ${r.units} unit(s), ${r.attempts.length} model call(s), ${r.tokens} tokens.\n`,
        );
    },
  });
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    await run.generate(cancel.signal);
    if (run.migrationsNotice) io.stderr(`warning: ${run.migrationsNotice}.\n`);
  } catch (e) {
    await prepared.close();
    if (e instanceof PoolCancelledError) return fail('cancelled; nothing was written.', EXIT.cancelled);
    throw e;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (!quiet)
    for (const problem of prepared.options.cache?.problems ?? [])
      io.stderr(`warning: cache: ${problem} (ignored; rewritten when regenerated)\n`);

  // The engine stays open through the review: regenerating a file with feedback uses it.
  let decidedBy: ApprovalPolicy | 'interactive';
  try {
    await run.judge();
    const terminal = policy === null && io.terminal ? io.terminal() : null;
    if (terminal) {
      try {
        await runReviewPrompt(run.review, terminal);
      } finally {
        terminal.close();
      }
      decidedBy = 'interactive';
    } else {
      decidedBy = policy ?? 'high';
      applyApprovalPolicy(run.review, decidedBy);
    }
  } finally {
    await prepared.close();
  }
  if (!quiet) io.stdout(reviewLines(run, decidedBy));
  const session = run.review;
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
  const result = run.reportedResult();
  const extra: Partial<Pick<GenerationReport, 'llm' | 'cache'>> =
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
    erdFile,
    format: loaded.format,
    diagnostics: loaded.diagnostics,
    out,
    run,
    decidedBy,
    written,
    times: { pipelineMs: performance.now() - started, importMs },
    extra,
  });
  if (reportFile) await writeReport(reportFile, report);
  if (!options['no-history'])
    await recordCliRun(io, {
      runId: randomUUID(),
      status: 'completed',
      run,
      startedAt,
      pipelineMs: report.metrics.pipelineMs,
      concurrency: choice.value.concurrency,
      models: llm ? [llm.model, ...llm.fallbackModels.filter((m) => m !== llm.model)] : [],
      baseURL: prepared.options.llm?.client.baseURL ?? null,
      reviewer: decidedBy === 'interactive' ? 'person' : 'policy',
    });

  const { metrics } = result;
  if (out && written.conflicts.length > 0) io.stderr(conflictLines(out, written.conflicts, io.cwd));
  if (!quiet) {
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
          ? `Next: cd ${shownDir(io.cwd, out)} && pip install -r requirements.txt && ` +
            `${run.migrationsNotice ? 'python manage.py makemigrations && ' : ''}python manage.py migrate && python manage.py test\n`
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

/** The output folder as a person would type it: relative when it is below the working folder. */
function shownDir(cwd: string, out: string): string {
  const relative = path.relative(cwd, out);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? out : relative;
}
