/**
 * The one generation workflow every host calls — the CLI prints and prompts over it, the Studio
 * service (desktop app and web host) exposes it through the contract: load the ERD, prepare the
 * engine (LLM preflight, the cache folder), generate and review (`GenerationRun`, which owns the
 * `ReviewSession`), regenerate with feedback, plan and write the approved files, report.
 */
export { loadErdFile } from './load-erd';
export { planProject, plannedUnits, type PlannedUnit } from './plan';
export * from './pipeline';
export { chooseCacheDir, prepareEngine, type EngineChoice, type HostPlace, type PreparedEngine } from './engine';
export {
  GenerationRun,
  withRegenerations,
  type GenerationRunOptions,
  type RegenerationHooks,
  type RunReviewSettings,
  type ValidationOutcome,
} from './generation-run';
export {
  feedbackSection,
  NEEDS_LLM_MESSAGE,
  regenerateFile,
  RegenerationError,
  type RegeneratedFile,
  type RegenerateFileInput,
  type RegenerationErrorCode,
} from './regenerate';
export { checkZipTarget, writeApproved, WRITTEN_ACTIONS, type WriteOutcome, type WriteTargets } from './write';
export { planWrite } from './write-plan';
export { buildReport, writeReport, type ReportInput } from './report';
export type * from './report-types';
