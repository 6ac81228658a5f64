/**
 * A local OpenAI-compatible server for tests and benchmarks: `POST /v1/chat/completions` (plain
 * and SSE-streamed), `GET /v1/models`, configurable latency, a queue of injectable faults and a
 * request log. It listens on 127.0.0.1 with an ephemeral port and never keeps the process alive.
 * The LLM is replaced at the boundary, never inside the code under test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTokens, delay, parseChatRequest, readBody, sendJson, splitText, type ChatRequest } from './http-helpers';
import { errorReplyFor, shapeAnswer, type Fault, type FaultKind } from './openai-faults';

export type { Fault, FaultKind } from './openai-faults';
export type { ChatRequest } from './http-helpers';

/** One logged request. `outcome` says how the server ended it. */
export interface RequestRecord extends ChatRequest {
  id: number;
  startedAt: number;
  endedAt: number | null;
  inFlightAtStart: number;
  fault: FaultKind | null;
  outcome: 'answered' | 'error' | 'reset' | 'streamError' | 'clientClosed' | 'pending';
  status: number | null;
}

/** A fault applied to the next `times` requests (default 1) that match `model`/`match`. */
export interface FaultRule {
  fault: Fault;
  times?: number;
  model?: string;
  match?: (request: ChatRequest) => boolean;
}

export interface OpenAiServerOptions {
  /** Served by `/v1/models`; other models answer 404 `model_not_found`. Default: fake-coder, fake-coder-2. */
  models?: string[];
  /** Delay before each answer starts (ms), fixed or per request. Default 0. */
  latencyMs?: number | ((request: ChatRequest) => number);
  /** Delay between stream chunks (ms). Default 0. */
  chunkDelayMs?: number;
  /** Characters per streamed content chunk. Default 24. */
  chunkSize?: number;
  /** Produces the answer text. Default: a Python block echoing the model and the last user message. */
  responder?: (request: ChatRequest) => string;
  now?: () => number;
}

export interface OpenAiServer {
  /** Base URL to give the SDK, e.g. `http://127.0.0.1:40123/v1`. */
  readonly baseURL: string;
  readonly requests: readonly RequestRecord[];
  inject(...rules: Array<Fault | FaultRule>): void;
  clearFaults(): void;
  /** Requests currently being served, and the most ever served at once. */
  stats(): { total: number; inFlight: number; maxInFlight: number };
  resetLog(): void;
  close(): Promise<void>;
}

const DEFAULT_MODELS = ['fake-coder', 'fake-coder-2'];

/** The default responder: a small valid Python module that echoes what it was asked. */
export function echoResponder(request: ChatRequest): string {
  const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  return [
    '```python',
    `MODEL = ${JSON.stringify(request.model)}`,
    `PROMPT = ${JSON.stringify(last.slice(0, 200))}`,
    '',
    '',
    'class Echo:',
    '    """Echo of the prompt."""',
    '',
    '    def __str__(self) -> str:',
    '        return PROMPT',
    '```',
  ].join('\n');
}

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<OpenAiServer> {
  const models = options.models ?? DEFAULT_MODELS;
  const now = options.now ?? Date.now;
  const responder = options.responder ?? echoResponder;
  const rules: Array<Required<Pick<FaultRule, 'fault' | 'times'>> & FaultRule> = [];
  let log: RequestRecord[] = [];
  let nextId = 1;
  let inFlight = 0;
  let maxInFlight = 0;

  const takeFault = (request: ChatRequest): Fault | null => {
    const index = rules.findIndex(
      (r) => (r.model === undefined || r.model === request.model) && (r.match?.(request) ?? true),
    );
    const rule = rules[index];
    if (!rule) return null;
    rule.times -= 1;
    if (rule.times <= 0) rules.splice(index, 1);
    return rule.fault;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'djforge-test' })),
      });
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      sendJson(res, 404, {
        error: {
          message: `Unknown route ${req.method ?? ''} ${req.url ?? ''}`,
          type: 'invalid_request_error',
          code: null,
        },
      });
      return;
    }
    const request = parseChatRequest(await readBody(req));
    if (!request) {
      sendJson(res, 400, { error: { message: 'Invalid JSON body.', type: 'invalid_request_error', code: null } });
      return;
    }
    const record: RequestRecord = {
      ...request,
      id: nextId++,
      startedAt: now(),
      endedAt: null,
      inFlightAtStart: inFlight,
      fault: null,
      outcome: 'pending',
      status: null,
    };
    log.push(record);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
      record.endedAt = now();
      if (record.outcome === 'pending') record.outcome = 'clientClosed';
    });
    let fault = takeFault(request);
    if (!fault && !models.includes(request.model)) fault = { kind: 'unknownModel' };
    record.fault = fault?.kind ?? null;
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const latency = typeof options.latencyMs === 'function' ? options.latencyMs(request) : (options.latencyMs ?? 0);
    await delay(latency);
    if (res.destroyed) return;
    await reply(res, request, record, fault, bearer);
  }

  async function reply(
    res: ServerResponse,
    request: ChatRequest,
    record: RequestRecord,
    fault: Fault | null,
    bearer: string,
  ): Promise<void> {
    const error = fault ? errorReplyFor(fault, request.model, bearer) : null;
    if (error) {
      record.outcome = 'error';
      record.status = error.status;
      sendJson(res, error.status, error.body, error.headers);
      return;
    }
    if (fault?.kind === 'hang' && (!request.stream || fault.afterChunks === undefined)) return;
    if (fault?.kind === 'reset' && (!request.stream || fault.afterChunks === undefined)) {
      record.outcome = 'reset';
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === 'streamError' && !request.stream) {
      record.outcome = 'error';
      record.status = 500;
      sendJson(res, 500, {
        error: { message: 'The server had an error while processing your request.', type: 'server_error', code: null },
      });
      return;
    }
    const { text, finishReason } = shapeAnswer(fault, responder(request));
    const usage = {
      prompt_tokens: countTokens(request.messages.map((m) => m.content).join('\n')),
      completion_tokens: countTokens(text),
    };
    const fullUsage = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
    const base = { id: `chatcmpl-${record.id}`, created: Math.floor(now() / 1000), model: request.model };
    record.status = 200;
    if (!request.stream) {
      record.outcome = 'answered';
      sendJson(res, 200, {
        ...base,
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', content: text }, finish_reason: finishReason, logprobs: null },
        ],
        usage: fullUsage,
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, string>, finish: string | null): object => ({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    });
    const pieces = splitText(text, options.chunkSize ?? 24);
    const events: object[] = [
      chunk({ role: 'assistant', content: '' }, null),
      ...pieces.map((p) => chunk({ content: p }, null)),
    ];
    const stopAt =
      fault?.kind === 'hang' || fault?.kind === 'reset' || fault?.kind === 'streamError'
        ? Math.min(fault.afterChunks ?? 1, events.length)
        : events.length;
    for (const [index, event] of events.entries()) {
      if (index >= stopAt || res.destroyed) break;
      res.write(`data: ${JSON.stringify(event)}\n\n`);
      await delay(options.chunkDelayMs ?? 0);
    }
    if (res.destroyed) return;
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'reset') {
      record.outcome = 'reset';
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === 'streamError') {
      record.outcome = 'streamError';
      res.end(
        `data: ${JSON.stringify({ error: { message: 'Upstream provider error mid-stream.', type: 'server_error', code: 'stream_error' } })}\n\n`,
      );
      return;
    }
    res.write(`data: ${JSON.stringify(chunk({}, finishReason))}\n\n`);
    res.write(
      `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage: fullUsage })}\n\n`,
    );
    record.outcome = 'answered';
    res.end('data: [DONE]\n\n');
  }

  server.on('connection', (socket) => socket.unref());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return log;
    },
    inject(...items) {
      for (const item of items) {
        const rule = 'kind' in item ? { fault: item } : item;
        rules.push({ ...rule, times: rule.times ?? 1 });
      }
    },
    clearFaults() {
      rules.length = 0;
    },
    stats: () => ({ total: log.length, inFlight, maxInFlight }),
    resetLog() {
      log = [];
      maxInFlight = inFlight;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
