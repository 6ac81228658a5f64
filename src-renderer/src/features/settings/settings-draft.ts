/**
 * The settings form's text fields and the patch they become (the dashboard's baselines and
 * prices have their own draft, `dashboard-settings.ts`). Text is kept as typed (so a
 * half-typed number stays on screen); the host validates the patch and names what is wrong.
 */
import type { Settings, SettingsPatch } from '@shared/api';

export const DRAFT_LABELS = {
  baseUrl: 'Base URL (empty: the provider’s)',
  model: 'Model',
  fallbackModels: 'Fallback models (comma-separated)',
  concurrency: 'Concurrency',
  timeoutSeconds: 'Timeout (seconds)',
  autoApproveThreshold: 'Auto-approve threshold (0–1)',
  cacheDir: 'Cache folder (empty: in the data folder)',
  pythonPath: 'Python for runtime validation (empty: find one)',
} as const;

export type Draft = Record<keyof typeof DRAFT_LABELS, string>;
export type DraftField = keyof Draft;
export const DRAFT_FIELDS = Object.keys(DRAFT_LABELS) as DraftField[];

export function draftOf(s: Settings): Draft {
  return {
    baseUrl: s.baseUrl,
    model: s.model,
    fallbackModels: s.fallbackModels.join(', '),
    concurrency: String(s.concurrency),
    timeoutSeconds: String(s.timeoutSeconds),
    autoApproveThreshold: String(s.autoApproveThreshold),
    cacheDir: s.cacheDir ?? '',
    pythonPath: s.pythonPath ?? '',
  };
}

/** An empty or non-numeric text becomes NaN, which the host refuses with the field's name. */
const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function patchOfDraft(draft: Draft, choices: Pick<Settings, 'engine' | 'provider' | 'theme'>): SettingsPatch {
  return {
    ...choices,
    baseUrl: draft.baseUrl.trim(),
    model: draft.model.trim(),
    fallbackModels: draft.fallbackModels
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
    concurrency: number(draft.concurrency),
    timeoutSeconds: number(draft.timeoutSeconds),
    autoApproveThreshold: number(draft.autoApproveThreshold),
    cacheDir: draft.cacheDir.trim() || null,
    pythonPath: draft.pythonPath.trim() || null,
  };
}
