/**
 * Layout helpers for generated Python: quoting of names the ERD already validated, docstrings,
 * and calls/lists that stay on one line when they fit and wrap one item per line (Black style)
 * when they do not. The limit is Django's own: 119 characters.
 */
import { pyStr } from '../python';

/** Django's coding style allows 119 characters per line; wrapped code stays within it. */
export const MAX_LINE = 119;

const SAFE_NAME = /^[A-Za-z0-9_./+?-]+$/;

/**
 * A single-quoted Python string for a name (field, model, app, lookup, ordering term). Names
 * reach here already validated; the check makes sure nothing else ever does, since no quote or
 * backslash can pass it.
 */
export function pyName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`Not a safe Python name: ${JSON.stringify(name)}`);
  return `'${name}'`;
}

/** A valid Python identifier, or an Error naming the offending text. */
export function pyIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a Python identifier: ${JSON.stringify(name)}`);
  return name;
}

/** A triple-quoted docstring of any user text, escaped exactly as `pyStr` escapes it. */
export function pyDocstring(text: string): string {
  return `"""${pyStr(text.trim()).slice(1, -1)}"""`;
}

/**
 * `head` + bracketed, comma-separated `items`, e.g. `fields = ['a', 'b']` or a call. One line when
 * it fits at `level` (4 spaces each); otherwise one item per line with a trailing comma.
 * Returned code is not indented: callers indent the whole block by `level`.
 */
export function pyBracket(head: string, open: string, items: readonly string[], close: string, level = 0): string {
  const flat = `${head}${open}${items.join(', ')}${close}`;
  if (items.length === 0 || (level * 4 + flat.length <= MAX_LINE && !flat.includes('\n'))) return flat;
  const lines = items.map((item) =>
    item
      .split('\n')
      .map((l) => (l.length > 0 ? `    ${l}` : l))
      .join('\n'),
  );
  return `${head}${open}\n${lines.join(',\n')},\n${close}`;
}

/** `head(args)`, wrapped as `pyBracket` wraps. */
export function pyCall(head: string, args: readonly string[], level = 0): string {
  return pyBracket(head, '(', args, ')', level);
}

/** `head[items]`, wrapped as `pyBracket` wraps. */
export function pyList(head: string, items: readonly string[], level = 0): string {
  return pyBracket(head, '[', items, ']', level);
}

/** A number as Python source (throws for NaN/Infinity rather than emitting broken code). */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot express ${value} as a Python number`);
  return String(value);
}

/** `Decimal('…')` for an exact decimal value. */
export function pyDecimal(value: number | string): string {
  const text = typeof value === 'number' ? pyNumber(value) : value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text))
    throw new Error(`Not a decimal number: ${JSON.stringify(value)}`);
  return `Decimal('${text}')`;
}

/** Title-cased label for a raw value: `in_stock` → `In stock`. */
export function humanize(value: string): string {
  const spaced = value.replace(/[_-]+/g, ' ').trim();
  return spaced.length === 0 ? value : spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
