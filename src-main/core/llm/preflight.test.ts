import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiServer, type OpenAiServer } from '../../../test-support/openai-server';
import { createLlmClient } from './client';
import { preflightEndpoint } from './preflight';

let server: OpenAiServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(async () => {
  await server.close();
});

describe('preflightEndpoint', () => {
  it('passes a reachable endpoint and warns about models it does not list', async () => {
    const client = createLlmClient({ baseURL: server.baseURL });
    expect(await preflightEndpoint(client, ['fake-coder'])).toEqual({ fatal: null, warnings: [] });
    expect(await preflightEndpoint(client, ['fake-coder', 'gpt-9'])).toEqual({
      fatal: null,
      warnings: [`Model "gpt-9" is not listed by ${server.baseURL}; it may be refused.`],
    });
  });

  it('stops on an unreachable endpoint', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createLlmClient({ baseURL: `http://127.0.0.1:${port}/v1` });
    const result = await preflightEndpoint(client, ['m']);
    expect(result.fatal).toMatch(
      new RegExp(`^Cannot reach http://127\\.0\\.0\\.1:${port}/v1 \\(ECONNREFUSED\\): is the server running`),
    );
  });

  it('stops on a refused key, with the key redacted, and goes ahead when /models is not served', async () => {
    const key = 'sk-preflight-SECRET';
    const refusing = createServer((req, res) => {
      const status = req.url === '/a/v1/models' ? 401 : 404;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { message: `Incorrect API key provided: ${key}`, type: 'invalid_request_error', code: null },
        }),
      );
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const { port } = refusing.address() as AddressInfo;
    try {
      const refused = await preflightEndpoint(
        createLlmClient({ baseURL: `http://127.0.0.1:${port}/a/v1`, apiKey: key }),
        ['m'],
      );
      expect(refused.fatal).toMatch(/refused the API key \(HTTP 401\): .*\[redacted\]/);
      expect(refused.fatal).not.toContain(key);
      const unlisted = await preflightEndpoint(createLlmClient({ baseURL: `http://127.0.0.1:${port}/b/v1` }), ['m']);
      expect(unlisted.fatal).toBeNull();
      expect(unlisted.warnings[0]).toMatch(/does not list its models .*going ahead/);
    } finally {
      refusing.closeAllConnections();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
