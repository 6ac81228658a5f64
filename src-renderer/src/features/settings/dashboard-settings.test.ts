import { describe, expect, it } from 'vitest';
import { DEFAULT_BASELINES, DEFAULT_PRICES } from '@shared/api';
import { dashboardDraftOf, dashboardPatchOf, type DashboardDraft } from './dashboard-settings';

const defaults = () => dashboardDraftOf(DEFAULT_BASELINES, DEFAULT_PRICES);

describe('the dashboard settings form', () => {
  it('shows the baselines in the dashboard’s units and round-trips them and the prices', () => {
    const draft = defaults();
    expect(draft.baselines).toEqual({
      pipelineMs: '30',
      cacheHitRate: '30',
      autoApprovalRate: '80',
      errorRate: '10',
      averageQuality: '0.8',
    });
    expect(draft.prices.find((r) => r.model === 'gpt-4o-mini')).toEqual({
      model: 'gpt-4o-mini',
      input: '0.15',
      output: '0.6',
    });
    expect(dashboardPatchOf(draft)).toEqual({ patch: { baselines: DEFAULT_BASELINES, prices: DEFAULT_PRICES } });
  });

  it('turns typed values into the stored units, and keeps added, edited and removed rows', () => {
    const draft = defaults();
    const edited: DashboardDraft = {
      baselines: {
        pipelineMs: '12.5',
        cacheHitRate: '55',
        autoApprovalRate: '90',
        errorRate: '2.5',
        averageQuality: '.9',
      },
      prices: [
        ...draft.prices
          .filter((r) => r.model !== 'gpt-4o')
          .map((r) => (r.model === 'gpt-4.1' ? { ...r, input: '3' } : r)),
        { model: ' my-local-model ', input: '0', output: '0' },
      ],
    };
    const result = dashboardPatchOf(edited);
    if (!('patch' in result)) throw new Error(result.errors.join(' '));
    expect(result.patch.baselines).toEqual({
      pipelineMs: 12_500,
      cacheHitRate: 0.55,
      autoApprovalRate: 0.9,
      errorRate: 0.025,
      averageQuality: 0.9,
    });
    expect(result.patch.prices?.['gpt-4o']).toBeUndefined();
    expect(result.patch.prices?.['gpt-4.1']).toEqual({ inputPerMillion: 3, outputPerMillion: 8 });
    expect(result.patch.prices?.['my-local-model']).toEqual({ inputPerMillion: 0, outputPerMillion: 0 });
  });

  it('names every bad field by its label and says what it takes', () => {
    const draft = defaults();
    const bad: DashboardDraft = {
      baselines: {
        pipelineMs: '0',
        cacheHitRate: '120',
        autoApprovalRate: 'most',
        errorRate: '',
        averageQuality: '1.5',
      },
      prices: [
        { model: 'gpt-4o', input: '-1', output: '10' },
        { model: '', input: '1', output: '2' },
        { model: 'gpt-4o', input: '2.5', output: '1e3' },
      ],
    };
    expect(dashboardPatchOf(bad)).toEqual({
      errors: [
        'Baseline pipeline time (s) must be a number above 0 and at most 86400, got "0".',
        'Baseline cache hit rate (%) must be a number from 0 to 100, got "120".',
        'Baseline auto-approval rate (%) must be a number from 0 to 100, got "most".',
        'Baseline error rate (%) is empty; enter a number from 0 to 100.',
        'Baseline average quality (0–1) must be a number from 0 to 1, got "1.5".',
        'Price row 1 (gpt-4o): the input price must be a number of US dollars per million tokens (0 or more), got "-1".',
        'Price row 2: the model id is empty; type the id the endpoint uses, or remove the row.',
        'Price row 3 (gpt-4o): the output price must be a number of US dollars per million tokens (0 or more), got "1e3".',
      ],
    });
    const twice = { ...draft, prices: [...draft.prices, { model: 'gpt-4o', input: '1', output: '1' }] };
    expect(dashboardPatchOf(twice)).toEqual({
      errors: [`Price row ${twice.prices.length} (gpt-4o): gpt-4o is listed twice; keep one row per model.`],
    });
  });
});
