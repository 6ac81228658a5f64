import { beforeEach, describe, expect, it } from 'vitest';
import { appendRunText, STREAM_TAIL, useRunText, watchRunText } from './streams';

describe('the streamed-text store', () => {
  beforeEach(() => useRunText.setState({ runId: null, byUnit: {} }));

  it('appends text per unit of the watched run and ignores other runs', () => {
    watchRunText('r1');
    appendRunText({ runId: 'r1', unitId: 'b.py', delta: 'class ' });
    appendRunText({ runId: 'r1', unitId: 'b.py', delta: 'B:' });
    appendRunText({ runId: 'r2', unitId: 'b.py', delta: 'x' });
    appendRunText({ runId: 'r1', unitId: 'a.py', delta: 'import os' });
    expect(useRunText.getState().byUnit).toEqual({ 'b.py': 'class B:', 'a.py': 'import os' });
  });

  it('keeps only the tail of a long stream', () => {
    watchRunText('r1');
    appendRunText({ runId: 'r1', unitId: 'b.py', delta: 'x'.repeat(STREAM_TAIL + 10) + 'END' });
    const text = useRunText.getState().byUnit['b.py'] ?? '';
    expect(text).toHaveLength(STREAM_TAIL);
    expect(text.endsWith('END')).toBe(true);
  });

  it('forgets the previous run when a new one is watched, but not when the same one is', () => {
    watchRunText('r1');
    appendRunText({ runId: 'r1', unitId: 'b.py', delta: 'x' });
    watchRunText('r1');
    expect(useRunText.getState().byUnit).toEqual({ 'b.py': 'x' });
    watchRunText('r2');
    expect(useRunText.getState()).toEqual({ runId: 'r2', byUnit: {} });
  });
});
