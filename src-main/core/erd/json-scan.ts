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
/** Runs of string characters that need no escape handling, and of insignificant whitespace. */
// eslint-disable-next-line no-control-regex
const PLAIN_RUN = /[^"\\\u0000-\u001f]+/y;
const WHITESPACE_RUN = /[ \t\n\r]*/y;

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
    WHITESPACE_RUN.lastIndex = this.pos;
    if (WHITESPACE_RUN.exec(this.text) !== null) this.pos = WHITESPACE_RUN.lastIndex;
  }

  /**
   * One value at `parent` + `segment` (undefined for the root), whose offsets key is `key`. The
   * pointer array is only built for containers: most values are leaves, and allocating a pointer
   * per leaf dominated the time on large documents.
   */
  private value(parent: JsonPointer, segment: string | number | undefined, key: string, depth: number): void {
    if (depth > MAX_DEPTH) this.fail(this.pos, `The document is nested more than ${MAX_DEPTH} levels deep`);
    const ch = this.peek();
    const pointer = (): JsonPointer => (segment === undefined ? parent : [...parent, segment]);
    if (ch === '{') return this.object(pointer(), key, depth);
    if (ch === '[') return this.array(pointer(), key, depth);
    if (ch === '"') return void this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
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
    const seen = new Set<string>();
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
      if (seen.has(name)) this.duplicateKeys.push({ pointer: [...pointer, name], offset: keyOffset });
      else this.offsets.set(memberKey, keyOffset);
      seen.add(name);
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

  private string(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      PLAIN_RUN.lastIndex = this.pos;
      if (PLAIN_RUN.exec(this.text) !== null && PLAIN_RUN.lastIndex > this.pos) {
        out += this.text.slice(this.pos, PLAIN_RUN.lastIndex);
        this.pos = PLAIN_RUN.lastIndex;
      }
      const ch = this.peek();
      if (ch === undefined) this.fail(start, 'Unterminated string: the closing double quote is missing');
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch < ' ') this.fail(this.pos, `Strings cannot contain a raw control character (${describe(ch)}); escape it`);
      const escape = this.text[this.pos + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (escape !== undefined && escape in simple) {
        out += simple[escape] ?? '';
        this.pos += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else {
        this.fail(this.pos, `Invalid escape sequence "\\${escape ?? ''}" in a string`);
      }
    }
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail(this.pos, 'Invalid number');
    this.pos += match[0].length;
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
