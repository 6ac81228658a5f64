/**
 * The canonical text of a native ERD: keys in schema order, 2-space indent, one trailing newline.
 * Canonical so that saving twice gives the same bytes and diffs show only real changes; parsing
 * through the schema also drops anything that is not part of the format. Throws (a zod error) when
 * `erd` does not match the schema at all — callers pass models that came from `importErdText` or
 * `normalizeErd`, which always do.
 */
import { ErdSchema, type Erd } from '../../../src-shared/erd/model';

/** Canonical pretty JSON of a native document (2-space indent, trailing newline); re-imports identically. */
export function serializeErd(erd: Erd): string {
  return `${JSON.stringify(ErdSchema.parse(erd), null, 2)}\n`;
}
