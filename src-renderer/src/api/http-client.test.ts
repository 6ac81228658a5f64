import { describe, expect, it } from 'vitest';
import { createHttpClient } from './http-client';

describe('the browser client', () => {
  it('posts each method as JSON and returns the host Result', async () => {
    const requests: Array<[string, RequestInit | undefined]> = [];
    const client = createHttpClient({
      fetch: async (url, init) => {
        requests.push([String(url), init]);
        return new Response(JSON.stringify({ ok: true, value: { cancelled: true } }));
      },
    });
    expect(await client.cancelRun({ runId: 'r1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(requests).toEqual([
      [
        '/api/cancelRun',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"runId":"r1"}',
          credentials: 'same-origin',
        },
      ],
    ]);
  });

  it('turns a refusal and an unreachable host into error sentences', async () => {
    const refused = createHttpClient({
      fetch: async () => new Response('Refused: missing or wrong token.\n', { status: 401 }),
    });
    expect(await refused.appInfo({})).toEqual({
      ok: false,
      error: { code: 'host.refused', message: 'Refused: missing or wrong token.', retryable: false },
    });
    const down = createHttpClient({ fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    expect(await down.appInfo({})).toEqual({
      ok: false,
      error: {
        code: 'host.unreachable',
        message: 'The DjForge server did not answer appInfo: fetch failed. Is "djforge serve" still running?',
        retryable: true,
      },
    });
  });

  it('delivers event-stream payloads to subscribers until they unsubscribe', () => {
    const target = new EventTarget();
    const opened: string[] = [];
    const client = createHttpClient({
      openEvents: (url) => {
        opened.push(url);
        return target as unknown as EventSource;
      },
    });
    const seen: unknown[] = [];
    const off = client.onRunText((p) => seen.push(p));
    client.onFileReady(() => undefined);
    target.dispatchEvent(new MessageEvent('runText', { data: '{"runId":"r","unitId":"u","delta":"x"}' }));
    off();
    target.dispatchEvent(new MessageEvent('runText', { data: '{"runId":"r","unitId":"u","delta":"y"}' }));
    expect(seen).toEqual([{ runId: 'r', unitId: 'u', delta: 'x' }]);
    expect(opened).toEqual(['/api/events']);
  });
});
