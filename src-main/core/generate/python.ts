/**
 * Python source helpers. Every piece of user text that reaches generated code goes through
 * `pyStr` (a string literal) or `pyComment` (a single comment line), so no ERD content can break
 * out of a literal or a comment, whatever characters it holds.
 */

/** A Python string literal for any text: double-quoted, every non-printable character escaped. */
export function pyStr(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029) {
      out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

/** A Python literal for a JSON-like default value (string, number, boolean, null). */
export function pyLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot express ${value} as a Python literal`);
    return String(value);
  }
  return pyStr(value);
}

/** Text made safe for one `# comment` line: line breaks and control characters become spaces. */
export function pyComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** Indent every non-empty line of `code` by `levels` × 4 spaces. */
export function indent(code: string, levels = 1): string {
  const pad = '    '.repeat(levels);
  return code
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}
