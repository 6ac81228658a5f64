import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Toasts } from '@renderer/components/Toasts';
import { useStudio } from '@renderer/store';
import type { Category, FileReview, RunSnapshot } from '@shared/api';
import { connectFakeStudio, refusal, type FakeStudio } from '../../../test-support/fake-studio';
import { finishedRun, showRun } from '../../../test-support/runs';
import { ReviewWorkspace } from './ReviewWorkspace';

let studio: FakeStudio;

function reviewed(path: string, category: Category, score: number, content: string): FileReview {
  const findings =
    category === 'auto-approved'
      ? []
      : [
          {
            severity: 'warning' as const,
            code: 'best-practice.str',
            message: 'Product has no __str__.',
            file: path,
            line: 1,
          },
        ];
  const reasons = findings.length ? ['1 warning: best-practice.str'] : [];
  return {
    path,
    agent: 'models',
    failed: null,
    score,
    category,
    reasons,
    findings,
    decision: category === 'auto-approved' ? 'approved' : 'pending',
    decidedBy: category === 'auto-approved' ? 'auto' : null,
    versions: [{ content, origin: 'generated', score, category, reasons, findings }],
    current: 0,
  };
}

function judgedRun(): RunSnapshot {
  const run = finishedRun();
  const files = {
    'shop/models.py': reviewed('shop/models.py', 'high', 0.7, 'class Product(models.Model):\n    pass\n'),
    'README.md': reviewed('README.md', 'auto-approved', 1, '# shop\n'),
  };
  return {
    ...run,
    decisions: { 'shop/models.py': 'pending', 'README.md': 'approved' },
    review: { ...run.review, complete: true, files },
  };
}

const renderReview = () =>
  render(
    <>
      <ReviewWorkspace />
      <Toasts />
    </>,
  );

describe('the review workspace', () => {
  beforeEach(() => {
    studio = connectFakeStudio({
      getRun: () => judgedRun(),
      fileBases: ({ path }) => ({ path, draft: null, onDisk: null, lastGenerated: null }),
      approveHighQuality: () => ({
        changed: ['shop/models.py'],
        decisions: { 'shop/models.py': 'approved', 'README.md': 'approved' },
      }),
      decideFiles: ({ paths, decision }) => ({
        decisions: { ...judgedRun().decisions, ...Object.fromEntries(paths.map((p) => [p, decision])) },
      }),
    });
    showRun(judgedRun());
  });

  it('says what to do when there is no run yet', () => {
    useStudio.getState().setRun(null);
    renderReview();
    expect(screen.getByText('No run yet: open an ERD and press Generate.')).toBeInTheDocument();
  });

  it('groups the files by category with score, findings, decision and source, and counts them', async () => {
    renderReview();
    const list = await screen.findByRole('list', { name: 'Files' });
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Auto-approved · 1', 'High · 1']);
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['README.md1.00approvedcache', 'shop/models.py0.70⚠ 1pendingtemplate']);
    expect(screen.getByLabelText('Approval')).toHaveTextContent('1 of 2 approved · 50 % approval');
    expect(screen.getByRole('button', { name: 'High 1' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows a file’s findings, its score and reasons, and says regeneration needs a model', async () => {
    renderReview();
    await userEvent.click(await screen.findByRole('button', { name: 'shop/models.py' }));
    const file = screen.getByRole('article', { name: 'Content of shop/models.py' });
    expect(within(file).getByRole('list', { name: 'Findings in shop/models.py' })).toHaveTextContent(
      'line 1 warning best-practice.str Product has no __str__.',
    );
    const score = within(file).getByRole('complementary', { name: 'Score of shop/models.py' });
    expect(within(score).getByLabelText('Score')).toHaveTextContent('0.70');
    expect(within(score).getByRole('list', { name: 'Reasons' })).toHaveTextContent('1 warning: best-practice.str');
    expect(within(score).getByRole('note')).toHaveTextContent('Regeneration needs a model');
    expect(within(file).getByRole('region', { name: 'Diff of shop/models.py' })).toHaveTextContent('class Product');
  });

  it('asks before a batch, says how many files it changes, and undoes it', async () => {
    renderReview();
    await userEvent.click(await screen.findByRole('button', { name: 'Approve all high quality (1)' }));
    expect(studio.inputs('approveHighQuality')).toEqual([]);
    const ask = screen.getByRole('dialog', { name: 'Confirm batch' });
    expect(ask).toHaveTextContent('Approve all high quality: approve 1 file(s)?shop/models.py');
    await userEvent.click(within(ask).getByRole('button', { name: 'Approve 1 file(s)' }));
    expect(studio.inputs('approveHighQuality')).toEqual([{ runId: 'r1' }]);
    expect(await screen.findByLabelText('Approval')).toHaveTextContent('2 of 2 approved');
    await userEvent.click(screen.getByRole('button', { name: 'Undo Approve all high quality' }));
    expect(studio.inputs('decideFiles')).toEqual([{ runId: 'r1', paths: ['shop/models.py'], decision: 'pending' }]);
    expect(await screen.findByLabelText('Approval')).toHaveTextContent('1 of 2 approved');
  });

  it('decides with the keyboard in the guided review', async () => {
    renderReview();
    await userEvent.click(await screen.findByRole('button', { name: 'Review each file (1)' }));
    expect(screen.getByRole('article')).toHaveAccessibleName('Content of shop/models.py');
    await userEvent.keyboard('s');
    expect(studio.inputs('decideFiles')).toEqual([{ runId: 'r1', paths: ['shop/models.py'], decision: 'skipped' }]);
    expect(await screen.findByText('Every file is decided.')).toBeInTheDocument();
    await userEvent.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Review shortcuts' })).toHaveTextContent('Skip the file');
  });

  it('shows the merge plan, resolves a conflict in the three-way view, and writes with the resolution', async () => {
    studio = connectFakeStudio({
      getRun: () => judgedRun(),
      fileBases: ({ path }) => ({ path, draft: null, onDisk: null, lastGenerated: null }),
      planWrite: ({ outDir, resolutions }) => ({
        outDir: outDir ?? '',
        mode: 'merged',
        files: [
          { path: 'README.md', action: 'unchanged', conflicts: 0 },
          resolutions
            ? { path: 'shop/models.py', action: 'merged', conflicts: 0 }
            : { path: 'shop/models.py', action: 'conflicting', conflicts: 1 },
        ],
        notApproved: [],
      }),
      conflictDetail: ({ path }) => ({
        path,
        base: 'a\n',
        yours: 'mine\n',
        generated: 'new\n',
        merged: '<<<<<<< yours\nmine\n=======\nnew\n>>>>>>> generated now\n',
        conflicts: 1,
      }),
      writeProject: ({ outDir }) => ({
        outDir: outDir ?? '',
        folder: 'folder-0000000000000001',
        written: ['README.md', 'shop/models.py'],
        mode: 'merged',
        conflicts: [],
        writeId: 'w1',
        canOpenFolder: false,
      }),
    });
    showRun(judgedRun());
    renderReview();
    await userEvent.type(await screen.findByLabelText('Output folder'), '/tmp/shop-api');
    await userEvent.click(screen.getByRole('button', { name: 'Show merge plan' }));
    const plan = await screen.findByRole('region', { name: 'Merge plan' });
    expect(plan).toHaveTextContent('Merging into /tmp/shop-api');
    expect(plan).toHaveTextContent('1 unchanged · 1 conflicting');
    await userEvent.click(within(plan).getByRole('button', { name: 'Resolve shop/models.py' }));
    const conflict = await screen.findByRole('dialog', { name: 'Conflict in shop/models.py' });
    const result = await within(conflict).findByLabelText('Result of shop/models.py');
    await userEvent.clear(result);
    await userEvent.type(result, 'mine and new');
    await userEvent.click(within(conflict).getByRole('button', { name: 'Use this result' }));
    expect(studio.inputs('planWrite').at(-1)).toEqual({
      runId: 'r1',
      outDir: '/tmp/shop-api',
      force: false,
      resolutions: { 'shop/models.py': 'mine and new' },
    });
    expect(await screen.findByRole('region', { name: 'Merge plan' })).toHaveTextContent('merged shop/models.py');
    await userEvent.click(screen.getByRole('button', { name: 'Write approved files' }));
    expect(studio.inputs('writeProject')).toEqual([
      { runId: 'r1', outDir: '/tmp/shop-api', force: false, resolutions: { 'shop/models.py': 'mine and new' } },
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent('Merged 2 files into /tmp/shop-api.');
    expect(screen.getByLabelText('Written to')).toHaveTextContent('/tmp/shop-api');
  });

  it('shows the host’s refusal as an alert and keeps the decisions', async () => {
    studio = connectFakeStudio({
      getRun: () => judgedRun(),
      fileBases: ({ path }) => ({ path, draft: null, onDisk: null, lastGenerated: null }),
      decideFiles: () => refusal('review.unknown-file', 'The run r1 has no file x.py.'),
    });
    showRun(judgedRun());
    renderReview();
    await userEvent.click(await screen.findByRole('button', { name: 'Approve all' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The run r1 has no file x.py.');
    expect(screen.getByLabelText('Approval')).toHaveTextContent('1 of 2 approved');
  });
});
