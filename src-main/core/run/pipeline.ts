/**
 * The generation pipeline every host calls (CLI, desktop app, web host): the template project,
 * split into the agents' units, run on the pool by the chosen engine, assembled into files that
 * each say where their text came from (template, llm, cache, fallback) and what every attempt was.
 * `prepareLlmEngine` turns a host's settings (provider, URL, models, timeout) into the engine's
 * options, with the key taken from the environment by the host and never stored anywhere else.
 */
import type { Erd } from '../../../src-shared/erd/model';
import {
  executePlan,
  type LlmEngineOptions,
  type PipelineHooks,
  type PipelineOptions,
  type PipelineResult,
} from '../agents/execute-plan';
import { DjForgeError } from '../errors';
import { createLlmClient, DEFAULT_REQUEST_TIMEOUT_MS } from '../llm/client';
import { resolveProvider } from '../llm/presets';
import { startSyntaxChecker } from '../llm/python-syntax';
import { RecoveryPolicy } from '../recovery/policy';
import { findAnalyzerPython } from '../validate/python-analyzer';
import { planProject } from './plan';

export type { PoolEvent, PoolEventType } from '../agents/events';
export type {
  GenerationMetrics,
  LlmEngineOptions,
  PipelineFile,
  PipelineHooks,
  PipelineOptions,
  PipelineResult,
  UnitAttempt,
} from '../agents/execute-plan';
export { PoolCancelledError } from '../agents/pool';

/**
 * Generates the project for a normalized, validated `erd`. Rejects with PoolCancelledError on cancel.
 * Hosts validate what it generates, so the (memoised) probe for the analyzer's Python starts now,
 * on another core, instead of after generation.
 */
export async function runPipeline(
  erd: Erd,
  options: PipelineOptions,
  hooks: PipelineHooks = {},
): Promise<PipelineResult> {
  void findAnalyzerPython();
  return executePlan(erd, planProject(erd), options, hooks);
}

export interface LlmSetup {
  provider?: string;
  baseURL?: string;
  /** From DJFORGE_API_KEY / OPENAI_API_KEY or the OS keychain; never from a flag. */
  apiKey?: string;
  model: string;
  fallbackModels?: readonly string[];
  requestTimeoutMs?: number;
  temperature?: number;
  maxTokens?: number;
  /** Interpreter for the syntax check; default `python3`, else tree-sitter. */
  python?: string;
  policy?: RecoveryPolicy;
}

/**
 * The LLM engine's options from a host's settings; `close` stops the syntax checker. Throws a
 * sentence fit for the user when the provider/URL is unusable or a hosted provider has no key.
 */
export async function prepareLlmEngine(
  setup: LlmSetup,
): Promise<{ engine: LlmEngineOptions; close: () => Promise<void> }> {
  let resolved: ReturnType<typeof resolveProvider>;
  try {
    resolved = resolveProvider({
      ...(setup.provider ? { provider: setup.provider } : {}),
      ...(setup.baseURL ? { baseURL: setup.baseURL } : {}),
    });
  } catch (e) {
    throw new DjForgeError('settings.invalid', (e as Error).message);
  }
  const { preset, baseURL } = resolved;
  if (preset.requiresApiKey && !setup.apiKey) {
    throw new DjForgeError(
      'settings.invalid',
      `${preset.label} needs an API key: set DJFORGE_API_KEY (or OPENAI_API_KEY) in the environment.`,
    );
  }
  if (setup.model.trim() === '') throw new DjForgeError('settings.invalid', 'The LLM engine needs a model (--model).');
  const client = createLlmClient({
    baseURL,
    ...(setup.apiKey ? { apiKey: setup.apiKey } : {}),
    timeoutMs: setup.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    ...(preset.defaultHeaders ? { defaultHeaders: preset.defaultHeaders } : {}),
  });
  const checker = await startSyntaxChecker(setup.python ? { python: setup.python } : {});
  return {
    engine: {
      client,
      model: setup.model,
      fallbackModels: setup.fallbackModels ?? [],
      checker,
      policy: setup.policy ?? new RecoveryPolicy(),
      ...(setup.temperature === undefined ? {} : { temperature: setup.temperature }),
      ...(setup.maxTokens === undefined ? {} : { maxTokens: setup.maxTokens }),
    },
    close: () => checker.close(),
  };
}
