/**
 * What every LLM refinement of a unit shares, whether it happens in a run or in a regeneration
 * with feedback: the model chain with its recovery state, the cache key of a refined unit, and the
 * context `refineUnit` needs. One definition, so a run and a regeneration can never key or recover
 * differently.
 */
import type { PoolEvent } from './events';
import { AGENTS } from './definitions';
import type { WorkUnit } from './split-units';
import type { LlmEngineOptions, PipelineOptions } from './execute-plan';
import { cacheKey, endpointIdentity, sha256, type CacheKey } from '../cache/cache-key';
import { PROMPT_VERSION } from '../llm/prompt';
import { abortableSleep, type RefineContext } from '../llm/refine-unit';
import { ModelCooldowns } from '../recovery/cooldowns';
import { RecoveryPolicy } from '../recovery/policy';

/** The model chain of one run or regeneration, with its own cooldowns. */
export interface LlmChain {
  llm: LlmEngineOptions;
  /** The primary model first, then the fallbacks (without repeating it). */
  models: string[];
  policy: RecoveryPolicy;
  cooldowns: ModelCooldowns;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function llmChain(llm: LlmEngineOptions, options: Pick<PipelineOptions, 'now' | 'sleep'>): LlmChain {
  const now = options.now ?? Date.now;
  return {
    llm,
    models: [llm.model, ...(llm.fallbackModels ?? []).filter((m) => m !== llm.model)],
    policy: llm.policy ?? new RecoveryPolicy(),
    cooldowns: new ModelCooldowns(now),
    now,
    sleep: options.sleep ?? abortableSleep,
  };
}

/**
 * The cache key of a unit refined by this chain: agent and version, unit, model chain, endpoint and
 * parameters, prompt version, the ERD slice, the draft, the hashes of the inputs it read, and the
 * instructions (which carry a reviewer's feedback in a regeneration). Never the API key.
 */
export function llmUnitKey(
  chain: LlmChain,
  unit: WorkUnit,
  inputs: Record<string, string>,
  instructions: string,
): CacheKey {
  const { llm } = chain;
  return cacheKey({
    agent: unit.agent,
    agentVersion: AGENTS[unit.agent].version,
    unitId: unit.id,
    engine: 'llm',
    model: {
      name: chain.models.join(' > '),
      endpoint: endpointIdentity(llm.client.baseURL),
      params: { temperature: llm.temperature ?? null, maxTokens: llm.maxTokens ?? null },
    },
    promptVersion: PROMPT_VERSION,
    slice: unit.slice,
    draftHash: sha256(unit.draft),
    inputs,
    instructions,
  });
}

/** The context of one `refineUnit` call on this chain. */
export function refineContext(
  chain: LlmChain,
  signal: AbortSignal,
  onEvent: (event: PoolEvent) => void,
): RefineContext {
  const { llm } = chain;
  return {
    client: llm.client,
    models: chain.models,
    policy: chain.policy,
    cooldowns: chain.cooldowns,
    checker: llm.checker,
    signal,
    onEvent,
    sleep: chain.sleep,
    now: chain.now,
    ...(llm.temperature === undefined ? {} : { temperature: llm.temperature }),
    ...(llm.maxTokens === undefined ? {} : { maxTokens: llm.maxTokens }),
  };
}
