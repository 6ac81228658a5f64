/**
 * A responder for the local OpenAI server that behaves like a real coding model making mistakes:
 * it answers with the unit's draft (read back from the prompt) with prose around the code, and
 * injects the mistakes its flags switch on into the units they apply to — the kinds a model
 * really makes and only running the project reveals (an admin option Django's checks refuse, a
 * queryset on a field that does not exist, a viewset that lost its write methods), besides ones
 * the static layers see (a missing import). Every injected mistake is recorded with its class and
 * file so a test can check where it ended up (repaired, replaced by the draft, or reported on the
 * right file). Asked to repair (a prompt with feedback), it fixes the unit or, one time in
 * `stubborn`, repeats the mistake. Deterministic for a given seed.
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
  /** `list_editable = ['id']` in an admin class: `manage.py check` fails with admin.E124. */
  adminCheck?: boolean;
  /** A `get_queryset` filtering on a field the model lacks: FieldError in every list request. */
  viewFieldError?: boolean;
  /** `http_method_names` without POST in a viewset: the create tests get 405 (traceback: tests.py only). */
  readOnlyView?: boolean;
}

export type Mistake = Exclude<keyof MistakeFlags, 'prose' | 'twoBlocks'>;

export interface InjectedMistake {
  mistake: Mistake;
  /** The class it went into, and that class's file in the project. */
  target: string;
  file: string;
  /** The exact text that marks the mistake in a file. */
  marker: string;
}

export interface MistakeResponder {
  respond: (request: ChatRequest) => string;
  injected: InjectedMistake[];
  /** Repair prompts received, and how many of them repeated the mistake. */
  repairs: { asked: number; stubborn: number };
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
const fileOf = (prompt: string) => /^Agent \w+, file (\S+), unit/m.exec(prompt)?.[1] ?? '';

interface Injection {
  applies: (cls: string) => boolean;
  marker: string;
  inject: (code: string, cls: string) => string;
}

/** After the class line (and its docstring, if any): where a class attribute goes. */
const afterClassLine = (code: string, text: string) => code.replace(/^(class \w+\b[^\n]*:\n)/m, `$1${text}\n`);

const INJECTIONS: Record<Mistake, Injection> = {
  missingImport: {
    applies: (cls) => cls.endsWith('ViewSet'),
    marker: 'slugify(title)',
    inject: (code) => `${code}\n\n    def slug_for(self, title):\n        return slugify(title)`,
  },
  adminCheck: {
    applies: (cls) => cls.endsWith('Admin'),
    marker: "list_editable = ['id']",
    inject: (code) => afterClassLine(code, "    list_editable = ['id']"),
  },
  viewFieldError: {
    applies: (cls) => cls.endsWith('ViewSet'),
    marker: 'is_archived=False',
    inject: (code) =>
      `${code}\n\n    def get_queryset(self):\n        return super().get_queryset().filter(is_archived=False)`,
  },
  readOnlyView: {
    applies: (cls) => cls.endsWith('ViewSet'),
    marker: "http_method_names = ['get', 'head', 'options']",
    inject: (code) => afterClassLine(code, "    http_method_names = ['get', 'head', 'options']"),
  },
};

/**
 * A responder with the given behaviours; `every` = 1 injects into every matching answer; one
 * repair in `stubborn` (0: never) repeats the mistake instead of fixing it.
 */
export function mistakeResponder(flags: MistakeFlags, seed = 1, every = 1, stubborn = 0): MistakeResponder {
  const random = seeded(seed);
  const injected: InjectedMistake[] = [];
  const repairs = { asked: 0, stubborn: 0 };
  const respond = (request: ChatRequest): string => {
    const first = request.messages.find((m) => m.role === 'user')?.content ?? '';
    let code = draftFromPrompt(first) ?? 'VALUE = 1';
    const target = className(code);
    const repair = /### Reviewer's feedback on the current version/.test(first);
    if (repair) repairs.asked += 1;
    const pick = () => every <= 1 || random() < 1 / every;
    // One mistake per answer at most, chosen among the flags that apply, in a seeded order.
    const kinds = (Object.keys(INJECTIONS) as Mistake[]).filter(
      (k) => flags[k] && target && INJECTIONS[k].applies(target),
    );
    if (repair) {
      const previous = kinds.find((k) => first.includes(INJECTIONS[k].marker));
      if (previous && stubborn > 0 && random() < 1 / stubborn) {
        repairs.stubborn += 1;
        code = INJECTIONS[previous].inject(code, target ?? '');
      }
    } else if (target && kinds.length > 0 && pick()) {
      const kind = kinds[Math.floor(random() * kinds.length)] as Mistake;
      code = INJECTIONS[kind].inject(code, target);
      injected.push({ mistake: kind, target, file: fileOf(first), marker: INJECTIONS[kind].marker });
    }
    const block = ['```python', code, '```'].join('\n');
    const parts: string[] = [];
    if (flags.prose) parts.push('Here is the refined code for this unit:');
    if (flags.twoBlocks) parts.push('```python\nfrom django.db import models\n```', 'And the unit itself:');
    parts.push(block);
    if (flags.prose) parts.push('This keeps the behaviour of the draft and follows Django conventions.');
    return parts.join('\n\n');
  };
  return { respond, injected, repairs };
}
