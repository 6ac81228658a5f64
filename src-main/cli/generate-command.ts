import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import packageJson from '../../package.json';
import { AgentCache } from '../core/cache/agent-cache';
import { endpointIdentity } from '../core/cache/cache-key';
import { resolveCacheDir } from '../core/cache/cache-dir';
import { preflightEndpoint } from '../core/llm/preflight';
import { resolveApiKey } from '../core/llm/presets';
import { loadErdFile } from '../core/load-erd';
import { checkOutputTarget, OutputError, writeProject } from '../core/output/project-writer';
import {
  PoolCancelledError,
  prepareLlmEngine,
  runPipeline,
  type PipelineOptions,
  type PoolEvent,
} from '../core/pipeline';
import type { GenerationReport } from '../core/report';
import type { CliIo } from './io';
import { hasErrors } from '../../src-shared/diagnostics';
import { EXIT, parseEngineChoice, printDiagnostics, type CliOptions, type EngineChoice } from './common';

export async function generateCommand(erdFile: string, options: CliOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const out = path.resolve(io.cwd, options.out as string);
  const reportFile = options.json ? path.resolve(io.cwd, options.json) : null;
  const fail = (message: string, code: number) => {
    io.stderr(`djforge generate: ${message}\n`);
    return code;
  };
  const choice = parseEngineChoice(options);
  if (!choice.ok) return fail(`${choice.message}\nRun "djforge --help" for usage.`, EXIT.usage);
  if (reportFile && (reportFile === out || reportFile.startsWith(out + path.sep))) {
    return fail(`--json ${options.json} must not be inside --out ${options.out}.`, EXIT.usage);
  }
  try {
    await checkOutputTarget(out, { force: options.force ?? false });
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
  let result;
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    result = await runPipeline(erd, prepared.options, {
      signal: cancel.signal,
      onEvent: (event) => printEvent(io, event, options.quiet ?? false),
    });
  } catch (e) {
    if (e instanceof PoolCancelledError) return fail('cancelled; nothing was written.', EXIT.cancelled);
    throw e;
  } finally {
    process.off('SIGINT', onInterrupt);
    await prepared.close();
  }
  const files = result.files;
  const generateMs = performance.now() - genStart;

  const cacheProblems = prepared.options.cache?.problems ?? [];
  if (!options.quiet)
    for (const problem of cacheProblems)
      io.stderr(`warning: cache: ${problem} (ignored; rewritten when regenerated)\n`);
  const writeStart = performance.now();
  try {
    await writeProject(out, files, { force: options.force ?? false });
  } catch (e) {
    if (e instanceof OutputError)
      return fail(e.message, e.code === 'output.write-failed' ? EXIT.writeFailed : EXIT.usage);
    throw e;
  }
  const writeMs = performance.now() - writeStart;
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const { metrics } = result;
  const llm = choice.value.llm;

  const report: GenerationReport = {
    ok: true,
    tool: { name: 'djforge', version: packageJson.version },
    engine: choice.value.engine,
    erd: { file: erdFile, format: loaded.format, project: erd.project.name },
    out,
    files: files.map((f) => ({
      path: f.path,
      agent: f.agent,
      source: f.source,
      written: true,
      bytes: Buffer.byteLength(f.content),
      units: f.units,
      attempts: f.attempts,
    })),
    diagnostics: loaded.diagnostics,
    metrics: {
      pipelineMs: round(performance.now() - started),
      importMs: round(importMs),
      generateMs: round(generateMs),
      writeMs: round(writeMs),
      entities: erd.entities.length,
      relations: erd.relations.length,
      files: files.length,
      bytes,
      units: metrics.units,
      llmCalls: metrics.llmCalls,
      cacheHits: metrics.cacheHits,
      cacheMisses: metrics.cacheMisses,
      retries: metrics.retries,
      fallbacks: metrics.fallbacks,
      tokens: metrics.tokens,
      tokensSaved: metrics.tokensSaved,
      maxInFlight: metrics.maxInFlight,
    },
    ...(llm && prepared.options.llm
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
      : {}),
  };
  if (reportFile) {
    await fs.mkdir(path.dirname(reportFile), { recursive: true });
    const tmp = `${reportFile}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
    await fs.rename(tmp, reportFile);
  }
  if (!options.quiet) {
    io.stdout(
      `Wrote ${files.length} files (${erd.entities.length} entities) for project "${erd.project.name}" to ${out} ` +
        `in ${Math.round(report.metrics.pipelineMs)} ms.\n` +
        (llm
          ? `LLM engine: ${metrics.llmCalls} model calls, ${metrics.retries} retries, ${metrics.fallbacks} fallbacks to the template, ` +
            `cache ${metrics.cacheHits} hits / ${metrics.cacheMisses} misses, ${metrics.tokens} tokens (${metrics.tokensSaved} saved).\n`
          : '') +
        `Next: cd ${path.relative(io.cwd, out) || '.'} && pip install -r requirements.txt && python manage.py migrate && python manage.py test\n`,
    );
  }
  return EXIT.ok;
}

/** Pipeline options for the chosen engine; `close` releases the syntax checker. */
async function pipelineOptions(
  choice: EngineChoice,
  io: CliIo,
): Promise<{ options: PipelineOptions; cacheDir: string | null; close: () => Promise<void> }> {
  const llm = choice.llm;
  if (choice.engine === 'template' || !llm)
    return {
      options: { engine: 'template', concurrency: choice.concurrency },
      cacheDir: null,
      close: () => Promise.resolve(),
    };
  const apiKey = resolveApiKey(io.env);
  const { engine, close } = await prepareLlmEngine({
    ...(llm.provider === undefined ? {} : { provider: llm.provider }),
    ...(llm.baseURL === undefined ? {} : { baseURL: llm.baseURL }),
    ...(apiKey === undefined ? {} : { apiKey }),
    model: llm.model,
    fallbackModels: llm.fallbackModels,
    ...(llm.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: llm.requestTimeoutMs }),
    ...(io.env['DJFORGE_SYNTAX_PYTHON'] ? { python: io.env['DJFORGE_SYNTAX_PYTHON'] } : {}),
  });
  const preflight = await preflightEndpoint(
    engine.client,
    [llm.model, ...llm.fallbackModels],
    Math.min(10_000, llm.requestTimeoutMs ?? 10_000),
  );
  if (preflight.fatal !== null) {
    await close();
    throw new Error(preflight.fatal);
  }
  for (const warning of preflight.warnings) io.stderr(`warning: ${warning}\n`);
  const cacheDir = llm.noCache
    ? null
    : resolveCacheDir({
        ...(llm.cacheDir === undefined ? {} : { explicit: llm.cacheDir }),
        env: io.env,
        home: io.env['HOME'] ?? os.homedir(),
        cwd: io.cwd,
      });
  return {
    options: {
      engine: 'llm',
      concurrency: choice.concurrency,
      instructions: llm.instructions,
      llm: engine,
      cache: cacheDir ? new AgentCache({ dir: cacheDir }) : null,
    },
    cacheDir,
    close,
  };
}

/** Recovery is worth a line on stderr; the rest of the progress stays quiet in a terminal. */
function printEvent(io: CliIo, event: PoolEvent, quiet: boolean): void {
  if (quiet) return;
  if (event.type === 'retrying') {
    const { attempt } = event;
    const wait = event.waitMs > 0 ? `, waiting ${event.waitMs} ms` : '';
    io.stderr(
      `retry ${event.unitId}: ${attempt.outcome} on ${attempt.model} → ${attempt.action} (next: ${event.nextModel}${wait})\n`,
    );
  } else if (event.type === 'fellBack') {
    io.stderr(`warning: ${event.unitId} fell back to the template draft: ${event.reason}\n`);
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
