/**
 * What every host shows of the history — the app's Dashboard and `djforge stats` alike: the runs
 * matching a filter, the latest completed run rated against the baselines, and the
 * recommendations of the matching runs.
 */
import type { HistoryDashboard, HistoryFilter, RunHistoryRecord } from '../../../src-shared/api/history';
import { DEFAULT_PRICES, type Baselines, type PriceTable } from '../../../src-shared/api/settings';
import { pricedRecord } from './measure';
import type { HistoryRead } from './history-log';
import { baselineValues, rateRun } from './ratings';
import { recommend } from './recommendations';

/** Runs of the ERD (name, case-insensitive, or hash prefix) and engine; the last `last` of them. */
export function filterRuns(records: readonly RunHistoryRecord[], filter: HistoryFilter): RunHistoryRecord[] {
  const erd = filter.erd?.toLowerCase();
  const matching = records.filter(
    (r) =>
      (!erd || r.erd.name.toLowerCase() === erd || r.erd.hash.startsWith(erd)) &&
      (!filter.engine || r.engine === filter.engine),
  );
  return filter.last ? matching.slice(-filter.last) : matching;
}

/**
 * The dashboard of the runs `read` holds that match `filter`, rated against the settings'
 * baselines and priced with the settings' price table as they are now (see `pricedRecord`), so a
 * changed baseline or price shows on the next read without re-recording anything.
 */
export function historyDashboard(
  read: HistoryRead,
  filter: HistoryFilter,
  baselines: Partial<Baselines> | undefined,
  prices: PriceTable = DEFAULT_PRICES,
): HistoryDashboard {
  const records = filterRuns(read.records, filter).map((r) => pricedRecord(r, prices));
  const values = baselineValues(baselines);
  const latest = records.filter((r) => r.status === 'completed').at(-1);
  return {
    records,
    ratings: latest ? rateRun(latest, values) : [],
    recommendations: recommend(records),
    baselines: values,
    warnings: read.warnings,
  };
}
