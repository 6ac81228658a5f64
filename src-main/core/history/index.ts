/** The run history: the store, the record of a run, its ratings, recommendations and exports. */
export { fileHistoryStore, runRow, type HistoryStore } from './history-store';
export { historyLog, mergeReviews, type HistoryLog, type HistoryRead } from './history-log';
export { reviewHistoryRecord, reviewOutcome } from './review-record';
export { buildHistoryRecord, erdIdentity, type RecordInput } from './build-record';
export { historyDashboard, filterRuns } from './dashboard';
export { exportHistory, historyCsv } from './export';
export { baselineValues, cacheHitRate, metricValue, rateMetric, rateRun } from './ratings';
export { recommend, laneUtilisation } from './recommendations';
