/**
 * The names of the Studio contract's methods and events, without zod, for the renderer's
 * browser client (which builds one function per name and must not bundle the schema library).
 * `methods.ts` and `events.ts` stay the one declaration of the contract: the type checks below
 * refuse to compile, naming the missing entry, when either table gains a name this file lacks;
 * `contract-names.test.ts` checks the order too.
 */
import type { EventName } from './events';
import type { MethodName } from './methods';

const METHOD_LIST = [
  'appInfo',
  'newErd',
  'openErd',
  'importErd',
  'saveErd',
  'exportErd',
  'validateErd',
  'startRun',
  'cancelRun',
  'getRun',
  'decideFiles',
  'approveHighQuality',
  'approveHighAndMedium',
  'skipProblematic',
  'approveSelection',
  'editFile',
  'regenerateFile',
  'cancelRegeneration',
  'planWrite',
  'writeProject',
  'getSettings',
  'updateSettings',
  'setApiKey',
  'hasApiKey',
  'setDocumentState',
  'listHistory',
  'listRecentFiles',
  'clearRecentFiles',
  'historyDashboard',
  'exportHistory',
  'checkFile',
  'fileBases',
  'conflictDetail',
  'saveRecoveryCopy',
  'loadRecoveryCopy',
  'discardRecoveryCopy',
  'previewEntity',
  'openWrittenFolder',
  'runtimeAvailability',
  'checkRuntime',
] as const satisfies readonly MethodName[];

const EVENT_LIST = [
  'runProgress',
  'runText',
  'fileReady',
  'findings',
  'fileVersion',
  'fileDecision',
  'regenerationText',
  'runFinished',
  'menuCommand',
  'writeProgress',
  'runtimeCheckProgress',
] as const satisfies readonly EventName[];

/** Compiles only when `T` is empty; otherwise the error names what is missing. */
type NoneMissing<T extends never> = T;
export type _EveryMethodNamed = NoneMissing<Exclude<MethodName, (typeof METHOD_LIST)[number]>>;
export type _EveryEventNamed = NoneMissing<Exclude<EventName, (typeof EVENT_LIST)[number]>>;

/** Typed as `methods.ts` and `events.ts` type theirs, so either can be used in place of the other. */
export const METHOD_NAMES: MethodName[] = [...METHOD_LIST];
export const EVENT_NAMES: EventName[] = [...EVENT_LIST];

/** `onRunProgress`, `onFileReady`, … */
export type EventSubscriberName<E extends EventName> = `on${Capitalize<E>}`;

export function subscriberName<E extends EventName>(name: E): EventSubscriberName<E> {
  return `on${name[0]?.toUpperCase() ?? ''}${name.slice(1)}` as EventSubscriberName<E>;
}
