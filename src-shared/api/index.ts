/**
 * The Studio contract: the methods and events of `src-shared/api/{methods,events}.ts` and the
 * client shape every host offers the renderer — one async function per method returning a
 * `Result`, and one `on<Event>` per event returning its unsubscribe function.
 */
import type { Result } from '../result';
import type { EventSubscriberName } from './contract-names';
import type { EventListener, EventName } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

export * from './events';
export * from './methods';
export * from './model';
export * from './review';
export * from './settings';
export * from './issues';
export * from './csp';
export * from './history';
export { subscriberName, type EventSubscriberName } from './contract-names';

export type StudioMethodsClient = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export type StudioEventsClient = {
  [E in EventName as EventSubscriberName<E>]: (listener: EventListener<E>) => () => void;
};

/** What the renderer calls: `window.studio` in Electron, the HTTP client in a browser. */
export type StudioClient = StudioMethodsClient & StudioEventsClient;

/** IPC channel names, derived so the preload and the main process cannot disagree. */
export const methodChannel = (name: MethodName): string => `studio:${name}`;
export const eventChannel = (name: EventName): string => `studio:event:${name}`;
export * from './review-checks';
