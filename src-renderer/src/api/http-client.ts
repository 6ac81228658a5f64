/**
 * The browser's `StudioClient`: the same shape as `window.studio`, over the web host's API
 * (`POST /api/<method>`) and event stream (`GET /api/events`). The per-launch token travels in
 * the cookie the host set when the page was first opened.
 */
import { EVENT_NAMES, METHOD_NAMES, subscriberName, type EventName, type StudioClient } from '../../../src-shared/api';
import type { Result } from '../../../src-shared/result';

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Opens the event stream; injected in tests. */
  openEvents?: (url: string) => Pick<EventSource, 'addEventListener' | 'removeEventListener'>;
  base?: string;
}

const unreachable = (method: string, e: unknown): Result<never> => ({
  ok: false,
  error: {
    code: 'host.unreachable',
    message: `The DjForge server did not answer ${method}: ${e instanceof Error ? e.message : String(e)}. Is "djforge serve" still running?`,
    retryable: true,
  },
});

export function createHttpClient(options: HttpClientOptions = {}): StudioClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? '';
  let source: Pick<EventSource, 'addEventListener' | 'removeEventListener'> | null = null;
  const events = () => {
    source ??= (options.openEvents ?? ((url) => new EventSource(url)))(`${base}/api/events`);
    return source;
  };
  const client: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    client[name] = async (input: unknown): Promise<Result<unknown>> => {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
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
    client[subscriberName(name)] = (listener: (payload: unknown) => void) => {
      const handler = (event: Event) => listener(JSON.parse((event as MessageEvent<string>).data));
      events().addEventListener(name, handler);
      return () => events().removeEventListener(name, handler);
    };
  }
  return client as StudioClient;
}

/** `window.studio` in Electron, the HTTP client in a browser. */
export function pickClient(): StudioClient {
  return window.studio ?? createHttpClient();
}
