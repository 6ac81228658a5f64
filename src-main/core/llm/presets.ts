/**
 * Provider presets: the base URLs people actually type, so `--provider ollama` needs no URL.
 * Every preset speaks the OpenAI chat-completions protocol; `custom` takes any base URL
 * (llama.cpp, vLLM, a company proxy).
 */

export type ProviderId = 'openrouter' | 'openai' | 'ollama' | 'lmstudio' | 'custom';

export interface ProviderPreset {
  id: ProviderId;
  label: string;
  /** Null for `custom`, which requires an explicit base URL. */
  baseURL: string | null;
  /** Local servers accept any key; hosted ones reject requests without one. */
  requiresApiKey: boolean;
  defaultHeaders?: Record<string, string>;
}

export const PROVIDER_PRESETS: Readonly<Record<ProviderId, ProviderPreset>> = {
  openrouter: {
    id: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    requiresApiKey: true,
    defaultHeaders: { 'X-Title': 'DjForge Studio' },
  },
  openai: { id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', requiresApiKey: true },
  ollama: { id: 'ollama', label: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', requiresApiKey: false },
  lmstudio: { id: 'lmstudio', label: 'LM Studio', baseURL: 'http://127.0.0.1:1234/v1', requiresApiKey: false },
  custom: { id: 'custom', label: 'Custom OpenAI-compatible endpoint', baseURL: null, requiresApiKey: false },
};

export function isProviderId(value: string): value is ProviderId {
  return Object.hasOwn(PROVIDER_PRESETS, value);
}

export interface ResolvedProvider {
  preset: ProviderPreset;
  baseURL: string;
}

/**
 * Picks the base URL: an explicit `baseURL` wins over the preset's; `custom` (the default when
 * only a URL is given) requires one. Throws with a message fit for the user otherwise.
 */
export function resolveProvider(input: { provider?: string; baseURL?: string }): ResolvedProvider {
  const id = input.provider ?? (input.baseURL ? 'custom' : 'openai');
  if (!isProviderId(id)) {
    throw new Error(`Unknown provider "${id}"; expected one of ${Object.keys(PROVIDER_PRESETS).join(', ')}.`);
  }
  const preset = PROVIDER_PRESETS[id];
  const baseURL = input.baseURL ?? preset.baseURL;
  if (!baseURL) throw new Error(`Provider "${id}" needs a base URL (--base-url).`);
  let parsed: URL;
  try {
    parsed = new URL(baseURL);
  } catch {
    throw new Error(`Invalid base URL "${baseURL}".`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Base URL must be http(s), got "${parsed.protocol}".`);
  }
  return { preset, baseURL: baseURL.replace(/\/+$/, '') };
}

/**
 * The API key from the environment: `DJFORGE_API_KEY`, else `OPENAI_API_KEY`. Keys never come
 * from flags (they would land in shell history and process lists).
 */
export function resolveApiKey(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const key = env['DJFORGE_API_KEY']?.trim() || env['OPENAI_API_KEY']?.trim();
  return key || undefined;
}
