/**
 * The user's settings as every host sees them. API keys are deliberately absent: they live in
 * the main process only, and the renderer learns just whether one is set (`hasApiKey`).
 * Stored files carry a `schemaVersion`; older layouts are migrated in `src-main/core/settings`.
 */
import { z } from 'zod';
import { EngineSchema } from './model';
import { PROVIDERS, THEMES } from './settings-constants';

export { PROVIDERS, THEMES };

export const ProviderSchema = z.enum(PROVIDERS);
export type Provider = z.infer<typeof ProviderSchema>;

export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

/** The dashboard compares each run with these; null means "no baseline, show the trend only". */
export const BaselinesSchema = z.object({
  pipelineMs: z.number().positive().nullable(),
  cacheHitRate: z.number().min(0).max(1).nullable(),
  autoApprovalRate: z.number().min(0).max(1).nullable(),
  averageQuality: z.number().min(0).max(1).nullable(),
  /** Share of units that failed or fell back; lower is better. */
  errorRate: z.number().min(0).max(1).nullable(),
});
export type Baselines = z.infer<typeof BaselinesSchema>;

/**
 * The predecessor's terminal dashboard baselines: a 30 s pipeline, a 30 % cache hit rate, 80 %
 * auto-approved, quality 0.8 and at most 10 % errors.
 */
export const DEFAULT_BASELINES: Baselines = {
  pipelineMs: 30_000,
  cacheHitRate: 0.3,
  autoApprovalRate: 0.8,
  averageQuality: 0.8,
  errorRate: 0.1,
};

/** US dollars per million tokens, in and out, for one model id (as the endpoint names it). */
export const ModelPriceSchema = z.object({
  inputPerMillion: z.number().nonnegative(),
  outputPerMillion: z.number().nonnegative(),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;
export const PriceTableSchema = z.record(z.string().trim().min(1).max(200), ModelPriceSchema);
export type PriceTable = z.infer<typeof PriceTableSchema>;

/**
 * List prices (USD per million tokens) of common OpenAI and OpenRouter models when this table was
 * written; edit them in the settings when the providers change theirs. A local endpoint costs 0
 * whatever the table says; a model missing here has no cost (null), never a guessed one.
 */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'openai/gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'openai/gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'openai/gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'anthropic/claude-3.5-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'anthropic/claude-3.5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'google/gemini-2.0-flash-001': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'deepseek/deepseek-chat': { inputPerMillion: 0.27, outputPerMillion: 1.1 },
  'meta-llama/llama-3.3-70b-instruct': { inputPerMillion: 0.12, outputPerMillion: 0.3 },
  'qwen/qwen-2.5-coder-32b-instruct': { inputPerMillion: 0.07, outputPerMillion: 0.16 },
};

const modelId = z.string().trim().min(1, 'A model id cannot be empty.').max(200);

export const SettingsSchema = z
  .object({
    engine: EngineSchema,
    provider: ProviderSchema,
    /** Overrides the provider's base URL; required for `custom`. Empty string = the preset's. */
    baseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Expected an http(s) URL.' })]),
    model: modelId,
    /** Tried in order when the model fails for a reason another model may not have. */
    fallbackModels: z.array(modelId).max(10),
    concurrency: z.number().int().min(1).max(32),
    timeoutSeconds: z.number().int().min(5).max(3600),
    autoApproveThreshold: z.number().min(0).max(1),
    baselines: BaselinesSchema,
    /**
     * Null = the folder every host chooses the same way: `AGENT_CACHE_DIR`, else
     * `$XDG_CACHE_HOME/djforge`, else `~/.cache/djforge` — shared with the `djforge` CLI.
     */
    cacheDir: z.string().min(1).nullable(),
    /** Null = find one (`DJFORGE_PYTHON`, then the usual names). */
    pythonPath: z.string().min(1).nullable(),
    theme: ThemeSchema,
    prices: PriceTableSchema,
  })
  .strict()
  .refine((s) => s.provider !== 'custom' || s.baseUrl !== '', {
    message: 'The custom provider needs a base URL.',
    path: ['baseUrl'],
  });
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  engine: 'template',
  provider: 'openrouter',
  baseUrl: '',
  model: 'qwen/qwen-2.5-coder-32b-instruct',
  fallbackModels: [],
  concurrency: 4,
  timeoutSeconds: 300,
  autoApproveThreshold: 0.8,
  baselines: DEFAULT_BASELINES,
  cacheDir: null,
  pythonPath: null,
  theme: 'system',
  prices: DEFAULT_PRICES,
};

/** A partial update; `baselines` may itself be partial. Validated as a whole after merging. */
export const SettingsPatchSchema = z
  .object({
    engine: EngineSchema,
    provider: ProviderSchema,
    baseUrl: z.string(),
    model: z.string(),
    fallbackModels: z.array(z.string()),
    concurrency: z.number(),
    timeoutSeconds: z.number(),
    autoApproveThreshold: z.number(),
    baselines: BaselinesSchema.partial(),
    cacheDir: z.string().nullable(),
    pythonPath: z.string().nullable(),
    theme: ThemeSchema,
    prices: PriceTableSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
