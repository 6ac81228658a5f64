/**
 * A responder for the local OpenAI server that behaves like a real coding model making mistakes:
 * it answers with the unit's draft (read back from the prompt) with prose around the code, and
 * injects the mistakes its flags switch on into the units they apply to. Every injected mistake is
 * recorded with the draft's first line so a test can check where it ended up (repaired, replaced by
 * the draft, or reported on the right file). Deterministic for a given seed.
 */
import { draftFromPrompt } from './draft-responder';
import type { ChatRequest } from './openai-server';

/** One flag per behaviour; a mistake is injected into one matching answer in `every`. */
export interface MistakeFlags {
  /** Prose before and after the code block. */
  prose?: boolean;
  /** A method using `slugify` that is never imported (views): NameError when a request reaches it. */
  missingImport?: boolean;
  /** A second, unrelated code block before the real one. */
  twoBlocks?: boolean;
}

export interface MistakeResponder {
  respond: (request: ChatRequest) => string;
  /** What was injected: the mistake and the class it went into. */
  injected: { mistake: keyof MistakeFlags; target: string }[];
}

/** Park–Miller generator: the same seed gives the same choices. */
function seeded(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

const className = (draft: string) => /^class (\w+)/m.exec(draft)?.[1] ?? null;

/** A responder with the given behaviours; `every` = 1 injects into every matching answer. */
export function mistakeResponder(flags: MistakeFlags, seed = 1, every = 1): MistakeResponder {
  const random = seeded(seed);
  const injected: MistakeResponder['injected'] = [];
  const respond = (request: ChatRequest): string => {
    const first = request.messages.find((m) => m.role === 'user')?.content ?? '';
    let code = draftFromPrompt(first) ?? 'VALUE = 1';
    const target = className(code);
    const pick = () => every <= 1 || random() < 1 / every;
    if (flags.missingImport && target?.endsWith('ViewSet') && pick()) {
      code = `${code}\n\n    def slug_for(self, title):\n        return slugify(title)`;
      injected.push({ mistake: 'missingImport', target });
    }
    const block = ['```python', code, '```'].join('\n');
    const parts: string[] = [];
    if (flags.prose) parts.push('Here is the refined code for this unit:');
    if (flags.twoBlocks) parts.push('```python\nfrom django.db import models\n```', 'And the unit itself:');
    parts.push(block);
    if (flags.prose) parts.push('This keeps the behaviour of the draft and follows Django conventions.');
    return parts.join('\n\n');
  };
  return { respond, injected };
}
