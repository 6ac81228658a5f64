import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Toasts } from '@renderer/components/Toasts';
import { useStudio } from '@renderer/store';
import type { RuntimeCheck } from '@shared/api';
import { connectFakeStudio } from '../../../test-support/fake-studio';
import { finishedRun, showRun } from '../../../test-support/runs';
import { followReview } from './actions';
import { RuntimeChecks } from './RuntimeChecks';

const found: RuntimeCheck = {
  ran: true,
  skipped: null,
  notice: null,
  sandbox: 'bubblewrap',
  steps: [{ step: 'check', code: 0, durationMs: 900 }],
  tests: { ran: 12, passed: 10, failing: 2 },
  findings: [{ path: 'shop/serializers.py', rule: 'runtime.test-error', line: 1, message: 'colour is not a field' }],
  durationMs: 4200,
};

describe('Run runtime checks', () => {
  it('is disabled with the reason when no Python with Django is found', async () => {
    const reason = 'No Python that imports Django and Django REST framework was found; set DJFORGE_PYTHON.';
    connectFakeStudio({
      runtimeAvailability: () => ({ available: false, python: null, djangoVersion: null, sandbox: null, reason }),
    });
    showRun(finishedRun());
    render(<RuntimeChecks runId="r1" running={false} />);
    const group = screen.getByRole('group', { name: 'Runtime checks' });
    expect(await within(group).findByText(reason)).toBeInTheDocument();
    const button = within(group).getByRole('button', { name: 'Run runtime checks' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(reason);
  });

  it('shows the host’s steps on a progress bar, then what it found', async () => {
    const studio = connectFakeStudio({
      runtimeAvailability: () => ({
        available: true,
        python: '/usr/bin/python3',
        djangoVersion: '3.2.19',
        sandbox: 'bubblewrap',
        reason: null,
      }),
      checkRuntime: () => found,
      getRun: () => finishedRun(),
    });
    showRun(finishedRun());
    const stop = followReview();
    render(
      <>
        <RuntimeChecks runId="r1" running={false} />
        <Toasts />
      </>,
    );
    const group = screen.getByRole('group', { name: 'Runtime checks' });
    expect(await within(group).findByText('Django 3.2.19, in bubblewrap.')).toBeInTheDocument();
    // While the host runs the checks, its steps move the bar; another run's steps do not.
    act(() => useStudio.getState().setRuntimeCheck({ running: true }));
    const bar = within(group).getByRole('progressbar', { name: 'Runtime checks progress' });
    act(() => studio.emit('runtimeCheckProgress', { runId: 'r1', step: 'manage.py check', index: 1, total: 5 }));
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '5');
    expect(group).toHaveTextContent('manage.py check…');
    act(() => studio.emit('runtimeCheckProgress', { runId: 'other', step: 'manage.py test', index: 3, total: 5 }));
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    act(() => useStudio.getState().setRuntimeCheck({ running: false, step: null }));

    await userEvent.click(within(group).getByRole('button', { name: 'Run runtime checks' }));
    expect(
      await within(group).findByText('Last run: 1 runtime finding(s), 10 of 12 tests passed in 4.2 s (bubblewrap).'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Runtime checks: 1 finding(s) in 1 file(s); 10 of 12 tests passed.',
    );
    expect(studio.inputs('checkRuntime')).toEqual([{ runId: 'r1' }]);
    stop();
  });
});
