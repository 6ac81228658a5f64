/**
 * The app records a run's line when the run ends, before any decision; writing the project
 * appends the person's review (decisions, edits) as a review record, which the dashboard shows in
 * the run. A write that is refused records nothing.
 */
import { studioInFolder } from '../../../test-support/studio-service';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDashboard } from '../../../src-shared/api/history';
import { dispatchStudio } from './dispatch';
import { type StudioService } from './service';
import { productErd } from '../../../test-support/fixtures/app-erds';

const erd = productErd();

let dir: string;
let studio: StudioService;
async function value<T>(method: string, payload: unknown = {}): Promise<T> {
  const result = await dispatchStudio(studio.handlers, method, payload);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'djf-review-record-'));
  studio = await studioInFolder(dir);
});
afterEach(async () => {
  await studio.runs.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('the review record of an app run', () => {
  it('is appended when the project is written, with the person’s decisions and edits', async () => {
    const { runId } = await value<{ runId: string }>('startRun', { erd, engine: 'template', runtime: false });
    await studio.runs.settled(runId);
    const runLine = await readFile(path.join(dir, 'data', 'history', 'runs.jsonl'), 'utf8');
    expect((await value<HistoryDashboard>('historyDashboard', {})).records[0]?.review).toBeUndefined();

    await value('decideFiles', { runId, paths: ['README.md'], decision: 'skipped' });
    const views = studio.runs.generation(runId).review.get('core/views.py').current.content;
    await value('editFile', { runId, path: 'core/views.py', content: `${views}\n# reviewed\n` });
    await value('decideFiles', { runId, paths: ['core/views.py'], decision: 'approved' });
    // A refused write (the folder is outside the confinement) records nothing.
    expect((await dispatchStudio(studio.handlers, 'writeProject', { runId, outDir: '/' })).ok).toBe(false);
    expect((await value<HistoryDashboard>('historyDashboard', {})).records[0]?.review).toBeUndefined();

    await value('writeProject', { runId, outDir: path.join(dir, 'out') });
    // The run's own line is untouched; the review is a line of its own, merged by the reader.
    expect(await readFile(path.join(dir, 'data', 'history', 'runs.jsonl'), 'utf8')).toBe(runLine);
    const review = (await value<HistoryDashboard>('historyDashboard', {})).records[0]?.review;
    expect(review).toMatchObject({ reviewer: 'person', threshold: 0.8 });
    const files = new Map(review?.files.map((f) => [f.path, f]));
    expect(files.get('README.md')).toMatchObject({
      decision: 'skipped',
      decidedBy: 'user',
      outcome: 'skipped',
      approvedUnchanged: false,
    });
    expect(files.get('core/views.py')).toMatchObject({
      category: 'auto-approved',
      decision: 'approved',
      edits: 1,
      outcome: 'edited',
      approvedUnchanged: false,
    });
    expect(files.get('core/models.py')).toMatchObject({
      decision: 'approved',
      decidedBy: 'auto',
      outcome: 'approved',
      approvedUnchanged: true,
    });
    const reviewLines = (await readFile(path.join(dir, 'data', 'history', 'reviews.jsonl'), 'utf8')).trim().split('\n');
    expect(reviewLines.map((l) => (JSON.parse(l) as { runId: string; kind: string }).runId)).toEqual([runId]);
  }, 60_000);
});
