/**
 * What every host shows of the history — the app's Dashboard and `djforge stats` alike: the runs
 * matching a filter, the latest completed run rated against the baselines, and the
 * recommendations of the matching runs.
 */
import type { HistoryDashboard, HistoryFilter, RunHistoryRecord } from '../../../src-shared/api/history';
import type { Baselines } from '../../../src-shared/api/settings';
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

/** The dashboard of the runs `read` holds that match `filter`. */
export function historyDashboard(
  read: HistoryRead,
  filter: HistoryFilter,
  baselines: Partial<Baselines> | undefined,
): HistoryDashboard {
  const records = filterRuns(read.records, filter);
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
