/**
 * A value that matches a business rule's regular expression, so the generated tests can fill a
 * field that carries a `RegexValidator`. Only simple patterns are understood (literals, escapes
 * like `\d`, character classes, groups with alternatives, quantifiers); for anything else the
 * answer is `null` and the caller leaves the field out or explains why it cannot test the entity.
 * A digit run with an open quantifier (`\d+`) becomes the row number `n`, so values of
 * a unique field differ between calls.
 */

/** A piece of the sample: fixed text, or the sequence number printed with at least `width` digits. */
export type SamplePiece = { text: string } | { digits: number };

interface Parser {
  source: string;
  pos: number;
}

const CLASS_SAMPLES: Record<string, string> = { d: '7', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };

function fail(): never {
  throw new PatternUnsupported();
}

class PatternUnsupported extends Error {}

/** One atom: returns its sample text and whether it is a digit class (which may carry the sequence number). */
function atom(p: Parser): { pieces: SamplePiece[]; digit: boolean } {
  const ch = p.source[p.pos] ?? fail();
  if (ch === '\\') {
    const next = p.source[p.pos + 1] ?? fail();
    p.pos += 2;
    if (next in CLASS_SAMPLES) return { pieces: [{ text: CLASS_SAMPLES[next] ?? '' }], digit: next === 'd' };
    if (/[A-Za-z0-9]/.test(next)) fail();
    return { pieces: [{ text: next }], digit: false };
  }
  if (ch === '[') return charClass(p);
  if (ch === '(') {
    p.pos++;
    if (p.source.startsWith('?:', p.pos)) p.pos += 2;
    else if (p.source[p.pos] === '?') fail();
    const pieces = alternatives(p);
    if (p.source[p.pos] !== ')') fail();
    p.pos++;
    return { pieces, digit: false };
  }
  if (ch === '.') {
    p.pos++;
    return { pieces: [{ text: 'a' }], digit: false };
  }
  if ('*+?{}|)^$'.includes(ch)) fail();
  p.pos++;
  return { pieces: [{ text: ch }], digit: false };
}

function charClass(p: Parser): { pieces: SamplePiece[]; digit: boolean } {
  p.pos++;
  if (p.source[p.pos] === '^') fail();
  let first: string | undefined;
  let digit = false;
  while (p.pos < p.source.length && p.source[p.pos] !== ']') {
    let ch = p.source[p.pos] ?? '';
    if (ch === '\\') {
      const next = p.source[p.pos + 1] ?? fail();
      p.pos += 2;
      if (next === 'd') digit = true;
      ch = CLASS_SAMPLES[next] ?? (/[A-Za-z0-9]/.test(next) ? fail() : next);
    } else p.pos++;
    if (p.source[p.pos] === '-' && p.source[p.pos + 1] !== ']' && p.pos + 1 < p.source.length) {
      const end = p.source[p.pos + 1] ?? '';
      p.pos += 2;
      if (end === '\\' || end < ch) fail();
      if (ch <= '0' && end >= '9') digit = true;
    }
    first ??= ch;
  }
  if (p.source[p.pos] !== ']' || first === undefined) fail();
  p.pos++;
  return { pieces: [{ text: digit ? '7' : first }], digit };
}

/** `{n}`, `{n,}`, `{n,m}`, `?`, `*`, `+` (lazy `?` suffix allowed) → [min, max|null]; none → [1, 1]. */
function quantifier(p: Parser): [number, number | null] {
  const ch = p.source[p.pos];
  let range: [number, number | null] = [1, 1];
  if (ch === '?') range = [0, 1];
  else if (ch === '*') range = [0, null];
  else if (ch === '+') range = [1, null];
  else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.source.slice(p.pos));
    if (m === null) fail();
    const min = Number(m[1]);
    range = [min, m[2] === undefined ? min : m[3] === '' ? null : Number(m[3])];
    p.pos += m[0].length;
    if (p.source[p.pos] === '?') p.pos++;
    return range;
  } else return range;
  p.pos++;
  if (p.source[p.pos] === '?') p.pos++;
  return range;
}

function sequence(p: Parser): SamplePiece[] {
  const out: SamplePiece[] = [];
  while (p.pos < p.source.length && p.source[p.pos] !== '|' && p.source[p.pos] !== ')') {
    if (p.source[p.pos] === '^' || p.source[p.pos] === '$') {
      if (p.pos !== 0 && p.pos !== p.source.length - 1) fail();
      p.pos++;
      continue;
    }
    const { pieces, digit } = atom(p);
    const [min, max] = quantifier(p);
    if (digit && max === null && !out.some((piece) => 'digits' in piece)) out.push({ digits: Math.max(min, 1) });
    else for (let i = 0; i < min; i++) out.push(...pieces);
  }
  return out;
}

function alternatives(p: Parser): SamplePiece[] {
  const first = sequence(p);
  while (p.source[p.pos] === '|') {
    p.pos++;
    sequence(p);
  }
  return first;
}

/** The sample with the sequence number set to `n`, as plain text. */
export function renderSample(pieces: readonly SamplePiece[], n: number): string {
  return pieces.map((piece) => ('text' in piece ? piece.text : String(n).padStart(piece.digits, '0'))).join('');
}

/**
 * Pieces of a value matching `pattern` (checked against JavaScript's engine, which agrees with
 * Python's `re` on the patterns accepted here), or null when the pattern is not simple enough.
 */
export function patternSample(pattern: string): SamplePiece[] | null {
  const p: Parser = { source: pattern, pos: 0 };
  let pieces: SamplePiece[];
  try {
    pieces = alternatives(p);
    if (p.pos !== pattern.length) return null;
  } catch (error) {
    if (error instanceof PatternUnsupported) return null;
    throw error;
  }
  const merged: SamplePiece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if ('text' in piece && last !== undefined && 'text' in last)
      merged[merged.length - 1] = { text: last.text + piece.text };
    else merged.push(piece);
  }
  try {
    const re = new RegExp(pattern);
    return [1, 12345].every((n) => re.test(renderSample(merged, n))) ? merged : null;
  } catch {
    return null;
  }
}
