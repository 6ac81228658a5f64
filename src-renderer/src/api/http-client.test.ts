import { describe, expect, it } from 'vitest';
import { createHttpClient, eventFrameParser, tokenFromLocation } from './http-client';

const TOKEN = 'tok-0123456789';

/** A streaming response whose body arrives in the given pieces, then stays open or ends. */
function streamed(pieces: string[], end = true): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      if (end) controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

describe('the browser client', () => {
  it('posts each method as JSON with the token in a header, never with cookies', async () => {
    const requests: Array<[string, RequestInit | undefined]> = [];
    const client = createHttpClient({
      token: TOKEN,
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
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
          body: '{"runId":"r1"}',
          credentials: 'omit',
        },
      ],
    ]);
  });

  it('turns a refusal and an unreachable host into error sentences', async () => {
    const refused = createHttpClient({
      token: null,
      fetch: async () => new Response('Refused: missing or wrong token.\n', { status: 401 }),
    });
    expect(await refused.appInfo({})).toEqual({
      ok: false,
      error: { code: 'host.refused', message: 'Refused: missing or wrong token.', retryable: false },
    });
    const down = createHttpClient({ token: TOKEN, fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    expect(await down.appInfo({})).toEqual({
      ok: false,
      error: {
        code: 'host.unreachable',
        message: 'The DjForge server did not answer appInfo: fetch failed. Is "djforge serve" still running?',
        retryable: true,
      },
    });
  });

  it('reads the event stream through fetch with the token, delivering payloads until unsubscribed', async () => {
    const opened: Array<[string, RequestInit | undefined]> = [];
    let stream: Response | null = streamed(
      [
        ': connected\n\nevent: runText\ndata: {"runId":"r","unitId":"u",',
        '"delta":"x"}\n\nevent: fileReady\ndata: {"runId":"r"}\n\n',
        'event: runText\r\ndata: {"runId":"r","unitId":"u","delta":"y"}\r\n\r\n',
      ],
      false,
    );
    const client = createHttpClient({
      token: TOKEN,
      fetch: async (url, init) => {
        opened.push([String(url), init]);
        const reply = stream ?? new Response('gone', { status: 401 });
        stream = null;
        return reply;
      },
    });
    const texts: unknown[] = [];
    const files: unknown[] = [];
    const off = client.onRunText((p) => texts.push(p));
    client.onFileReady((p) => files.push(p));
    await expect.poll(() => texts.length).toBe(2);
    off();
    expect(texts).toEqual([
      { runId: 'r', unitId: 'u', delta: 'x' },
      { runId: 'r', unitId: 'u', delta: 'y' },
    ]);
    expect(files).toEqual([{ runId: 'r' }]);
    expect(opened).toEqual([
      ['/api/events', { headers: { Authorization: `Bearer ${TOKEN}` }, credentials: 'omit', cache: 'no-store' }],
    ]);
  });

  it('reopens a stream that ended, and stops when the host refuses it', async () => {
    let calls = 0;
    const client = createHttpClient({
      token: TOKEN,
      reconnectMs: 5,
      fetch: async () => {
        calls += 1;
        if (calls === 1) return streamed(['event: runText\ndata: {"n":1}\n\n']);
        if (calls === 2) return streamed(['event: runText\ndata: {"n":2}\n\n']);
        return new Response('Refused', { status: 401 });
      },
    });
    const seen: unknown[] = [];
    client.onRunText((p) => seen.push(p));
    await expect.poll(() => calls).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(3);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
  });
});

describe('the token in the URL fragment', () => {
  it('is taken once and removed from the address, keeping the rest of it', () => {
    const replaced: string[] = [];
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) => replaced.push(String(url)),
    };
    expect(tokenFromLocation({ hash: `#token=${TOKEN}&view=review`, pathname: '/', search: '?a=1' }, history)).toBe(
      TOKEN,
    );
    expect(replaced).toEqual(['/?a=1#view=review']);
    expect(tokenFromLocation({ hash: '', pathname: '/', search: '' }, history)).toBeNull();
    expect(replaced).toHaveLength(1);
  });
});

describe('eventFrameParser', () => {
  it('joins multi-line data, skips comments and frames without data', () => {
    const frames: Array<[string, string]> = [];
    const parse = eventFrameParser((event, data) => frames.push([event, data]));
    parse(': keep-alive\n\nevent: a\ndata: 1\ndata: 2\n\nevent: empty\n\ndata: plain\n');
    parse('\n');
    expect(frames).toEqual([
      ['a', '1\n2'],
      ['message', 'plain'],
    ]);
  });
});
