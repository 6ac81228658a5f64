/** HTTP plumbing of the local OpenAI-compatible test server: bodies, JSON replies, pacing. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a responder sees of a chat completion request. */
export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream: boolean;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseChatRequest(body: string): ChatRequest | null {
  try {
    const raw = JSON.parse(body) as { model?: unknown; messages?: unknown; stream?: unknown };
    if (typeof raw.model !== 'string' || !Array.isArray(raw.messages)) return null;
    const messages = raw.messages.map((m: { role?: unknown; content?: unknown }) => ({
      role: String(m.role),
      content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
    }));
    return { model: raw.model, messages, stream: raw.stream === true };
  } catch {
    return null;
  }
}

export function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

/** A rough token count (4 characters per token), enough for usage figures. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
