import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import type { RunRecord } from '@shared/api';
import { connectFakeStudio } from '../../../test-support/fake-studio';
import { DashboardWorkspace } from './DashboardWorkspace';

const record = (runId: string, status: RunRecord['status'], elapsedMs: number): RunRecord => ({
  runId,
  project: 'shop',
  engine: 'template',
  status,
  startedAt: Date.UTC(2026, 10, 30, 12),
  summary: { files: 23, failed: 0, cached: 5, fellBack: 1, retried: 0, bytes: 1000, elapsedMs },
});

describe('the dashboard', () => {
  beforeEach(() => connectFakeStudio());

  it('explains an empty history', () => {
    render(<DashboardWorkspace />);
    expect(screen.getByText('No runs yet.')).toBeInTheDocument();
  });

  it('totals the recorded runs and lists each one in the table beside the chart', () => {
    useStudio
      .getState()
      .setHistory([record('r3', 'failed', 900), record('r2', 'completed', 3000), record('r1', 'completed', 1000)]);
    render(<DashboardWorkspace />);
    expect(screen.getByText(/3 runs · 2 completed · 0 cancelled · 1 failed/)).toHaveTextContent(
      'average 2.0 s per completed run',
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(1)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['shop', 'template', 'failed', '23', '1', '0.9 s'],
      ['shop', 'template', 'completed', '23', '1', '3.0 s'],
      ['shop', 'template', 'completed', '23', '1', '1.0 s'],
    ]);
  });
});
