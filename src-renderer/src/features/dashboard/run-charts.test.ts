import { describe, expect, it } from 'vitest';
import { historyRecord, usage } from '../../../../test-support/history-records';
import { agentTimeFigure, cacheFigure } from './run-charts';
import { failuresFigure, modelTotals } from './trend-charts';

describe('the selected run’s figures', () => {
  it('show agent times in milliseconds to the microsecond, so template agents are not 0', () => {
    const run = historyRecord({ agents: [{ agent: 'urls', units: 2, busyMs: 0.042 }] });
    const { spec, table } = agentTimeFigure(run);
    expect(spec.kind === 'bar' && spec.datasets[0]?.values).toEqual([0.042]);
    expect(table.rows).toEqual([['urls', 2, 0.042]]);
    expect(agentTimeFigure(run).note).toBeUndefined();
  });

  it('say why a chart is empty: no cache lookups, no failed call', () => {
    expect(cacheFigure(historyRecord()).note).toMatch(/^No cache lookup in this run/);
    expect(cacheFigure(historyRecord({ cache: { hits: 1, misses: 0, timeSavedMs: 5, tokensSaved: 9 } })).note).toBe(
      undefined,
    );
    const calm = modelTotals([historyRecord({ engine: 'llm', modelUsage: [usage('m', 3)] })]);
    expect(failuresFigure(calm).note).toMatch(/^No call failed/);
    const stormy = modelTotals([historyRecord({ engine: 'llm', modelUsage: [usage('m', 3, { rateLimit: 1 })] })]);
    expect(failuresFigure(stormy).note).toBeUndefined();
  });
});
