/**
 * Run history records for tests of the store, ratings, rules and views: a complete, valid record
 * of a small template run, with any figure overridden. Not "made-up data" for production: only
 * tests build records by hand; runs record themselves.
 */
import type { ModelUsage, RunHistoryRecord, UnitTimingRecord } from '../src-shared/api/history';

let counter = 0;

/** Four units on two lanes, one file, every figure consistent with the others. */
export function historyRecord(overrides: Partial<RunHistoryRecord> = {}): RunHistoryRecord {
  counter += 1;
  const units: UnitTimingRecord[] = [
    { unitId: 'models:A', agent: 'models', slot: 0, startMs: 0, endMs: 100, source: 'template' },
    { unitId: 'models:B', agent: 'models', slot: 1, startMs: 0, endMs: 80, source: 'template' },
    { unitId: 'views:A', agent: 'views', slot: 0, startMs: 100, endMs: 150, source: 'template' },
    { unitId: 'views:B', agent: 'views', slot: 1, startMs: 80, endMs: 150, source: 'template' },
  ];
  return {
    version: 1,
    runId: `run-${counter}`,
    host: 'cli',
    status: 'completed',
    erd: { name: 'blog', hash: 'abcdef0123456789' },
    project: 'blog',
    engine: 'template',
    models: [],
    localEndpoint: false,
    concurrency: 2,
    startedAt: Date.UTC(2026, 10, 30, 12, 0, counter),
    pipelineMs: 1200,
    generateMs: 150,
    validateMs: 900,
    agents: [
      { agent: 'models', units: 2, busyMs: 180 },
      { agent: 'views', units: 2, busyMs: 120 },
    ],
    units,
    cache: { hits: 0, misses: 0, timeSavedMs: 0, tokensSaved: 0 },
    modelCalls: 0,
    retriesByClass: {},
    fallbacksByClass: {},
    files: [
      {
        path: 'blog/models.py',
        agent: 'models',
        source: 'template',
        score: 0.9,
        category: 'auto-approved',
        approved: true,
        decidedBy: 'auto',
        revisions: 0,
      },
    ],
    autoApprovalRate: 1,
    averageQuality: 0.9,
    errorRate: 0,
    modelUsage: [],
    costUsd: null,
    runtime: { ran: false, ok: null, skipped: '--no-runtime was given', ms: 0 },
    summary: { files: 1, failed: 0, cached: 0, fellBack: 0, retried: 0, bytes: 100, elapsedMs: 1200 },
    ...overrides,
  };
}

/** A model's usage in a record, with failures by class. */
export function usage(model: string, calls: number, failures: Record<string, number> = {}): ModelUsage {
  return {
    model,
    calls,
    failures,
    tokensIn: calls * 100,
    tokensOut: calls * 50,
    callsWithoutUsage: 0,
    latencyP50Ms: 1000,
    latencyP95Ms: 2000,
    costUsd: 0,
  };
}
