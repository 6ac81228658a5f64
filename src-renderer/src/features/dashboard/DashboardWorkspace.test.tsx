import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import type { HistoryDashboard, RunRecord } from '@shared/api';
import { historyRecord, usage } from '../../../../test-support/history-records';
import { connectFakeStudio } from '../../../test-support/fake-studio';
import { refreshHistory } from './actions';
import { DashboardWorkspace } from './DashboardWorkspace';

const row = (r: ReturnType<typeof historyRecord>): RunRecord => ({
  runId: r.runId,
  project: r.project,
  engine: r.engine,
  status: r.status,
  startedAt: r.startedAt,
  summary: r.summary,
});

describe('the dashboard', () => {
  beforeEach(() => connectFakeStudio());

  it('explains an empty history and what to do', () => {
    render(<DashboardWorkspace />);
    expect(screen.getByText('No runs yet.')).toBeInTheDocument();
    expect(screen.getByText(/press Generate/)).toBeInTheDocument();
  });

  it('shows the latest run, its ratings and recommendations, with data tables holding the recorded numbers', async () => {
    const runs = [
      historyRecord({ pipelineMs: 2000 }),
      historyRecord({ engine: 'llm', models: ['m'], concurrency: 3, modelUsage: [usage('m', 20, { rateLimit: 4 })] }),
    ];
    const dashboard: HistoryDashboard = {
      records: runs,
      ratings: [{ metric: 'pipelineMs', value: 1200, baseline: 30000, differencePct: 96, rating: 'excellent' }],
      recommendations: [
        { rule: 'lowerConcurrency', message: 'Lower the concurrency.', evidence: { rateLimits: 4 }, runIds: [] },
      ],
      baselines: { pipelineMs: 30000, cacheHitRate: 0.3, autoApprovalRate: 0.8, errorRate: 0.1, averageQuality: 0.8 },
      warnings: ['runs.jsonl:3: not a complete JSON line; skipped.'],
    };
    const studio = connectFakeStudio({ listHistory: () => runs.map(row).reverse(), historyDashboard: () => dashboard });
    await act(() => refreshHistory());
    expect(studio.inputs('historyDashboard')).toEqual([{}]);
    render(<DashboardWorkspace />);
    expect(screen.getByRole('combobox', { name: 'Run shown' })).toHaveValue(runs[1]?.runId);
    expect(screen.getByRole('note')).toHaveTextContent('not a complete JSON line');
    const ratings = within(screen.getByRole('table', { name: 'Ratings of the latest run' }));
    expect(ratings.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Pipeline time',
      '1.2 s',
      '30.0 s',
      '+96.0 %',
      'Excellent',
    ]);
    expect(screen.getByRole('list', { name: 'Recommendations' })).toHaveTextContent(
      'Rule lowerConcurrency: rateLimits 4.',
    );

    const timeline = screen.getByRole('figure', { name: 'Timeline of units per slot' });
    await userEvent.click(within(timeline).getByRole('button', { name: 'Show data table' }));
    const units = within(within(timeline).getByRole('table')).getAllByRole('row').slice(1);
    expect(units.map((u) => within(u).getAllByRole('cell')[2]?.textContent)).toEqual(['1', '1', '2', '2']);

    const pipeline = screen.getByRole('figure', { name: 'Pipeline time' });
    await userEvent.click(within(pipeline).getByRole('button', { name: 'Show data table' }));
    const trend = within(within(pipeline).getByRole('table')).getAllByRole('row').slice(1);
    expect(
      trend.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(4)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['2', '2', '30'],
      ['1.2', '1.6', '30'],
    ]);
    expect(useStudio.getState().history).toHaveLength(2);
  });
});
