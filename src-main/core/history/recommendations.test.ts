import { describe, expect, it } from 'vitest';
import type { FileQuality, UnitTimingRecord } from '../../../src-shared/api/history';
import { historyRecord, usage } from '../../../test-support/history-records';
import { laneUtilisation, recommend } from './recommendations';

const llm = (overrides: Parameters<typeof historyRecord>[0] = {}) =>
  // Four lanes, two of them idle: the fixture's units alone trigger no concurrency rule.
  historyRecord({ engine: 'llm', models: ['m'], concurrency: 4, modelUsage: [usage('m', 8)], ...overrides });
/** `n` units filling `lanes` lanes back to back for `ms` each: fully busy lanes. */
const busyUnits = (n: number, lanes: number, ms = 100): UnitTimingRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    unitId: `u${i}`,
    agent: 'models',
    slot: i % lanes,
    startMs: Math.floor(i / lanes) * ms,
    endMs: Math.floor(i / lanes) * ms + ms,
    source: 'llm',
  }));
const medium = (approved: boolean, revisions = 0): FileQuality => ({
  path: 'x.py',
  agent: 'views',
  source: 'llm',
  score: 0.6,
  category: 'medium',
  approved,
  decidedBy: 'user',
  revisions,
});
const rules = (records: Parameters<typeof recommend>[0]) => recommend(records).map((r) => r.rule);

describe('recommendation rules', () => {
  it('fire on nothing for an ordinary template history', () => {
    expect(recommend([historyRecord(), historyRecord()])).toEqual([]);
  });

  it('lowerConcurrency fires at 3 rate limits in the latest LLM run, not at 2', () => {
    const limited = llm({ concurrency: 8, modelUsage: [usage('m', 20, { rateLimit: 3 })] });
    expect(recommend([limited])).toEqual([
      expect.objectContaining({
        rule: 'lowerConcurrency',
        evidence: { rateLimits: 3, concurrency: 8 },
        runIds: [limited.runId],
        message: expect.stringMatching(/3 rate limits .* concurrency 8; lower the concurrency to 4/),
      }),
    ]);
    expect(rules([llm({ modelUsage: [usage('m', 20, { rateLimit: 2 })] })])).not.toContain('lowerConcurrency');
    // An older run's rate limits do not count against the latest run.
    expect(rules([limited, llm()])).not.toContain('lowerConcurrency');
  });

  it('raiseConcurrency fires when every lane was busy with no rate limit, not with idle lanes', () => {
    const saturated = llm({ concurrency: 2, units: busyUnits(6, 2) });
    expect(laneUtilisation(saturated)).toBe(1);
    expect(recommend([saturated])).toEqual([
      expect.objectContaining({
        rule: 'raiseConcurrency',
        evidence: expect.objectContaining({ laneUtilisationPct: 100 }),
      }),
    ]);
    const idle = llm({ concurrency: 4, units: busyUnits(6, 2) });
    expect(laneUtilisation(idle)).toBe(0.5);
    expect(rules([idle])).toEqual([]);
    expect(rules([historyRecord({ concurrency: 2, units: busyUnits(6, 2) })])).toEqual([]); // template engine
  });

  it('demoteModel fires above 25 % failures over at least 5 calls, not at 25 % or with too few calls', () => {
    const failing = [
      llm({ modelUsage: [usage('bad', 4, { server: 1 }), usage('m', 4)] }),
      llm({ modelUsage: [usage('bad', 4, { timeout: 2 })] }),
    ];
    expect(recommend(failing)).toEqual([
      expect.objectContaining({
        rule: 'demoteModel',
        evidence: { model: 'bad', calls: 8, failures: 3, failureRatePct: 37.5, runs: 2 },
        runIds: failing.map((r) => r.runId),
      }),
    ]);
    expect(rules([llm({ modelUsage: [usage('ok', 8, { server: 2 })] })])).toEqual([]);
    expect(rules([llm({ modelUsage: [usage('few', 4, { server: 4 })] })])).toEqual([]);
  });

  it('warmCache fires for an ERD generated again with a low hit rate, not for a first run or a warm cache', () => {
    const cold = { hits: 1, misses: 9, timeSavedMs: 0, tokensSaved: 0 };
    const runs = [llm({ cache: cold }), llm({ cache: cold })];
    expect(recommend(runs)).toEqual([
      expect.objectContaining({
        rule: 'warmCache',
        evidence: { erd: 'blog', runs: 2, hitRatePct: 10, hits: 1, misses: 9 },
      }),
    ]);
    expect(rules([llm({ cache: cold })])).toEqual([]);
    expect(rules([llm({ cache: cold }), llm({ cache: { ...cold, hits: 9, misses: 1 } })])).toEqual([]);
    expect(rules([llm({ cache: cold }), llm({ cache: cold, erd: { name: 'shop', hash: 'ffff' } })])).toEqual([]);
    // Another model chain means other cache keys: its misses say nothing about the cache.
    expect(rules([llm({ cache: cold }), llm({ cache: cold, models: ['m', 'n'] })])).toEqual([]);
  });

  it('lowerThreshold fires when 80 % of 5 medium files were approved unchanged, not when edited or too few', () => {
    const approved = [medium(true), medium(true), medium(true), medium(true), medium(false)];
    expect(recommend([historyRecord({ files: approved })])).toEqual([
      expect.objectContaining({
        rule: 'lowerThreshold',
        evidence: { mediumDecided: 5, approvedUnchanged: 4, sharePct: 80 },
      }),
    ]);
    expect(rules([historyRecord({ files: approved.slice(0, 4) })])).toEqual([]);
    expect(rules([historyRecord({ files: [...approved.slice(0, 3), medium(true, 1), medium(false)] })])).toEqual([]);
  });

  it('ignores runs that did not complete', () => {
    expect(rules([llm({ status: 'failed', modelUsage: [usage('m', 10, { rateLimit: 5 })] })])).toEqual([]);
  });
});
