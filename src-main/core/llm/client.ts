/**
 * The LLM client: the `openai` SDK pointed at any OpenAI-compatible base URL, with the SDK's own
 * retries off (`maxRetries: 0`) so recovery has exactly one retry layer, ours. Each `complete`
 * is one streamed attempt under one timer covering the whole answer (the SDK's `timeout` only
 * covers the wait for headers, so a stream stalling mid-answer would otherwise hang forever).
 */
import type OpenAI from 'openai';
import { LlmRequestError, toLlmRequestError } from './errors';
import { loadOpenAI } from './openai-sdk';
import type { CompletionRequest, CompletionResult, LlmClient, TokenUsage } from './types';

/** Generous by default: a large file from a slow local model can take minutes. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

export interface LlmClientOptions {
  baseURL: string;
  /** Local servers accept anything; a placeholder is sent when absent. Never logged. */
  apiKey?: string;
  /** Whole-attempt timeout (ms), first byte to last. Default {@link DEFAULT_REQUEST_TIMEOUT_MS}. */
  timeoutMs?: number;
  defaultHeaders?: Record<string, string>;
  /** Ask for usage in the stream (`stream_options.include_usage`). Default true. */
  includeUsage?: boolean;
  /** Injected fetch (tests, proxies). Default: global fetch. */
  fetch?: typeof fetch;
  now?: () => number;
}

const PLACEHOLDER_KEY = 'no-key-required';

/** Builds a client; nothing touches the network until `complete` or `listModels` is called. */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const secrets = [options.apiKey];
  let instance: Promise<OpenAI> | undefined;
  const sdk = (): Promise<OpenAI> =>
    (instance ??= loadOpenAI().then(
      (OpenAISdk) =>
        new OpenAISdk({
          baseURL: options.baseURL,
          apiKey: options.apiKey ?? PLACEHOLDER_KEY,
          maxRetries: 0,
          timeout: timeoutMs,
          ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
        }),
    ));

  async function complete(request: CompletionRequest): Promise<CompletionResult> {
    const started = now();
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
    const context = { secrets, model: request.model };
    try {
      if (request.signal?.aborted) throw new LlmRequestError('aborted', 'Request cancelled.', { model: request.model });
      const client = await sdk();
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
          stream: true,
          ...(options.includeUsage === false ? {} : { stream_options: { include_usage: true } }),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
        },
        { signal, timeout: timeoutMs },
      );
      let text = '';
      let finishReason: string | null = null;
      let usage: TokenUsage | undefined;
      let model = request.model;
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        if (chunk.usage) {
          usage = {
            promptTokens: chunk.usage.prompt_tokens,
            completionTokens: chunk.usage.completion_tokens,
            totalTokens: chunk.usage.total_tokens,
          };
        }
        const choice = chunk.choices[0];
        if (!choice) continue;
        const delta = choice.delta?.content;
        if (delta) {
          text += delta;
          request.onDelta?.(delta, text);
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
      if (timer.signal.aborted) throw new LlmRequestError('timeout', 'Request timed out.', { model: request.model });
      return { text, finishReason, ...(usage ? { usage } : {}), model, durationMs: now() - started };
    } catch (error) {
      throw toLlmRequestError(error, {
        ...context,
        userAborted: request.signal?.aborted === true,
        timedOut: timer.signal.aborted,
      });
    } finally {
      clearTimeout(timeout);
    }
  }

  async function listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const ids: string[] = [];
      const client = await sdk();
      for await (const model of client.models.list(signal ? { signal } : undefined)) ids.push(model.id);
      return ids;
    } catch (error) {
      throw toLlmRequestError(error, { secrets, userAborted: signal?.aborted === true });
    }
  }

  return { baseURL: options.baseURL, complete, listModels };
}
