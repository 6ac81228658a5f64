/**
 * Where a diagnostic's path came from in the source text. Importers record, for each ERD path they
 * create (`entities.Job`, `entities.Job.fields.salary`, `relations.Job.posted_by`, `rules[0]`), the
 * JSON pointer of the text that produced it; any later diagnostic — from the importer, the
 * normalizer or the validator — is then given the line:column of its closest recorded ancestor.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { lineColumnAt, pointerKey, type JsonPointer, type JsonScan } from './json-scan';
import { pathSegments } from './report';

export class SourceMap {
  private readonly origins = new Map<string, JsonPointer>();

  /**
   * @param appendRemainder when true (native format), the segments of a path below its recorded
   * ancestor are JSON keys too, so they are appended to the ancestor's pointer.
   */
  constructor(
    private readonly text: string,
    private readonly scan: JsonScan,
    private readonly appendRemainder: boolean,
  ) {}

  /** Records the origin of `path`; the first record of a path wins (duplicates point at the first). */
  record(path: string, pointer: JsonPointer): void {
    if (!this.origins.has(path)) this.origins.set(path, pointer);
  }

  /** The pointer for a diagnostic path: its closest recorded ancestor, plus the remainder when appendable. */
  pointerOf(path: string): JsonPointer | undefined {
    let prefix = path;
    for (;;) {
      const origin = this.origins.get(prefix);
      if (origin !== undefined) {
        const rest = prefix.length < path.length ? pathSegments(path.slice(prefix.length)) : [];
        return this.appendRemainder ? [...origin, ...rest] : origin;
      }
      const cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
      if (cut <= 0) return this.appendRemainder ? pathSegments(path) : undefined;
      prefix = prefix.slice(0, cut);
    }
  }

  /** 1-based line and column of the deepest existing member along `pointer`. */
  positionOf(pointer: JsonPointer): { line: number; column: number } | undefined {
    for (let depth = pointer.length; depth >= 0; depth--) {
      const offset = this.scan.offsets.get(pointerKey(pointer.slice(0, depth)));
      if (offset !== undefined) return lineColumnAt(this.text, offset);
    }
    return undefined;
  }

  /** The diagnostic with line and column added when its path (or an ancestor) has a known origin. */
  locate(d: Diagnostic): Diagnostic {
    if (d.line !== undefined || d.path === undefined) return d;
    const pointer = this.pointerOf(d.path);
    const position = pointer === undefined ? undefined : this.positionOf(pointer);
    return position === undefined ? d : { ...d, ...position };
  }
}
