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
});
export type Baselines = z.infer<typeof BaselinesSchema>;

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
  baselines: { pipelineMs: null, cacheHitRate: null, autoApprovalRate: null, averageQuality: null },
  cacheDir: null,
  pythonPath: null,
  theme: 'system',
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
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
