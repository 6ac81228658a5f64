import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiServer, type OpenAiServer } from '../../../test-support/openai-server';
import { createLlmClient } from './client';
import { LlmRequestError, toLlmRequestError } from './errors';
import { isProviderId, resolveApiKey, resolveProvider } from './presets';
import { REDACTED, redactSecrets } from './redact';

const KEY = 'sk-proj-SECRET-123456';
let server: OpenAiServer;
beforeAll(async () => {
  server = await startOpenAiServer({ responder: () => '```python\nx = 1\n```', chunkSize: 4 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clearFaults();
  server.resetLog();
});

async function failure(promise: Promise<unknown>): Promise<LlmRequestError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof LlmRequestError)) throw new Error(`expected an LlmRequestError, got ${String(error)}`);
  return error;
}

describe('createLlmClient against the local server', () => {
  const client = (timeoutMs = 10_000) => createLlmClient({ baseURL: server.baseURL, apiKey: KEY, timeoutMs });
  const ask = (model = 'fake-coder') => ({ model, messages: [{ role: 'user' as const, content: 'hi' }] });

  it('streams, forwards every piece, and reports usage and finish reason', async () => {
    const pieces: string[] = [];
    const result = await client().complete({
      ...ask(),
      onDelta: (d) => pieces.push(d),
      temperature: 0.1,
      maxTokens: 50,
    });
    expect(result).toMatchObject({ text: '```python\nx = 1\n```', finishReason: 'stop', model: 'fake-coder' });
    expect(pieces.join('')).toBe(result.text);
    expect(pieces.length).toBeGreaterThan(3);
    expect(result.usage?.totalTokens).toBeGreaterThan(0);
    expect(server.requests[0]).toMatchObject({ stream: true, outcome: 'answered' });
  });

  it('lists the served models', async () => {
    expect(await client().listModels()).toEqual(['fake-coder', 'fake-coder-2']);
  });

  it('turns a 401 into an http error with the echoed key redacted, and does not retry', async () => {
    server.inject({ kind: 'auth' });
    const error = await failure(client().complete(ask()));
    expect(error).toMatchObject({
      kind: 'http',
      details: { status: 401, code: 'invalid_api_key', model: 'fake-coder' },
    });
    expect(error.message).toContain(REDACTED);
    expect(error.message).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps Retry-After headers of a 429', async () => {
    server.inject({ kind: 'rateLimit', retryAfterSeconds: 7, retryAfterMs: 6500 });
    const error = await failure(client().complete(ask()));
    expect(error.details).toMatchObject({ status: 429, retryAfter: '7', retryAfterMs: '6500' });
  });

  it('names a timeout, a reset, an error event in the stream, and the caller cancelling', async () => {
    server.inject({ kind: 'hang', afterChunks: 2 }, { kind: 'reset' }, { kind: 'streamError', afterChunks: 1 });
    expect((await failure(client(500).complete(ask()))).kind).toBe('timeout');
    expect((await failure(client().complete(ask()))).kind).toBe('connection');
    expect(await failure(client().complete(ask()))).toMatchObject({
      kind: 'stream',
      message: 'Upstream provider error mid-stream.',
    });
    server.inject({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect((await failure(client().complete({ ...ask(), signal: controller.signal }))).kind).toBe('aborted');
  });

  it('reports an unknown model as a 404 model_not_found', async () => {
    expect((await failure(client().complete(ask('gpt-nope')))).details).toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });
});

describe('redaction, presets and keys', () => {
  it('redacts every occurrence of each secret and any Bearer token', () => {
    expect(redactSecrets(`bad key ${KEY}, again ${KEY}; header Bearer abc.def`, [KEY, undefined, 'ab'])).toBe(
      `bad key ${REDACTED}, again ${REDACTED}; header Bearer ${REDACTED}`,
    );
    expect(
      toLlmRequestError(new Error(`Incorrect API key provided: ${KEY}`), { secrets: [KEY] }).message,
    ).not.toContain(KEY);
  });

  it('resolves provider presets and validates base URLs', () => {
    expect(resolveProvider({ provider: 'ollama' }).baseURL).toBe('http://127.0.0.1:11434/v1');
    expect(resolveProvider({ provider: 'lmstudio', baseURL: 'http://10.0.0.2:1234/v1/' }).baseURL).toBe(
      'http://10.0.0.2:1234/v1',
    );
    expect(resolveProvider({ baseURL: 'https://llm.example.com/v1' }).preset.id).toBe('custom');
    expect(resolveProvider({ provider: 'openrouter' }).preset.requiresApiKey).toBe(true);
    expect(() => resolveProvider({ provider: 'bard' })).toThrow(
      'Unknown provider "bard"; expected one of openrouter, openai, ollama, lmstudio, custom.',
    );
    expect(() => resolveProvider({ baseURL: 'not a url' })).toThrow('Invalid base URL "not a url".');
    expect(isProviderId('toString')).toBe(false);
  });

  it('takes the key from DJFORGE_API_KEY, else OPENAI_API_KEY, ignoring blanks', () => {
    expect(resolveApiKey({ DJFORGE_API_KEY: ' a ', OPENAI_API_KEY: 'b' })).toBe('a');
    expect(resolveApiKey({ DJFORGE_API_KEY: '  ', OPENAI_API_KEY: 'b' })).toBe('b');
    expect(resolveApiKey({})).toBeUndefined();
  });
});
