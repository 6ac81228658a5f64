import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import { appendRunText, watchRunText } from '@renderer/store/streams';
import { connectFakeStudio, type FakeStudio } from '../../../test-support/fake-studio';
import { finishedRun } from '../../../test-support/runs';
import { followRuns } from './actions';
import { RunPanel } from './RunPanel';
import { viewOfSnapshot } from './run-slice';

let studio: FakeStudio;
const running = () => {
  const run = finishedRun();
  return {
    ...run,
    status: 'running' as const,
    endedAt: null,
    summary: null,
    units: [
      run.units[0]!,
      { id: 'views', agent: 'views', label: 'shop/views.py', status: 'running' as const, attempts: 1 },
    ],
    agents: [
      { agent: 'models', finished: 1, total: 1 },
      { agent: 'views', finished: 0, total: 1 },
    ],
  };
};

describe('the run panel', () => {
  beforeEach(() => {
    studio = connectFakeStudio({ cancelRun: () => ({ cancelled: true }), getRun: () => finishedRun() });
    useStudio.getState().setRun(viewOfSnapshot(running()));
    watchRunText('r1');
  });

  it('shows the progress overall and per agent, and cancels through the host', async () => {
    render(<RunPanel />);
    expect(screen.getByLabelText('Run status')).toHaveTextContent('running');
    expect(screen.getByLabelText('Overall percent')).toHaveTextContent('50 %');
    expect(screen.getByLabelText('Progress of views')).toHaveAttribute('value', '0');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(studio.inputs('cancelRun')).toEqual([{ runId: 'r1' }]);
  });

  it('shows streamed text in the running unit’s pane without touching the workspaces’ store', () => {
    render(<RunPanel />);
    const before = useStudio.getState();
    act(() => {
      appendRunText({ runId: 'r1', unitId: 'views', delta: 'class ProductViewSet' });
      appendRunText({ runId: 'r1', unitId: 'views', delta: '(viewsets.ModelViewSet):' });
    });
    expect(screen.getByLabelText('Text of views')).toHaveTextContent('class ProductViewSet(viewsets.ModelViewSet):');
    expect(useStudio.getState()).toBe(before);
  });

  it('follows the host’s events to the end and shows the summary of its snapshot', async () => {
    followRuns();
    render(<RunPanel />);
    act(() =>
      studio.emit('runProgress', {
        runId: 'r1',
        unit: { id: 'views', agent: 'views', label: 'shop/views.py', status: 'done', attempts: 1 },
        finished: 2,
        total: 2,
        agents: finishedRun().agents,
      }),
    );
    expect(screen.getByLabelText('Overall percent')).toHaveTextContent('100 %');
    act(() =>
      studio.emit('runFinished', { runId: 'r1', status: 'completed', summary: finishedRun().summary!, error: null }),
    );
    expect(await screen.findByLabelText('Run summary')).toHaveTextContent(
      '2 files, 0.0 KiB in 2.5 s; 0 failed, 0 fell back, 0 retried, 1 cached.',
    );
    expect(screen.getByLabelText('Run status')).toHaveTextContent('completed');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(studio.inputs('getRun')).toEqual([{ runId: 'r1' }]);
    expect(within(screen.getByRole('region', { name: 'Run' })).getAllByRole('listitem')).toHaveLength(2);
  });
});
