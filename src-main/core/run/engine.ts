/**
 * The engine of a run, prepared the same way for every host: the template engine as is, or the LLM
 * engine with its client, its endpoint checked once before any work (`GET /models`: an unreachable
 * server or a refused key stops the run at once instead of failing every unit), and the agent
 * cache in the one folder every host chooses by the same rule (`chooseCacheDir`).
 */
import os from 'node:os';
import path from 'node:path';
import { AgentCache } from '../cache/agent-cache';
import { resolveCacheDir } from '../cache/cache-dir';
import { DjForgeError } from '../errors';
import { preflightEndpoint } from '../llm/preflight';
import { prepareLlmEngine, type LlmSetup, type PipelineOptions } from './pipeline';

type Env = Readonly<Record<string, string | undefined>>;

/** What a host decided about the engine (from flags or settings). */
export interface EngineChoice {
  engine: 'template' | 'llm';
  concurrency: number;
  /** The LLM engine's endpoint and models; required with `engine: 'llm'`. */
  llm?: LlmSetup & {
    /** The user's instructions for every unit (added to the ERD's own). */
    instructions?: string;
    /** A cache folder the user chose (flag or setting); relative to `cwd`. */
    cacheDir?: string | null;
    /** Neither read nor write the cache. */
    noCache?: boolean;
  };
}

/** Where the host runs: its environment, working folder and home. */
export interface HostPlace {
  env: Env;
  cwd: string;
  home?: string;
}

/**
 * The agent cache folder, one rule for every host: the user's explicit choice (`--cache-dir` or
 * the app's setting), else `AGENT_CACHE_DIR` (several people can share one folder), else
 * `$XDG_CACHE_HOME/djforge`, else `~/.cache/djforge` — so the CLI and the app share answers.
 */
export function chooseCacheDir(explicit: string | null | undefined, place: HostPlace): string {
  return resolveCacheDir({
    ...(explicit ? { explicit } : {}),
    env: place.env,
    home: place.home ?? place.env['HOME'] ?? os.homedir(),
    cwd: place.cwd,
  });
}

export interface PreparedEngine {
  options: PipelineOptions;
  /** The cache folder in use, or null (template engine, or no cache). */
  cacheDir: string | null;
  /** Things worth telling the user before the run (a model the endpoint does not list). */
  warnings: string[];
  /** Stops the LLM engine's syntax checker; call when the run (and its review) is over. */
  close(): Promise<void>;
}

const caches = new Map<string, AgentCache>();

/** One `AgentCache` per folder per process, so two runs share its memory layer and statistics. */
function cacheAt(dir: string, shared: boolean): AgentCache {
  if (!shared) return new AgentCache({ dir });
  const cache = caches.get(path.resolve(dir)) ?? new AgentCache({ dir });
  caches.set(path.resolve(dir), cache);
  return cache;
}

/**
 * The pipeline options for `choice`. Throws a DjForgeError: `settings.invalid` when the provider,
 * URL, model or key cannot work; `llm.unusable` when the endpoint is unreachable or refuses the
 * key. `shareCache` keeps one cache object per folder across runs (a long-lived app).
 */
export async function prepareEngine(
  choice: EngineChoice,
  place: HostPlace,
  { shareCache = false }: { shareCache?: boolean } = {},
): Promise<PreparedEngine> {
  const llm = choice.llm;
  if (choice.engine === 'template' || !llm)
    return {
      options: { engine: 'template', concurrency: choice.concurrency },
      cacheDir: null,
      warnings: [],
      close: () => Promise.resolve(),
    };
  const { instructions, cacheDir: explicit, noCache, ...setup } = llm;
  const { engine, close } = await prepareLlmEngine(setup);
  const preflight = await preflightEndpoint(
    engine.client,
    [setup.model, ...(setup.fallbackModels ?? [])],
    Math.min(10_000, setup.requestTimeoutMs ?? 10_000),
  );
  if (preflight.fatal !== null) {
    await close();
    throw new DjForgeError('llm.unusable', preflight.fatal, true);
  }
  const cacheDir = noCache ? null : chooseCacheDir(explicit, place);
  return {
    options: {
      engine: 'llm',
      concurrency: choice.concurrency,
      instructions: instructions ?? '',
      llm: engine,
      cache: cacheDir ? cacheAt(cacheDir, shareCache) : null,
    },
    cacheDir,
    warnings: preflight.warnings,
    close,
  };
}
