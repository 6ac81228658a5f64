import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TOASTS } from '@renderer/store/app-slice';
import { showError, showInfo, useStudio } from '@renderer/store';
import { Toasts } from './Toasts';

describe('toasts', () => {
  beforeEach(() => useStudio.setState(useStudio.getInitialState(), true));
  afterEach(() => vi.useRealTimers());

  it('announce errors as alerts and the rest as status, until dismissed', async () => {
    render(<Toasts />);
    act(() => {
      showError('Cannot open /x.json: the file does not exist.');
      showInfo('Saved /y.json.');
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot open /x.json: the file does not exist.');
    expect(screen.getByRole('status')).toHaveTextContent('Saved /y.json.');
    await userEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0] as HTMLElement);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeInTheDocument();
  });

  it('leave by themselves, errors later than the rest', () => {
    vi.useFakeTimers();
    render(<Toasts />);
    act(() => {
      showError('The disk is full.');
      showInfo('Settings saved.');
    });
    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it(`keep only the latest ${MAX_TOASTS}`, () => {
    render(<Toasts />);
    act(() => {
      for (let i = 1; i <= MAX_TOASTS + 2; i++) showInfo(`Message ${i}.`);
    });
    expect(screen.getAllByRole('status').map((t) => t.textContent)).toEqual(
      Array.from({ length: MAX_TOASTS }, (_, i) => `Message ${i + 3}.×`),
    );
  });

  it('show a repeated message once, its time counted from the repeat', () => {
    vi.useFakeTimers();
    render(<Toasts />);
    act(() => showInfo('Settings saved.'));
    act(() => vi.advanceTimersByTime(3_000));
    act(() => showInfo('Settings saved.'));
    expect(screen.getAllByRole('status')).toHaveLength(1);
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByRole('status')).toHaveTextContent('Settings saved.');
    act(() => vi.advanceTimersByTime(1_500));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
