/**
 * The faults the local OpenAI-compatible server can inject, and the exact bodies real providers
 * send for them (OpenAI's `{ error: { message, type, code } }` shape), so recovery is tested
 * against what it meets in production rather than against hand-made exceptions.
 */

/** One injectable misbehaviour. Every failure class of the recovery layer has one. */
export type Fault =
  | { kind: 'rateLimit'; retryAfterSeconds?: number; retryAfterMs?: number; retryAfterDate?: string }
  | { kind: 'serverError'; status?: 500 | 502 | 503 }
  | { kind: 'auth'; status?: 401 | 403 }
  | { kind: 'payment' }
  | { kind: 'unknownModel' }
  | { kind: 'contextLength' }
  /** Never answers; with `afterChunks` on a stream, stalls after sending that many chunks. */
  | { kind: 'hang'; afterChunks?: number }
  /** Destroys the socket: before the headers, or on a stream after `afterChunks` chunks. */
  | { kind: 'reset'; afterChunks?: number }
  /** An `{ error }` event inside the stream after `afterChunks` chunks (plain requests: 500). */
  | { kind: 'streamError'; afterChunks?: number }
  /** The responder's answer cut in half with `finish_reason: 'length'`. */
  | { kind: 'truncated' }
  | { kind: 'empty' }
  | { kind: 'prose' }
  /** Prose before and after the responder's answer. */
  | { kind: 'chatter' }
  /** A `<think>` block (containing a decoy fence) before the responder's answer. */
  | { kind: 'think' }
  /** A fixed answer, replacing the responder for one request. */
  | { kind: 'answer'; text: string; finishReason?: 'stop' | 'length' };

export type FaultKind = Fault['kind'];

/** An HTTP error reply: status, OpenAI-shaped body and extra headers. */
export interface ErrorReply {
  status: number;
  body: { error: { message: string; type: string; param?: string | null; code: string | null } };
  headers: Record<string, string>;
}

/**
 * The HTTP error a fault answers with, or null for faults that are not a plain HTTP error.
 * `bearer` is the key the client sent: like OpenAI, the 401 echoes it, which is exactly why the
 * client must redact keys from every error it surfaces.
 */
export function errorReplyFor(fault: Fault, model: string, bearer: string): ErrorReply | null {
  switch (fault.kind) {
    case 'rateLimit': {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      if (fault.retryAfterDate !== undefined) headers['retry-after'] = fault.retryAfterDate;
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      return {
        status: 429,
        headers,
        body: { error: { message: `Rate limit reached for ${model}.`, type: 'requests', code: 'rate_limit_exceeded' } },
      };
    }
    case 'serverError': {
      const status = fault.status ?? 500;
      const message =
        status === 503
          ? 'The engine is currently overloaded, please try again later.'
          : 'The server had an error while processing your request.';
      return { status, headers: {}, body: { error: { message, type: 'server_error', code: null } } };
    }
    case 'auth':
      return fault.status === 403
        ? {
            status: 403,
            headers: {},
            body: {
              error: {
                message: 'Country, region, or territory not supported.',
                type: 'request_forbidden',
                code: 'unsupported_country_region_territory',
              },
            },
          }
        : {
            status: 401,
            headers: {},
            body: {
              error: {
                message: `Incorrect API key provided: ${bearer}.`,
                type: 'invalid_request_error',
                code: 'invalid_api_key',
              },
            },
          };
    case 'payment':
      return {
        status: 402,
        headers: {},
        body: {
          error: {
            message: 'Insufficient credits. Add more using https://example.invalid/credits',
            type: 'insufficient_quota',
            code: 'insufficient_credits',
          },
        },
      };
    case 'unknownModel':
      return {
        status: 404,
        headers: {},
        body: {
          error: {
            message: `The model \`${model}\` does not exist or you do not have access to it.`,
            type: 'invalid_request_error',
            param: null,
            code: 'model_not_found',
          },
        },
      };
    case 'contextLength':
      return {
        status: 400,
        headers: {},
        body: {
          error: {
            message:
              "This model's maximum context length is 8192 tokens. However, your messages resulted in 9120 tokens. Please reduce the length of the messages.",
            type: 'invalid_request_error',
            param: 'messages',
            code: 'context_length_exceeded',
          },
        },
      };
    default:
      return null;
  }
}

/** The answer text and finish reason a content fault turns the responder's answer into. */
export function shapeAnswer(fault: Fault | null, answer: string): { text: string; finishReason: 'stop' | 'length' } {
  switch (fault?.kind) {
    case 'truncated':
      return { text: answer.slice(0, Math.max(1, Math.floor(answer.length / 2))), finishReason: 'length' };
    case 'empty':
      return { text: '', finishReason: 'stop' };
    case 'prose':
      return {
        text: 'I am sorry, but I cannot write that code. Please consult the Django documentation.',
        finishReason: 'stop',
      };
    case 'chatter':
      return {
        text: `Sure! Here is the file you asked for:\n\n${answer}\n\nLet me know if you need anything else.`,
        finishReason: 'stop',
      };
    case 'think':
      return {
        text: `<think>\nThe user wants Django code. A first idea:\n\`\`\`python\nprint("draft")\n\`\`\`\nNo, better write it fully.\n</think>\n${answer}`,
        finishReason: 'stop',
      };
    case 'answer':
      return { text: fault.text, finishReason: fault.finishReason ?? 'stop' };
    default:
      return { text: answer, finishReason: 'stop' };
  }
}
