/**
 * The one Studio client of the page (`window.studio` in Electron, the HTTP client in a browser),
 * set once at start. Only action functions reach it — through `call()` for methods, through
 * `studio()` for event subscriptions — never components.
 */
import type { StudioClient } from '@shared/api';

let client: StudioClient | null = null;

export function connectClient(studioClient: StudioClient): void {
  client = studioClient;
}

/** The connected client; throws before `connectClient` has run (a wiring mistake, not a user error). */
export function studio(): StudioClient {
  if (!client) throw new Error('The Studio client is not connected yet: call connectClient() first.');
  return client;
}
