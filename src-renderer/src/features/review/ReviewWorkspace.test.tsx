import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Toasts } from '@renderer/components/Toasts';
import { useStudio } from '@renderer/store';
import { connectFakeStudio, refusal, type FakeStudio } from '../../../test-support/fake-studio';
import { finishedRun, showRun } from '../../../test-support/runs';
import { ReviewWorkspace } from './ReviewWorkspace';

let studio: FakeStudio;

function renderReview() {
  return render(
    <>
      <ReviewWorkspace />
      <Toasts />
    </>,
  );
}

describe('the review workspace', () => {
  beforeEach(() => {
    studio = connectFakeStudio({
      decideFiles: ({ paths, decision }) => ({
        decisions: { ...finishedRun().decisions, ...Object.fromEntries(paths.map((p) => [p, decision])) },
      }),
      writeProject: ({ outDir }) => ({
        outDir: outDir ?? '',
        folder: 'folder-1',
        written: ['shop/models.py'],
        mode: 'created',
        conflicts: [],
      }),
    });
    showRun(finishedRun());
  });

  it('says what to do when there is no run yet', () => {
    useStudio.getState().setRun(null);
    renderReview();
    expect(screen.getByText('No run yet: open an ERD and press Generate.')).toBeInTheDocument();
  });

  it('lists the files by path with their findings, decision and source, and shows the first', () => {
    renderReview();
    const items = within(screen.getByRole('list', { name: 'Files' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['README.mdpendingcache', 'shop/models.py⚠ 1pendingtemplate']);
    expect(screen.getByRole('article', { name: 'Content of README.md' })).toBeInTheDocument();
    expect(screen.getByText('0 of 2 approved')).toBeInTheDocument();
  });

  it('shows a file’s findings and code when it is picked', async () => {
    renderReview();
    await userEvent.click(screen.getByRole('button', { name: 'shop/models.py' }));
    const file = screen.getByRole('article', { name: 'Content of shop/models.py' });
    expect(within(file).getByRole('list', { name: 'Findings in shop/models.py' })).toHaveTextContent(
      'shop/models.py:1: warning [best-practice.str] Product has no __str__.',
    );
    expect(within(file).getByRole('region', { name: 'Code of shop/models.py' })).toHaveTextContent('class Product');
  });

  it('approves every file through the host and shows the decisions it answers', async () => {
    renderReview();
    await userEvent.click(screen.getByRole('button', { name: 'Approve all' }));
    expect(studio.inputs('decideFiles')).toEqual([
      { runId: 'r1', paths: ['shop/models.py', 'README.md'], decision: 'approved' },
    ]);
    expect(await screen.findByText('2 of 2 approved')).toBeInTheDocument();
  });

  it('skips one file from its own view', async () => {
    renderReview();
    await userEvent.click(screen.getByRole('button', { name: 'shop/models.py' }));
    await userEvent.click(within(screen.getByRole('article')).getByRole('button', { name: 'Skip' }));
    expect(studio.inputs('decideFiles')).toEqual([{ runId: 'r1', paths: ['shop/models.py'], decision: 'skipped' }]);
    expect(await screen.findByText('skipped')).toHaveClass('decision-skipped');
  });

  it('writes the approved files into the typed folder and says where', async () => {
    renderReview();
    const write = screen.getByRole('button', { name: 'Write approved files' });
    expect(write).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Approve all' }));
    await screen.findByText('2 of 2 approved');
    await userEvent.type(screen.getByLabelText('Output folder'), '/tmp/shop-api');
    await userEvent.click(screen.getByRole('checkbox', { name: 'replace' }));
    await userEvent.click(write);
    expect(studio.inputs('writeProject')).toEqual([{ runId: 'r1', outDir: '/tmp/shop-api', force: true }]);
    expect(await screen.findByRole('status')).toHaveTextContent('Wrote 1 files to /tmp/shop-api.');
  });

  it('shows the host’s refusal as an alert and keeps the decisions', async () => {
    studio = connectFakeStudio({ decideFiles: () => refusal('review.unknown-file', 'The run r1 has no file x.py.') });
    showRun(finishedRun());
    renderReview();
    await userEvent.click(screen.getByRole('button', { name: 'Approve all' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The run r1 has no file x.py.');
    expect(screen.getByText('0 of 2 approved')).toBeInTheDocument();
  });
});
