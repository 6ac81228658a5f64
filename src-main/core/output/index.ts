/**
 * Getting generated files onto disk safely: `syncProject` (new project, or regeneration in place
 * with three-way merges and a journalled transaction), `writeProject` (raw atomic folder write),
 * `recoverInterruptedWrite` (repair a folder after a killed write), path confinement, and zip export.
 */
export { writeProject, checkOutputTarget, OutputError, type FileToWrite, type WriteOptions } from './project-writer';
export { syncProject, type SyncOptions, type SyncReport } from './sync-project';
export {
  planSync,
  readManifest,
  baseSnapshot,
  META_DIR,
  MANIFEST,
  BASE_DIR,
  CONFLICTS_DIR,
  type SyncAction,
  type SyncEntry,
  type SyncPlan,
  type Manifest,
} from './sync-plan';
export { mergeThreeWay, type MergeOutcome } from './merge';
export { confinedPath, unsafePathReason, assertInsideRoot } from './paths';
export { projectZip, writeProjectZip } from './zip-export';
export { applyTransaction, type TransactionHooks, type WriteProgress, type WriteProgressListener } from './transaction';
export { recoverInterruptedWrite, type RecoveryReport } from './recover';
export type { KillPoint } from './output-error';
