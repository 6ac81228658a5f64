import { describe, expect, it } from 'vitest';
import { ReviewSession } from './review-session';
import { findingDiagnostic, runReviewView } from './review-view';
import type { Finding } from '../validate/types';

const debugTrue: Finding = {
  file: 'shop/settings.py',
  line: 4,
  column: 1,
  severity: 'warning',
  rule: 'security.debug-true',
  layer: 'security',
  message: 'DEBUG is True.',
};

describe('the review as the contract carries it', () => {
  it('keeps a finding code as the rule says it, never with the layer twice', () => {
    expect(findingDiagnostic(debugTrue)).toEqual({
      severity: 'warning',
      code: 'security.debug-true',
      message: 'DEBUG is True.',
      file: 'shop/settings.py',
      line: 4,
      column: 1,
    });
    expect(findingDiagnostic({ ...debugTrue, line: 0, column: 0 })).not.toHaveProperty('line');
  });

  it('lists every version with the current one last, and the session figures', async () => {
    const session = new ReviewSession({
      validate: async (files) => files.filter((f) => f.content.includes('DEBUG = True')).map(() => debugTrue),
    });
    await session.add({ path: 'shop/settings.py', content: 'DEBUG = True\n', agent: 'settings' });
    await session.complete();
    await session.edit('shop/settings.py', 'DEBUG = False\n');
    const view = runReviewView(session);
    const file = view.files['shop/settings.py'];
    expect(file?.versions.map((v) => [v.origin, v.findings.map((d) => d.code)])).toEqual([
      ['generated', ['security.debug-true']],
      ['edited', []],
    ]);
    expect(file).toMatchObject({ current: 1, category: 'auto-approved', decision: 'approved', decidedBy: 'auto' });
    expect(view).toMatchObject({ threshold: 0.8, complete: true, summary: { files: 1, approved: 1 } });
  });
});
