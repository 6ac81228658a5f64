/**
 * A JSON scanner that reads the same grammar as `JSON.parse` but keeps what `JSON.parse` throws
 * away: where every member starts (so a diagnostic on `Job.salary` can say line:column), which
 * keys occur twice in one object (`JSON.parse` silently keeps the last one, losing an entity or a
 * field), and — when the text is not JSON — the offset and a plain description of the first
 * problem. Node 20's `JSON.parse` often reports no position at all ("Unexpected token '}', … is
 * not valid JSON"), so locations come from here.
 */

export type JsonPointer = readonly (string | number)[];

export interface JsonScanError {
  offset: number;
  message: string;
}

export interface JsonScan {
  /** Offset of each member's key (object members) or value (array elements, the root). */
  offsets: Map<string, number>;
  duplicateKeys: { pointer: JsonPointer; offset: number }[];
  error?: JsonScanError;
}

const MAX_DEPTH = 1000;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const QUOTE = 34;
const BACKSLASH = 92;

/** Key of `offsets` for a pointer (an object key and an array index never share a parent, so no ambiguity). */
export const pointerKey = (pointer: JsonPointer): string => pointer.join('\u0000');

class ScanFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n' || ch === '\r') return 'a line break';
  return JSON.stringify(ch);
}

class Scanner {
  private pos = 0;
  readonly offsets = new Map<string, number>();
  readonly duplicateKeys: { pointer: JsonPointer; offset: number }[] = [];

  constructor(private readonly text: string) {}

  run(): void {
    this.skipWhitespace();
    this.offsets.set(pointerKey([]), this.pos);
    this.value([], undefined, '', 0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(this.pos, 'Unexpected text after the end of the JSON document');
  }

  private fail(offset: number, message: string): never {
    throw new ScanFailure(offset, message);
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skipWhitespace(): void {
    const { text } = this;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      pos++;
    }
    this.pos = pos;
  }

  /**
   * One value at `parent` + `segment` (undefined for the root), whose offsets key is `key`. The
   * pointer array is only built for containers: most values are leaves, and allocating a pointer
   * per leaf dominated the time on large documents.
   */
  private value(parent: JsonPointer, segment: string | number | undefined, key: string, depth: number): void {
    if (depth > MAX_DEPTH) this.fail(this.pos, `The document is nested more than ${MAX_DEPTH} levels deep`);
    const ch = this.peek();
    if (ch === '{') return this.object(segment === undefined ? parent : [...parent, segment], key, depth);
    if (ch === '[') return this.array(segment === undefined ? parent : [...parent, segment], key, depth);
    if (ch === '"') return void this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const literal of LITERALS) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    if (ch === undefined) this.fail(this.pos, 'Unexpected end of the text: a value is missing');
    if (ch === "'") this.fail(this.pos, 'Strings must be written in double quotes, not single quotes');
    if (ch === '/') this.fail(this.pos, 'JSON does not allow comments');
    this.fail(this.pos, `Unexpected ${describe(ch)} where a value was expected`);
  }

  private object(pointer: JsonPointer, key: string, depth: number): void {
    this.pos++;
    this.skipWhitespace();
    if (this.peek() === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      const keyOffset = this.pos;
      const ch = this.peek();
      if (ch !== '"') {
        if (ch === '}') this.fail(this.pos, 'Trailing comma before "}"');
        if (ch === "'") this.fail(this.pos, 'Property names must be written in double quotes, not single quotes');
        this.fail(this.pos, `Expected a property name in double quotes but found ${describe(ch)}`);
      }
      const name = this.string();
      const memberKey = pointer.length === 0 ? name : `${key}\u0000${name}`;
      // A member's key is unique to its object: one already recorded is a second key of the same name.
      if (this.offsets.has(memberKey)) this.duplicateKeys.push({ pointer: [...pointer, name], offset: keyOffset });
      else this.offsets.set(memberKey, keyOffset);
      this.skipWhitespace();
      if (this.peek() !== ':') this.fail(this.pos, `Expected ":" after the property name ${JSON.stringify(name)}`);
      this.pos++;
      this.skipWhitespace();
      this.value(pointer, name, memberKey, depth + 1);
      this.skipWhitespace();
      const next = this.peek();
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return;
      }
      if (next === undefined) this.fail(this.pos, 'Unexpected end of the text: "}" is missing');
      this.fail(this.pos, `Expected "," or "}" after the value of ${JSON.stringify(name)} but found ${describe(next)}`);
    }
  }

  private array(pointer: JsonPointer, key: string, depth: number): void {
    this.pos++;
    this.skipWhitespace();
    if (this.peek() === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.skipWhitespace();
      if (this.peek() === ']') this.fail(this.pos, 'Trailing comma before "]"');
      const elementKey = pointer.length === 0 ? String(index) : `${key}\u0000${index}`;
      this.offsets.set(elementKey, this.pos);
      this.value(pointer, index, elementKey, depth + 1);
      this.skipWhitespace();
      const next = this.peek();
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return;
      }
      if (next === undefined) this.fail(this.pos, 'Unexpected end of the text: "]" is missing');
      this.fail(this.pos, `Expected "," or "]" after an array element but found ${describe(next)}`);
    }
  }

  /**
   * A string from its opening quote; its value. Character codes are read in a tight loop (no
   * regular expression, no slice until the end): scanning a 150-entity document took 25-60 ms
   * with per-run regular expressions, against 1-2 ms for `JSON.parse`.
   */
  private string(): string {
    const { text } = this;
    const start = this.pos;
    let pos = start + 1;
    let out = '';
    let run = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        this.pos = pos + 1;
        return out + text.slice(run, pos);
      }
      if (Number.isNaN(c)) this.fail(start, 'Unterminated string: the closing double quote is missing');
      if (c < 32) {
        this.pos = pos;
        this.fail(pos, `Strings cannot contain a raw control character (${describe(text[pos])}); escape it`);
      }
      if (c !== BACKSLASH) {
        pos++;
        continue;
      }
      out += text.slice(run, pos);
      const escape = text[pos + 1];
      const simple = escape === undefined ? undefined : ESCAPES[escape];
      if (simple !== undefined) {
        out += simple;
        pos += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else {
        this.fail(pos, `Invalid escape sequence "\\${escape ?? ''}" in a string`);
      }
      run = pos;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) this.fail(this.pos, 'Invalid number');
    this.pos = NUMBER.lastIndex;
    const next = this.peek();
    if (next !== undefined && /[0-9A-Za-z.+-]/.test(next)) this.fail(this.pos, 'Invalid number');
  }
}

/** Scans `text` as JSON; never throws. */
export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);
  try {
    scanner.run();
    return { offsets: scanner.offsets, duplicateKeys: scanner.duplicateKeys };
  } catch (e) {
    if (!(e instanceof ScanFailure)) throw e;
    return {
      offsets: scanner.offsets,
      duplicateKeys: scanner.duplicateKeys,
      error: { offset: e.offset, message: e.message },
    };
  }
}

/** 1-based line and column (UTF-16 code units, as editors count) of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}
