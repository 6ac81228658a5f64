/**
 * Small constructors for ERD diagnostics and the path vocabulary they use, so every importer and
 * check words locations the same way: entities and fields by NAME (`entities.Job.fields.salary`),
 * relations by owner and name (`relations.Job.posted_by`), positions only where no usable name
 * exists (`entities[3]`).
 */
import type { Diagnostic, Severity } from '../../../src-shared/diagnostics';
import type { ErdCode } from './diagnostic-codes';

export function diagnostic(severity: Severity, code: ErdCode, path: string | undefined, message: string): Diagnostic {
  return path === undefined ? { severity, code, message } : { severity, code, message, path };
}

export const error = (code: ErdCode, path: string | undefined, message: string): Diagnostic =>
  diagnostic('error', code, path, message);
export const warning = (code: ErdCode, path: string | undefined, message: string): Diagnostic =>
  diagnostic('warning', code, path, message);
export const info = (code: ErdCode, path: string | undefined, message: string): Diagnostic =>
  diagnostic('info', code, path, message);

/** A name usable as one dotted path segment (no dots, brackets or whitespace, not empty). */
function isPlainSegment(name: string): boolean {
  return /^[^.[\]\s]+$/.test(name);
}

/** `.name` when the name reads well in a path, `[index]` otherwise. */
export function segment(name: string, index: number): string {
  return isPlainSegment(name) ? `.${name}` : `[${index}]`;
}

export const entityPath = (entity: string, index = 0): string => `entities${segment(entity, index)}`;

export const fieldPath = (entity: string, field: string, fieldIndex = 0, entityIndex = 0): string =>
  `${entityPath(entity, entityIndex)}.fields${segment(field, fieldIndex)}`;

export const relationPath = (from: string, name: string, index = 0): string =>
  isPlainSegment(from) && isPlainSegment(name) ? `relations.${from}.${name}` : `relations[${index}]`;

/** `"Job"` — names quoted the same way in every message. */
export const q = (name: string): string => JSON.stringify(name);

/** `"a", "b" and "c"`. */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map(q);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Splits a diagnostic path back into segments: `entities.Job.fields[2]` → entities, Job, fields, 2. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}
