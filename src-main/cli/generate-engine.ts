/**
 * The engine side of `djforge generate`: pipeline options for the chosen engine (the LLM client,
 * its endpoint checked before any work, the shared cache) and the progress lines worth printing.
 */
import os from 'node:os';
import { AgentCache } from '../core/cache/agent-cache';
import { resolveCacheDir } from '../core/cache/cache-dir';
import { preflightEndpoint } from '../core/llm/preflight';
import { resolveApiKey } from '../core/llm/presets';
import { prepareLlmEngine, type PipelineOptions, type PoolEvent } from '../core/pipeline';
import type { EngineChoice } from './common';
import type { CliIo } from './io';

/** Pipeline options for the chosen engine; `close` releases the syntax checker. */
export async function pipelineOptions(
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
export function printEvent(io: CliIo, event: PoolEvent, quiet: boolean): void {
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
