/**
 * The history as files a person takes elsewhere: JSON (every recorded figure, one object per run)
 * and CSV (one row per run with the headline figures, for a spreadsheet). Both the CLI and the app
 * export through here, so the two never disagree on a column.
 */
import type { HistoryExport, RunHistoryRecord } from '../../../src-shared/api/history';
import { cacheHitRate } from './ratings';

type Cell = string | number | boolean | null;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const countAll = (counts: Record<string, number>) => sum(Object.values(counts));

/** The CSV columns and how each is read from a record. */
export const CSV_COLUMNS: readonly [string, (r: RunHistoryRecord) => Cell][] = [
  ['runId', (r) => r.runId],
  ['startedAt', (r) => new Date(r.startedAt).toISOString()],
  ['host', (r) => r.host],
  ['status', (r) => r.status],
  ['erd', (r) => r.erd.name],
  ['erdHash', (r) => r.erd.hash],
  ['engine', (r) => r.engine],
  ['models', (r) => r.models.join(' > ')],
  ['concurrency', (r) => r.concurrency],
  ['pipelineMs', (r) => r.pipelineMs],
  ['generateMs', (r) => r.generateMs],
  ['validateMs', (r) => r.validateMs],
  ['units', (r) => r.units.length],
  ['files', (r) => r.files.length],
  ['cacheHits', (r) => r.cache.hits],
  ['cacheMisses', (r) => r.cache.misses],
  ['cacheHitRate', (r) => cacheHitRate(r)],
  ['cacheTimeSavedMs', (r) => r.cache.timeSavedMs],
  ['modelCalls', (r) => r.modelCalls],
  ['retries', (r) => countAll(r.retriesByClass)],
  ['fallbacks', (r) => countAll(r.fallbacksByClass)],
  ['autoApprovalRate', (r) => r.autoApprovalRate],
  ['averageQuality', (r) => r.averageQuality],
  ['errorRate', (r) => r.errorRate],
  ['tokensIn', (r) => sum(r.modelUsage.map((m) => m.tokensIn))],
  ['tokensOut', (r) => sum(r.modelUsage.map((m) => m.tokensOut))],
  ['costUsd', (r) => r.costUsd],
  ['runtimeRan', (r) => r.runtime.ran],
  ['runtimeOk', (r) => r.runtime.ok],
  ['runtimeMs', (r) => r.runtime.ms],
];

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV, a header line then one line per run. */
export function historyCsv(records: readonly RunHistoryRecord[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const r of records) lines.push(CSV_COLUMNS.map(([, read]) => csvCell(read(r))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The export of `records` in `format`, with a file name that says when it was taken. */
export function exportHistory(
  records: readonly RunHistoryRecord[],
  format: 'csv' | 'json',
  now = Date.now(),
): HistoryExport {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return format === 'csv'
    ? { fileName: `djforge-history-${stamp}.csv`, mimeType: 'text/csv', text: historyCsv(records) }
    : {
        fileName: `djforge-history-${stamp}.json`,
        mimeType: 'application/json',
        text: JSON.stringify(records, null, 2) + '\n',
      };
}
