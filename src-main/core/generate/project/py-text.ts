/**
 * Literals in the quote style of the generated code (single quotes, as Django's own code and
 * isort/black-free projects use), falling back to the fully escaped `pyStr` form whenever the
 * text holds a quote, a backslash or a control character.
 */
import { pyStr } from '../python';

/** `'text'` when that is already a correct literal, otherwise `pyStr(text)`. */
export function pyText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[^'\\\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/.test(text) ? `'${text}'` : pyStr(text);
}
