/**
 * The one check of a `pattern` rule's regular expression, shared by ERD validation and the test
 * generator so that `validate-erd` and `generate` always agree. A pattern comes from an untrusted
 * ERD and ends up in three engines (JavaScript's while sampling, Python's in the generated
 * `RegexValidator`, and the generator's own sampler), so only a subset that all three read the
 * same way, and that cannot blow up, is accepted: literals, escapes of punctuation, `\d \w \s`
 * and their negations, `\b`, character classes, `.`, groups `( )` and `(?: )`, alternation,
 * anchors `^ $`, and repetition `? * + {n} {n,} {n,m}` with counts of at most
 * `PATTERN_LIMITS.maxRepeat`. No backreferences, lookarounds, flags or named groups, and no
 * repeated group that holds an open repetition (`(a+)+`, the shape of catastrophic backtracking).
 * Everything else is refused with a sentence naming the place and the problem.
 *
 * Sampling (a value the pattern matches, for the generated tests) works on the parsed pattern,
 * takes the shortest way through it, so its size is bounded by `maxSampleLength`, and its result is
 * confirmed by JavaScript's engine under a time limit.
 */
import vm from 'node:vm';

export const PATTERN_LIMITS = {
  /** Characters in a pattern. */
  maxLength: 300,
  /** Largest count in `{n}`, `{n,}` or `{n,m}`. */
  maxRepeat: 1000,
  /** Nesting of groups. */
  maxDepth: 10,
  /** Length of the shortest value a pattern can match; longer makes no sense for a field. */
  maxSampleLength: 1000,
} as const;

/** A piece of the sample: fixed text, or the sequence number printed with at least `digits` digits. */
export type SamplePiece = { text: string } | { digits: number };

export type PatternNode =
  | { kind: 'char'; sample: string; digit: boolean }
  | { kind: 'anchor' }
  | { kind: 'group'; alternatives: PatternNode[][] }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number | null };

export type PatternCheck = { ok: true; alternatives: PatternNode[][] } | { ok: false; problem: string };

const CLASS_SAMPLES: Record<string, string> = { d: '7', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };
const CANDIDATES = ['a', 'A', '7', 'x', 'Z', '0', '-', '_', ' ', '.', '@'];

class Refused extends Error {}

class Parser {
  pos = 0;
  depth = 0;
  constructor(readonly source: string) {}
  refuse(what: string, at = this.pos): never {
    throw new Refused(`${what} (at character ${at + 1})`);
  }
  peek(offset = 0): string | undefined {
    return this.source[this.pos + offset];
  }
}

function escape(p: Parser, inClass: boolean): PatternNode {
  const next = p.peek(1) ?? p.refuse('it ends with a lone backslash');
  p.pos += 2;
  if (next in CLASS_SAMPLES) return { kind: 'char', sample: CLASS_SAMPLES[next] ?? 'a', digit: next === 'd' };
  if (next === 'b' && !inClass) return { kind: 'anchor' };
  if (/[1-9]/.test(next)) p.refuse('backreferences like \\' + next + ' are not supported', p.pos - 2);
  if (/[A-Za-z0-9]/.test(next)) p.refuse(`the escape \\${next} is not supported`, p.pos - 2);
  return { kind: 'char', sample: next, digit: false };
}

/** A bracketed class; its sample is the first likely character that the class itself accepts. */
function charClass(p: Parser): PatternNode {
  const start = p.pos;
  p.pos++;
  if (p.peek() === '^') p.pos++;
  let first: string | undefined;
  let digit = false;
  while (p.peek() !== ']') {
    if (p.peek() === undefined) p.refuse('a character class is not closed with "]"', start);
    if (p.peek() === '[') p.refuse('a "[" inside a character class must be escaped');
    const low =
      p.peek() === '\\' ? escape(p, true) : { kind: 'char' as const, sample: p.source[p.pos++] ?? '', digit: false };
    if (low.kind !== 'char') p.refuse('unexpected item in a character class');
    digit ||= low.digit;
    if (p.peek() === '-' && p.peek(1) !== ']' && p.peek(1) !== undefined) {
      const end = p.peek(1) ?? '';
      if (end === '\\' || low.digit || low.sample.length !== 1 || end < low.sample)
        p.refuse(`the range "${low.sample}-${end}" is not valid`);
      p.pos += 2;
      if (low.sample <= '0' && end >= '9') digit = true;
    }
    first ??= low.sample;
  }
  if (first === undefined) p.refuse('a character class is empty', start);
  p.pos++;
  const source = p.source.slice(start, p.pos);
  const accepts = (ch: string) => new RegExp(`^${source}$`).test(ch);
  const preferred = digit ? '7' : first;
  const sample = [preferred, ...CANDIDATES].find(accepts);
  if (sample === undefined) p.refuse(`no plain character fits the class ${source}`, start);
  return { kind: 'char', sample, digit: digit && sample === '7' };
}

function atom(p: Parser): PatternNode {
  const ch = p.peek() ?? p.refuse('unexpected end');
  if (ch === '\\') return escape(p, false);
  if (ch === '[') return charClass(p);
  if (ch === '.') {
    p.pos++;
    return { kind: 'char', sample: 'a', digit: false };
  }
  if (ch === '(') {
    const start = p.pos;
    p.pos++;
    if (p.source.startsWith('?:', p.pos)) p.pos += 2;
    else if (p.peek() === '?') {
      const kind =
        p.source.startsWith('?=', p.pos) ||
        p.source.startsWith('?!', p.pos) ||
        p.source.startsWith('?<=', p.pos) ||
        p.source.startsWith('?<!', p.pos);
      p.refuse(
        kind ? 'lookarounds are not supported' : `the group "(${p.source.slice(p.pos, p.pos + 3)}" is not supported`,
        start,
      );
    }
    if (++p.depth > PATTERN_LIMITS.maxDepth)
      p.refuse(`groups are nested deeper than ${PATTERN_LIMITS.maxDepth}`, start);
    const alternatives = alternation(p);
    if (p.peek() !== ')') p.refuse('a group is not closed with ")"', start);
    p.pos++;
    p.depth--;
    return { kind: 'group', alternatives };
  }
  if (ch === '^' || ch === '$') {
    p.pos++;
    return { kind: 'anchor' };
  }
  if ('*+?'.includes(ch)) p.refuse(`"${ch}" has nothing to repeat`);
  if ('{}'.includes(ch)) p.refuse(`a literal "${ch}" must be escaped as "\\${ch}"`);
  if (ch === ')') p.refuse('a ")" has no matching "("');
  p.pos++;
  return { kind: 'char', sample: ch, digit: false };
}

/** `{n}`, `{n,}`, `{n,m}`, `?`, `*`, `+` (lazy `?` suffix allowed), or null when none follows. */
function quantifier(p: Parser): [number, number | null] | null {
  const ch = p.peek();
  let range: [number, number | null];
  const start = p.pos;
  if (ch === '?') range = [0, 1];
  else if (ch === '*') range = [0, null];
  else if (ch === '+') range = [1, null];
  else if (ch === '{') {
    const m = /^\{(\d{1,7})(,(\d{0,7}))?\}/.exec(p.source.slice(p.pos));
    if (m === null) p.refuse('a "{" does not start a repetition {n}, {n,} or {n,m}; escape a literal "{" as "\\{"');
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? null : Number(m[3]);
    if (Math.max(min, max ?? 0) > PATTERN_LIMITS.maxRepeat)
      p.refuse(`the repetition ${m[0]} exceeds ${PATTERN_LIMITS.maxRepeat}`);
    if (max !== null && max < min) p.refuse(`the repetition ${m[0]} has its bounds reversed`);
    range = [min, max];
    p.pos += m[0].length - 1;
  } else return null;
  p.pos++;
  if (p.peek() === '?') p.pos++;
  if (p.peek() === '+' || p.peek() === '*' || p.peek() === '{')
    p.refuse('a repetition cannot be repeated again', start);
  return range;
}

/** Whether `node` can match in more than one way: a variable repetition or an alternation. */
const ambiguous = (node: PatternNode): boolean =>
  node.kind === 'repeat'
    ? node.min !== node.max || ambiguous(node.node)
    : node.kind === 'group' && (node.alternatives.length > 1 || node.alternatives.some((seq) => seq.some(ambiguous)));

function sequence(p: Parser): PatternNode[] {
  const out: PatternNode[] = [];
  while (p.pos < p.source.length && p.peek() !== '|' && p.peek() !== ')') {
    const start = p.pos;
    const node = atom(p);
    const range = quantifier(p);
    if (range === null) {
      out.push(node);
      continue;
    }
    if (node.kind === 'anchor') p.refuse('an anchor cannot be repeated', start);
    const [min, max] = range;
    if ((max === null || max > 1) && ambiguous(node))
      p.refuse(
        'a repeated group holds an alternation or a variable repetition (like "(a+)+" or "(a|b)+"), which can take exponential time to match; use a character class such as "[ab]+"',
        start,
      );
    out.push({ kind: 'repeat', node, min, max });
  }
  return out;
}

function alternation(p: Parser): PatternNode[][] {
  const alternatives = [sequence(p)];
  while (p.peek() === '|') {
    p.pos++;
    alternatives.push(sequence(p));
  }
  return alternatives;
}

/** Length of the shortest value `nodes` match, saturating just above the limit. */
export function shortestLength(nodes: readonly PatternNode[]): number {
  const cap = PATTERN_LIMITS.maxSampleLength + 1;
  let total = 0;
  for (const n of nodes) {
    const len =
      n.kind === 'char'
        ? 1
        : n.kind === 'anchor'
          ? 0
          : n.kind === 'group'
            ? Math.min(...n.alternatives.map(shortestLength))
            : Math.min(cap, n.min * shortestLength([n.node]));
    total = Math.min(cap, total + len);
  }
  return total;
}

/** Parse `pattern` within the safe subset (see the module comment), or say why it is refused. */
export function checkPattern(pattern: string): PatternCheck {
  if (pattern.length > PATTERN_LIMITS.maxLength)
    return {
      ok: false,
      problem: `it is ${pattern.length} characters long, more than the ${PATTERN_LIMITS.maxLength} allowed`,
    };
  const p = new Parser(pattern);
  try {
    const alternatives = alternation(p);
    if (p.pos !== pattern.length) p.refuse('a ")" has no matching "("');
    const shortest = Math.min(...alternatives.map(shortestLength));
    if (shortest > PATTERN_LIMITS.maxSampleLength)
      return { ok: false, problem: `its shortest match is longer than ${PATTERN_LIMITS.maxSampleLength} characters` };
    new RegExp(pattern);
    return { ok: true, alternatives };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.message };
    if (e instanceof SyntaxError) return { ok: false, problem: 'it is not a valid regular expression' };
    throw e;
  }
}

/** The pieces of the shortest value `nodes` match; an open digit run becomes the sequence number. */
function samplePieces(nodes: readonly PatternNode[], out: SamplePiece[]): void {
  for (const n of nodes) {
    if (n.kind === 'char') out.push({ text: n.sample });
    else if (n.kind === 'group') {
      const lengths = n.alternatives.map(shortestLength);
      samplePieces(n.alternatives[lengths.indexOf(Math.min(...lengths))] ?? [], out);
    } else if (n.kind === 'repeat') {
      if (n.node.kind === 'char' && n.node.digit && n.max === null && !out.some((piece) => 'digits' in piece))
        out.push({ digits: Math.max(n.min, 1) });
      else for (let i = 0; i < n.min; i++) samplePieces([n.node], out);
    }
  }
}

/** The sample with the sequence number set to `n`, as plain text. */
export function renderSample(pieces: readonly SamplePiece[], n: number): string {
  return pieces.map((piece) => ('text' in piece ? piece.text : String(n).padStart(piece.digits, '0'))).join('');
}

/** Time JavaScript's engine may spend confirming one sample. */
const CONFIRM_TIMEOUT_MS = 100;

function confirms(pattern: string, value: string): boolean {
  try {
    return (
      vm.runInNewContext('new RegExp(pattern).test(value)', { pattern, value }, { timeout: CONFIRM_TIMEOUT_MS }) ===
      true
    );
  } catch {
    return false;
  }
}

/**
 * Pieces of a value matching `pattern`, or null when the pattern is refused by `checkPattern` or
 * no value could be found (the sample is confirmed by JavaScript's engine, which agrees with
 * Python's `re` on the accepted subset).
 */
export function patternSample(pattern: string): SamplePiece[] | null {
  const checked = checkPattern(pattern);
  if (!checked.ok) return null;
  const lengths = checked.alternatives.map(shortestLength);
  const pieces: SamplePiece[] = [];
  samplePieces(checked.alternatives[lengths.indexOf(Math.min(...lengths))] ?? [], pieces);
  const merged: SamplePiece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if ('text' in piece && last !== undefined && 'text' in last)
      merged[merged.length - 1] = { text: last.text + piece.text };
    else merged.push(piece);
  }
  return [1, 12345].every((n) => confirms(pattern, renderSample(merged, n))) ? merged : null;
}
