/**
 * A responder for the local OpenAI server that behaves like a cooperative model of the LLM
 * engine: it answers with the unit's draft (read back from the prompt) plus a marker comment, so
 * assembled files stay valid Python and the marker shows which units went through the model. It
 * continues a cut-off answer from where it stopped, as a real model asked to continue would.
 */
import type { ChatRequest } from './openai-server';

/** The comment every refined unit starts with. */
export const REFINED_MARKER = '# refined by the test model';

/** The first fenced block after the "Deterministic draft" heading of the prompt. */
export function draftFromPrompt(prompt: string): string | null {
  const match = /## Deterministic draft\n(`{3,})(\w*)\n([\s\S]*?)\n\1/.exec(prompt);
  return match?.[3] ?? null;
}

/** The full answer for the conversation's first user message. */
function fullAnswer(request: ChatRequest): string {
  const first = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const draft = draftFromPrompt(first) ?? 'VALUE = 1';
  return ['```python', REFINED_MARKER, draft, '```'].join('\n');
}

export function draftResponder(request: ChatRequest): string {
  const full = fullAnswer(request);
  const last = request.messages.at(-1);
  const previous = request.messages.at(-2);
  if (last?.role === 'user' && /cut off\. Continue/.test(last.content) && previous?.role === 'assistant') {
    const sent = request.messages
      .filter((m) => m.role === 'assistant')
      .map((m) => m.content)
      .join('');
    return full.startsWith(sent) ? full.slice(sent.length) : full;
  }
  return full;
}
