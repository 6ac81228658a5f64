/**
 * Turns the text of an ERD file into a JSON value, or into one precise diagnostic (file, line,
 * column, plain sentence) when it is empty or not JSON. `JSON.parse` decides what is valid; the
 * scanner only explains where and why, because Node's own messages often carry no position.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { ERD_CODES } from './diagnostic-codes';
import { lineColumnAt, scanJson, type JsonScan } from './json-scan';

/** A JSON object (not an array, not null): the shape every ERD section is read as. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type JsonDocument =
  { ok: true; value: unknown; text: string; scan: JsonScan } | { ok: false; diagnostic: Diagnostic };

/** Offset named by a `JSON.parse` message, when it names one (`… at position 12`, end of input). */
function offsetFromParseError(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return Number(position[1]);
  if (/Unexpected end of JSON input/i.test(message)) return text.length;
  return undefined;
}

export function parseJsonDocument(rawText: string, fileName: string): JsonDocument {
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  if (text.trim() === '') {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: ERD_CODES.empty,
        message: 'The file is empty: expected a JSON object describing the ERD.',
        file: fileName,
      },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const parseMessage = e instanceof Error ? e.message : String(e);
    const scanned = scanJson(text).error;
    const offset = scanned?.offset ?? offsetFromParseError(parseMessage, text) ?? 0;
    const reason = scanned?.message ?? parseMessage;
    const { line, column } = lineColumnAt(text, offset);
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: ERD_CODES.jsonSyntax,
        message: `The file is not valid JSON: ${reason} (line ${line}, column ${column}).`,
        file: fileName,
        line,
        column,
      },
    };
  }
  return { ok: true, value, text, scan: scanJson(text) };
}
