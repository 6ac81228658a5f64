/**
 * The browser's `StudioClient`: the same shape as `window.studio`, over the web host's API
 * (`POST /api/<method>`) and event stream (`GET /api/events`). The per-launch token comes from
 * the URL fragment (`#token=…`, which the browser never sends anywhere), is removed from the
 * address bar at once and lives only in this client's memory; every request carries it in the
 * `Authorization` header. No cookie holds it (cookies ignore ports, so every other server on
 * 127.0.0.1 would receive it) and the event stream is read through `fetch`, because
 * `EventSource` cannot send a header.
 */
import type { EventName, StudioClient } from '@shared/api';
import { EVENT_NAMES, METHOD_NAMES, subscriberName } from '@shared/api/contract-names';
import type { Result } from '@shared/result';

export interface HttpClientOptions {
  fetch?: typeof fetch;
  base?: string;
  /** The per-launch token; by default taken from the page's URL fragment (`tokenFromLocation`). */
  token?: string | null;
  /** Wait before reopening a dropped event stream. */
  reconnectMs?: number;
}

type Listener = (payload: unknown) => void;

const unreachable = (method: string, e: unknown): Result<never> => ({
  ok: false,
  error: {
    code: 'host.unreachable',
    message: `The DjForge server did not answer ${method}: ${e instanceof Error ? e.message : String(e)}. Is "djforge serve" still running?`,
    retryable: true,
  },
});

/**
 * Takes `token` out of the fragment and rewrites the address without it (so it is neither
 * bookmarked, shared from the address bar, nor kept in the history); null when absent.
 */
export function tokenFromLocation(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState' | 'state'>,
): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token === null) return null;
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token;
}

/** Splits a server-sent event stream into `{ event, data }` frames, across chunk boundaries. */
export function eventFrameParser(onFrame: (event: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) onFrame(event, data.join('\n'));
    }
  };
}

export function createHttpClient(options: HttpClientOptions = {}): StudioClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? '';
  const token = options.token === undefined ? tokenFromLocation(window.location, window.history) : options.token;
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const listeners = new Map<string, Set<Listener>>();
  let streaming = false;

  const deliver = (event: string, data: string) => {
    const subscribed = listeners.get(event);
    if (!subscribed || subscribed.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of subscribed) listener(payload);
  };

  /** Reads the stream until it ends, then reopens it; stops for good when the host refuses it. */
  const openStream = async (): Promise<void> => {
    for (;;) {
      let refused = false;
      try {
        const response = await doFetch(`${base}/api/events`, { headers: auth, credentials: 'omit', cache: 'no-store' });
        refused = response.status >= 400 && response.status < 500;
        if (response.ok && response.body) {
          const parse = eventFrameParser(deliver);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (let r = await reader.read(); !r.done; r = await reader.read()) parse(r.value);
        }
      } catch {
        // The host went away; try again below.
      }
      if (refused) return;
      await new Promise((resolve) => setTimeout(resolve, options.reconnectMs ?? 1000));
    }
  };

  const client: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    client[name] = async (input: unknown): Promise<Result<unknown>> => {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
        });
      } catch (e) {
        return unreachable(name, e);
      }
      const text = await response.text();
      try {
        return JSON.parse(text) as Result<unknown>;
      } catch {
        const message = text.trim() || `HTTP ${response.status}`;
        const code = response.status === 401 || response.status === 403 ? 'host.refused' : 'host.bad-response';
        return { ok: false, error: { code, message, retryable: false } };
      }
    };
  }
  for (const name of EVENT_NAMES as EventName[]) {
    client[subscriberName(name)] = (listener: Listener) => {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set.add(listener));
      if (!streaming) {
        streaming = true;
        void openStream();
      }
      return () => void set.delete(listener);
    };
  }
  return client as StudioClient;
}

/** `window.studio` in Electron, the HTTP client in a browser. */
export function pickClient(): StudioClient {
  return window.studio ?? createHttpClient();
}
