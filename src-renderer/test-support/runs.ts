/** A small finished run as the host would describe it, for the review and run views. */
import { viewOfSnapshot } from '@renderer/features/run/run-slice';
import { useStudio } from '@renderer/store';
import { emptyRunReview, type RunSnapshot } from '@shared/api';

/** Puts a run on screen as the page does once it has the host's snapshot. */
export function showRun(snapshot: RunSnapshot): void {
  useStudio.getState().setRun(viewOfSnapshot(snapshot));
}

export const finishedRun = (): RunSnapshot => ({
  runId: 'r1',
  project: 'shop',
  engine: 'template',
  status: 'completed',
  review: emptyRunReview(0.8),
  warnings: [],
  startedAt: 1_000,
  endedAt: 3_500,
  units: [
    { id: 'models', agent: 'models', label: 'shop/models.py', status: 'done', attempts: 1 },
    { id: 'readme', agent: 'docs', label: 'README.md', status: 'cached', attempts: 0 },
  ],
  agents: [
    { agent: 'models', finished: 1, total: 1 },
    { agent: 'docs', finished: 1, total: 1 },
  ],
  files: [
    {
      path: 'shop/models.py',
      agent: 'models',
      content: 'class Product(models.Model):\n    pass\n',
      source: 'template',
      bytes: 40,
    },
    { path: 'README.md', agent: 'docs', content: '# shop\n', source: 'cache', bytes: 7 },
  ],
  decisions: { 'shop/models.py': 'pending', 'README.md': 'pending' },
  findings: {
    'shop/models.py': [
      {
        severity: 'warning',
        code: 'best-practice.str',
        message: 'Product has no __str__.',
        file: 'shop/models.py',
        line: 1,
      },
    ],
  },
  summary: { files: 2, failed: 0, cached: 1, fellBack: 0, retried: 0, bytes: 47, elapsedMs: 2_500 },
  error: null,
});
