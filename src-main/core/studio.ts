/**
 * The Studio service every host calls: `createStudioService` implements the contract of
 * `src-shared/api`, `dispatchStudio` turns a raw request into a `Result`. See `studio/`.
 */
export { createStudioService, type HostDialogs, type StudioDeps, type StudioService } from './studio/service';
export { dispatchStudio, type StudioHandlers } from './studio/dispatch';
export { StudioFailure, toStudioError } from './studio/failure';
export { fileHistoryStore, type HistoryStore } from './studio/history-store';
export { defaultCoreFunctions } from './studio/default-core';
export type { CoreFunctions, PlannedUnit } from './studio/core-functions';
export type { FileAccessPolicy } from './studio/file-handlers';
export {
  CapabilityTable,
  confinePath,
  createConfinement,
  systemFolders,
  type PathConfinement,
} from './studio/capabilities';
export { checkPythonInterpreter } from './studio/settings-paths';
