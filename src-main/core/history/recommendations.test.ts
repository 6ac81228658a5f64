import { describe, expect, it } from 'vitest';
import type { ReviewedFile, UnitTimingRecord } from '../../../src-shared/api/history';
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
/** A file of a person's review: judged `category`, then approved, skipped or edited. */
const reviewed = (category: string, outcome: 'approved' | 'skipped' | 'edited', score = 0.55): ReviewedFile => ({
  path: 'x.py',
  category,
  score,
  decision: outcome === 'skipped' ? 'skipped' : 'approved',
  decidedBy: category === 'auto-approved' && outcome !== 'skipped' ? 'auto' : 'user',
  edits: outcome === 'edited' ? 1 : 0,
  regenerations: 0,
  outcome,
  approvedUnchanged: outcome === 'approved',
});
const withReview = (files: ReviewedFile[], reviewer: 'person' | 'policy' = 'person') =>
  historyRecord({ review: { recordedAt: 0, reviewer, threshold: 0.8, files } });
const medium = (outcome: 'approved' | 'skipped' | 'edited', score?: number) => reviewed('medium', outcome, score);
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

  it('lowerThreshold fires when a person approved 80 % of 5 medium files unchanged, not when edited or too few', () => {
    const approved = [medium('approved', 0.5), medium('approved'), medium('approved'), medium('approved')];
    expect(recommend([withReview([...approved, medium('edited')])])).toEqual([
      expect.objectContaining({
        rule: 'lowerThreshold',
        evidence: { mediumDecided: 5, approvedUnchanged: 4, sharePct: 80, lowestScore: 0.5, threshold: 0.8 },
      }),
    ]);
    expect(rules([withReview(approved)])).toEqual([]);
    expect(rules([withReview([...approved.slice(0, 3), medium('skipped'), medium('edited')])])).toEqual([]);
    // Files spread over runs count together; a run without a review adds nothing.
    expect(rules([withReview(approved.slice(0, 2)), historyRecord(), withReview(approved.slice(0, 3))])).toEqual([
      'lowerThreshold',
    ]);
  });

  it('lowerThreshold ignores a policy’s decisions and the run’s own files (recorded before the review)', () => {
    const approved = Array.from({ length: 6 }, () => medium('approved'));
    expect(rules([withReview(approved, 'policy')])).toEqual([]);
    const files = Array.from({ length: 6 }, () => ({
      ...historyRecord().files[0]!,
      category: 'medium',
      approved: true,
      decidedBy: 'user' as const,
    }));
    expect(rules([historyRecord({ files })])).toEqual([]);
  });

  it('raiseThreshold fires when a person overrode 25 % of at least 5 auto-approved files', () => {
    const auto = (outcome: 'approved' | 'skipped' | 'edited') => reviewed('auto-approved', outcome, 0.9);
    const kept = [auto('approved'), auto('approved'), auto('approved')];
    expect(recommend([withReview([...kept, auto('edited'), auto('skipped')])])).toEqual([
      expect.objectContaining({
        rule: 'raiseThreshold',
        evidence: { autoApproved: 5, overridden: 2, sharePct: 40, threshold: 0.8 },
      }),
    ]);
    expect(rules([withReview([...kept, auto('approved'), auto('approved'), auto('skipped')])])).toEqual([]);
    expect(rules([withReview([...kept, auto('edited')])])).toEqual([]);
  });

  it('ignores runs that did not complete', () => {
    expect(rules([llm({ status: 'failed', modelUsage: [usage('m', 10, { rateLimit: 5 })] })])).toEqual([]);
  });
});
