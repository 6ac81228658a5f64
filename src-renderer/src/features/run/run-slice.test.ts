import { describe, expect, it } from 'vitest';
import { emptyRunReview, type RunSnapshot } from '@shared/api';
import { applyFile, applyFindings, applyFinished, applyProgress, viewOfSnapshot } from './run-slice';

const snapshot: RunSnapshot = {
  runId: 'r1',
  project: 'shop',
  engine: 'template',
  status: 'running',
  startedAt: 1000,
  endedAt: null,
  units: [
    { id: 'a.py', agent: 'models', label: 'a.py', status: 'done', attempts: 1 },
    { id: 'b.py', agent: 'views', label: 'b.py', status: 'queued', attempts: 0 },
  ],
  agents: [
    { agent: 'models', finished: 1, total: 1 },
    { agent: 'views', finished: 0, total: 1 },
  ],
  files: [],
  decisions: {},
  findings: {},
  summary: null,
  error: null,
  review: emptyRunReview(0.8),
  warnings: [],
};

describe('run view updates', () => {
  it('counts finished units from a snapshot', () => {
    expect(viewOfSnapshot(snapshot)).toMatchObject({ finished: 1, total: 2 });
  });

  it('applies progress, files, findings and the end, ignoring other runs', () => {
    let view = viewOfSnapshot(snapshot);
    const unit = { id: 'b.py', agent: 'views', label: 'b.py', status: 'running' as const, attempts: 1 };
    view = applyProgress(view, { runId: 'r1', unit, finished: 1, total: 2, agents: snapshot.agents });
    expect(view.units.map((u) => u.status)).toEqual(['done', 'running']);
    expect(applyProgress(view, { runId: 'r2', unit, finished: 2, total: 2, agents: [] })).toBe(view);
    view = applyFile(view, {
      runId: 'r1',
      file: { path: 'b.py', agent: 'views', content: 'class B: ...', source: 'llm', bytes: 12 },
    });
    expect(view.decisions).toEqual({ 'b.py': 'pending' });
    const finding = {
      severity: 'warning' as const,
      code: 'security.debug',
      message: 'DEBUG is on.',
      file: 'b.py',
      line: 3,
    };
    view = applyFindings(view, { runId: 'r1', path: 'b.py', diagnostics: [finding] });
    expect(view.findings).toEqual({ 'b.py': [finding] });
    const summary = { files: 1, failed: 0, cached: 0, fellBack: 0, retried: 0, bytes: 12, elapsedMs: 50 };
    view = applyFinished(view, { runId: 'r1', status: 'completed', summary, error: null }, 1050);
    expect(view).toMatchObject({ status: 'completed', summary, endedAt: 1050 });
  });
});
