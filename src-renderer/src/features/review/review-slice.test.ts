import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import { emptyRunReview, type FileReview } from '@shared/api';
import { applyDecisions, applyFileDecision, applyFileVersion } from './review-slice';

const version = (content: string, score = 1) => ({
  content,
  origin: 'generated' as const,
  score,
  category: 'auto-approved' as const,
  reasons: [],
  findings: [],
});
const models: FileReview = {
  path: 'core/models.py',
  agent: 'models',
  failed: null,
  score: 1,
  category: 'auto-approved',
  reasons: [],
  findings: [],
  decision: 'approved',
  decidedBy: 'auto',
  versions: [version('class A: pass\n')],
  current: 0,
};

describe('the review state mirrored from the host', () => {
  beforeEach(() => useStudio.setState(useStudio.getInitialState(), true));

  it('adds files as their versions arrive and starts over for another run', () => {
    const first = applyFileVersion(null, { runId: 'r1', path: models.path, file: models });
    expect(Object.keys(first.files)).toEqual(['core/models.py']);
    const next = applyFileVersion(first, { runId: 'r2', path: 'a.py', file: { ...models, path: 'a.py' } });
    expect(next.runId).toBe('r2');
    expect(Object.keys(next.files)).toEqual(['a.py']);
  });

  it('applies decisions of its own run only, and marks a person’s decision', () => {
    const review = applyFileVersion(null, { runId: 'r1', path: models.path, file: models });
    const skipped = applyFileDecision(review, {
      runId: 'r1',
      path: models.path,
      decision: 'skipped',
      decidedBy: 'user',
    });
    expect(skipped?.files[models.path]).toMatchObject({ decision: 'skipped', decidedBy: 'user' });
    expect(applyFileDecision(review, { runId: 'r9', path: models.path, decision: 'skipped', decidedBy: 'user' })).toBe(
      review,
    );
    const undone = applyDecisions(skipped, 'r1', { [models.path]: 'pending', 'unknown.py': 'approved' });
    expect(undone?.files[models.path]).toMatchObject({ decision: 'pending', decidedBy: null });
    expect(Object.keys(undone?.files ?? {})).toEqual([models.path]);
  });

  it('keeps the selection in list order, toggles shift-click ranges, and forgets it for a new run', () => {
    const order = ['a', 'b', 'c', 'd'];
    const s = () => useStudio.getState();
    s().toggleSelected('b', false, order);
    s().toggleSelected('d', true, order);
    expect(s().reviewSelection).toEqual(['b', 'c', 'd']);
    s().toggleSelected('c', false, order);
    expect(s().reviewSelection).toEqual(['b', 'd']);
    s().pushUndo({ label: 'Approve all high quality', before: { a: 'pending' } });
    s().loadReview('r1', emptyRunReview(0.8), 'template');
    expect(s().reviewSelection).toEqual([]);
    expect(s().batchUndo).toEqual([]);
    expect(s().review).toMatchObject({ runId: 'r1', engine: 'template', files: {} });
  });

  it('undoes batches latest first', () => {
    const s = () => useStudio.getState();
    s().pushUndo({ label: 'one', before: {} });
    s().pushUndo({ label: 'two', before: {} });
    expect(s().popUndo()?.label).toBe('two');
    expect(s().popUndo()?.label).toBe('one');
    expect(s().popUndo()).toBeUndefined();
  });
});
