/**
 * The engine-facing shape of an LLM: one chat completion, streamed, with partial text forwarded.
 * Recovery, agents and tests depend on this interface, never on the SDK, so they can be driven
 * by the local test server or by any fake.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface CompletionRequest {
  model: string;
  messages: readonly ChatMessage[];
  /** Cancels the request at once (the user's cancel); the rejection is an `aborted` error. */
  signal?: AbortSignal;
  /** Called for every streamed piece: the new piece and the whole text so far. */
  onDelta?: (delta: string, textSoFar: string) => void;
  temperature?: number;
  maxTokens?: number;
}

export interface CompletionResult {
  text: string;
  /** `stop`, `length` (truncated), `content_filter`, … or null when the provider sent none. */
  finishReason: string | null;
  usage?: TokenUsage;
  /** The model that answered, as the provider reports it. */
  model: string;
  durationMs: number;
}

export interface LlmClient {
  readonly baseURL: string;
  /** One attempt, no retries: failures reject with an `LlmRequestError` (key redacted). */
  complete(request: CompletionRequest): Promise<CompletionResult>;
  /** Model ids served by the endpoint (`GET /models`). */
  listModels(signal?: AbortSignal): Promise<string[]>;
}
