/**
 * The providers and themes a user can choose, without zod, so the settings form lists them
 * without bundling the schema library. `settings.ts` builds its schemas from these lists.
 */
export const PROVIDERS = ['openrouter', 'openai', 'ollama', 'lmstudio', 'custom'] as const;

export const THEMES = ['system', 'light', 'dark'] as const;
