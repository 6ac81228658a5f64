import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyRecord } from '../../../test-support/history-records';
import { historyLog } from './history-log';
import { fileHistoryStore } from './history-store';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-history-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('history log', () => {
  it('appends one line per run and reads them back oldest first', async () => {
    const log = historyLog(dir);
    const [a, b] = [historyRecord(), historyRecord()];
    await log.append(a);
    await log.append(b);
    const text = await fs.readFile(log.file, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(await log.read()).toEqual({ records: [a, b], warnings: [] });
  });

  it('skips a corrupt line and a truncated last line with warnings naming them, keeping the others', async () => {
    const log = historyLog(dir);
    const [a, b] = [historyRecord(), historyRecord()];
    await log.append(a);
    await fs.appendFile(log.file, '{"version":1,"runId":\n');
    await fs.appendFile(log.file, JSON.stringify({ ...b, version: 7 }) + '\n');
    await log.append(b);
    await fs.appendFile(log.file, JSON.stringify(historyRecord()).slice(0, 80));
    const { records, warnings } = await log.read();
    expect(records.map((r) => r.runId)).toEqual([a.runId, b.runId]);
    expect(warnings).toEqual([
      `${log.file}:2: not a complete JSON line; skipped.`,
      expect.stringMatching(new RegExp(`^${log.file.replace(/[.]/g, '\\.')}:3: not a run record \\(version: `)),
      `${log.file}:5: not a complete JSON line (truncated write?); skipped.`,
    ]);
  });

  it('rotates past its size bound, keeps the rotated runs readable and drops the oldest beyond `keep`', async () => {
    const one = JSON.stringify(historyRecord()).length + 1;
    const log = historyLog(dir, { maxBytes: one * 2 + 10, keep: 2 });
    const records = Array.from({ length: 7 }, () => historyRecord());
    for (const r of records) await log.append(r);
    const files = (await fs.readdir(path.join(dir, 'history'))).sort();
    expect(files).toEqual(['runs.1.jsonl', 'runs.2.jsonl', 'runs.jsonl']);
    // 2 per file: the current holds the 7th, runs.1 the 5th-6th, runs.2 the 3rd-4th; 1st-2nd are gone.
    expect((await log.read()).records.map((r) => r.runId)).toEqual(records.slice(2).map((r) => r.runId));
  });

  it('never interleaves the lines of two processes appending at once', async () => {
    const script = path.join(dir, 'writer.mts');
    const here = path.dirname(new URL(import.meta.url).pathname);
    await fs.writeFile(
      script,
      [
        `import { historyLog } from ${JSON.stringify(path.join(here, 'history-log.ts'))};`,
        `import { historyRecord } from ${JSON.stringify(path.join(here, '../../../test-support/history-records.ts'))};`,
        `const [who, data] = process.argv.slice(2);`,
        `const log = historyLog(data);`,
        // A long line (many units) makes a torn write likely if the lock did not hold.
        `const units = Array.from({ length: 400 }, (_, i) => ({ unitId: who + i, agent: 'models', slot: 0, startMs: i, endMs: i + 1, source: 'template' }));`,
        `await Promise.all(Array.from({ length: 15 }, (_, i) => log.append(historyRecord({ runId: who + '-' + i, units }))));`,
      ].join('\n'),
    );
    const data = path.join(dir, 'data');
    await Promise.all(['a', 'b'].map((who) => run(process.execPath, ['--import', 'tsx', script, who, data])));
    const { records, warnings } = await historyLog(data).read();
    expect(warnings).toEqual([]);
    expect(records.map((r) => r.runId).sort()).toEqual(
      ['a', 'b'].flatMap((w) => Array.from({ length: 15 }, (_, i) => `${w}-${i}`)).sort(),
    );
    expect((await fs.readdir(path.join(data, 'history'))).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('lists the runs as table rows through the store', async () => {
    const store = fileHistoryStore(dir);
    const r = historyRecord();
    await store.addRun(r);
    expect(await store.listRuns()).toEqual([
      {
        runId: r.runId,
        project: 'blog',
        engine: 'template',
        status: 'completed',
        startedAt: r.startedAt,
        summary: r.summary,
      },
    ]);
  });

  it('merges the latest review of each run into it, never rewriting the run line, and skips a corrupt review', async () => {
    const store = fileHistoryStore(dir);
    const [a, b] = [historyRecord(), historyRecord()];
    await store.addRun(a);
    await store.addRun(b);
    const runLines = await fs.readFile(historyLog(dir).file, 'utf8');
    const review = (recordedAt: number, decision: 'approved' | 'skipped') => ({
      kind: 'review' as const,
      version: 1 as const,
      runId: a.runId,
      host: 'app' as const,
      recordedAt,
      reviewer: 'person' as const,
      threshold: 0.8,
      files: [
        {
          path: 'blog/models.py',
          category: 'medium',
          score: 0.5,
          decision,
          decidedBy: 'user' as const,
          edits: 0,
          regenerations: 0,
          outcome: decision,
          approvedUnchanged: decision === 'approved',
        },
      ],
    });
    await store.addReview(review(1, 'skipped'));
    await fs.appendFile(historyLog(dir).reviewsFile, '{"kind":"review","runId":\n');
    await store.addReview(review(2, 'approved'));
    const { records, warnings } = await store.readRuns();
    expect(await fs.readFile(historyLog(dir).file, 'utf8')).toBe(runLines);
    const { kind: _k, version: _v, runId: _r, host: _h, ...latest } = review(2, 'approved');
    expect(records).toEqual([{ ...a, review: latest }, b]);
    expect(warnings).toEqual([`${historyLog(dir).reviewsFile}:2: not a complete JSON line; skipped.`]);
  });
});
