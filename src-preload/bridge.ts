/**
 * Builds `window.studio` from the contract: one named function per method (never a generic
 * `invoke(channel, …)`), and `on<Event>(listener)` per event returning its unsubscribe. Written
 * against a minimal IPC shape so it is unit-tested without Electron.
 */
import {
  EVENT_NAMES,
  eventChannel,
  METHOD_NAMES,
  methodChannel,
  subscriberName,
  type StudioClient,
} from '../src-shared/api';

export interface IpcLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createStudioBridge(ipc: IpcLike): StudioClient {
  const bridge: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    const channel = methodChannel(name);
    bridge[name] = (input: unknown) => ipc.invoke(channel, input ?? {});
  }
  for (const name of EVENT_NAMES) {
    const channel = eventChannel(name);
    bridge[subscriberName(name)] = (listener: (payload: unknown) => void) => {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => void ipc.removeListener(channel, wrapped);
    };
  }
  return Object.freeze(bridge) as StudioClient;
}

export type StudioBridge = ReturnType<typeof createStudioBridge>;
