/**
 * The dashboard's settings as a person edits them: the baselines in the units the dashboard shows
 * (seconds, percent, a 0–1 score) and the price table as rows of text. Text stays as typed; saving
 * first checks every field here and names each bad one by its label (the host checks the patch
 * again and names the setting), so nothing half-typed reaches the ratings or the cost figures.
 */
import type { Baselines, PriceTable, SettingsPatch } from '@shared/api';

type BaselineKey = keyof Baselines;

interface BaselineField {
  key: BaselineKey;
  label: string;
  /** The setting's value as the field shows it. */
  shown(value: number): string;
  /** The field's number as the setting stores it. */
  stored(value: number): number;
  min: number;
  max: number;
  /** The range in words, for the message of a value outside it. */
  range: string;
  /** Whether the lower bound itself is refused (a pipeline of 0 s is no baseline). */
  minExclusive?: boolean;
}

const trimmed = (n: number) => String(Math.round(n * 1e6) / 1e6);
const percent = (label: string, key: BaselineKey): BaselineField => ({
  key,
  label,
  shown: (v) => trimmed(v * 100),
  stored: (v) => v / 100,
  min: 0,
  max: 100,
  range: 'from 0 to 100',
});

/** The five baselines, in the order the dashboard rates them. */
export const BASELINE_FIELDS: readonly BaselineField[] = [
  {
    key: 'pipelineMs',
    label: 'Baseline pipeline time (s)',
    shown: (v) => trimmed(v / 1000),
    stored: (v) => Math.round(v * 1000),
    min: 0,
    max: 86_400,
    range: 'above 0 and at most 86400',
    minExclusive: true,
  },
  percent('Baseline cache hit rate (%)', 'cacheHitRate'),
  percent('Baseline auto-approval rate (%)', 'autoApprovalRate'),
  percent('Baseline error rate (%)', 'errorRate'),
  {
    key: 'averageQuality',
    label: 'Baseline average quality (0–1)',
    shown: trimmed,
    stored: (v) => v,
    min: 0,
    max: 1,
    range: 'from 0 to 1',
  },
];

export interface PriceRow {
  model: string;
  input: string;
  output: string;
}

export interface DashboardDraft {
  baselines: Record<BaselineKey, string>;
  prices: PriceRow[];
}

/** The draft of the stored settings; an unset baseline shows empty. */
export function dashboardDraftOf(baselines: Baselines, prices: PriceTable): DashboardDraft {
  const shown = Object.fromEntries(
    BASELINE_FIELDS.map((f) => {
      const value = baselines[f.key];
      return [f.key, value === null ? '' : f.shown(value)];
    }),
  ) as Record<BaselineKey, string>;
  const rows = Object.entries(prices).map(([model, p]) => ({
    model,
    input: trimmed(p.inputPerMillion),
    output: trimmed(p.outputPerMillion),
  }));
  return { baselines: shown, prices: rows };
}

/** A plain decimal number (no hex, no exponent, no thousands separators); null otherwise. */
function decimal(text: string): number | null {
  const t = text.trim();
  return /^\d+(\.\d+)?$|^\.\d+$/.test(t) ? Number(t) : null;
}

export type DashboardPatch = Pick<SettingsPatch, 'baselines' | 'prices'>;

/**
 * The patch of `draft`, or one sentence per bad field naming it: a baseline that is not a number
 * in its range, a price row without a model, a model listed twice, a price that is not a
 * non-negative number. An empty baseline is refused too (the dashboard rates against every one).
 */
export function dashboardPatchOf(draft: DashboardDraft): { patch: DashboardPatch } | { errors: string[] } {
  const errors: string[] = [];
  const baselines: Partial<Record<BaselineKey, number>> = {};
  for (const field of BASELINE_FIELDS) {
    const text = draft.baselines[field.key];
    const value = decimal(text);
    const low = field.minExclusive ? value !== null && value <= field.min : value !== null && value < field.min;
    if (text.trim() === '') errors.push(`${field.label} is empty; enter a number ${field.range}.`);
    else if (value === null || low || value > field.max)
      errors.push(`${field.label} must be a number ${field.range}, got "${text.trim()}".`);
    else baselines[field.key] = field.stored(value);
  }
  const prices: PriceTable = {};
  draft.prices.forEach((row, index) => {
    const model = row.model.trim();
    const where = `Price row ${index + 1}${model ? ` (${model})` : ''}`;
    if (model === '') errors.push(`${where}: the model id is empty; type the id the endpoint uses, or remove the row.`);
    else if (model in prices) errors.push(`${where}: ${model} is listed twice; keep one row per model.`);
    const input = decimal(row.input);
    const output = decimal(row.output);
    if (input === null)
      errors.push(
        `${where}: the input price must be a number of US dollars per million tokens (0 or more), got "${row.input.trim()}".`,
      );
    if (output === null)
      errors.push(
        `${where}: the output price must be a number of US dollars per million tokens (0 or more), got "${row.output.trim()}".`,
      );
    if (model !== '' && !(model in prices) && input !== null && output !== null)
      prices[model] = { inputPerMillion: input, outputPerMillion: output };
  });
  return errors.length > 0 ? { errors } : { patch: { baselines, prices } };
}
