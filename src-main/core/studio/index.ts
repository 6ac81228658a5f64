/**
 * The Studio service every host calls: `createStudioService` implements the contract of
 * `src-shared/api` on top of the one generation workflow (`core/run`), `dispatchStudio` turns a
 * raw request into a `Result`.
 */
export { createStudioService, type HostDialogs, type StudioDeps, type StudioService } from './service';
export { dispatchStudio, type StudioHandlers } from './dispatch';
export { toStudioError } from './failure';
export { DjForgeError } from '../errors';
export { fileHistoryStore, type HistoryStore } from '../history/history-store';
export { defaultCoreFunctions } from './default-core';
export type { CoreFunctions, PlannedUnit } from './core-functions';
export type { FileAccessPolicy } from './file-handlers';
export { CapabilityTable, confinePath, createConfinement, systemFolders, type PathConfinement } from './capabilities';
export { checkPythonInterpreter } from './settings-paths';
