/**
 * Units: the pieces a generated app file is assembled from. Each file kind is produced per entity
 * (plus an optional header) so the agent pool can chunk a large ERD and an edit regenerates only
 * the units it touches; `assemble*` then adds imports and joins units in a stable order.
 */
import type { Erd } from '../../../../src-shared/erd/model';

/** One top-level block of Python code; `entity` is the ERD entity it was derived from, if any. */
export interface CodeUnit {
  id: string;
  entity?: string;
  code: string;
}

/**
 * Units in a deterministic order whatever order they arrive in (the pool finishes them in any
 * order): units without an entity first (by id), then entity units in ERD order, then by id.
 */
export function orderUnits(erd: Erd, units: readonly CodeUnit[]): CodeUnit[] {
  const position = new Map<string, number>();
  erd.entities.forEach((e, i) => position.set(e.name, i));
  const rank = (u: CodeUnit): number => (u.entity === undefined ? -1 : (position.get(u.entity) ?? erd.entities.length));
  return [...units].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A whole Python module: docstring, import block, then top-level blocks separated by two blank
 * lines (PEP 8), ending with exactly one newline.
 */
export function pythonModule(docstring: string, imports: string, blocks: readonly string[]): string {
  const parts = [docstring, imports, ...blocks].map((p) => p.trim()).filter((p) => p.length > 0);
  const [doc, ...rest] = parts;
  if (doc === undefined) return '';
  const head = imports.trim().length > 0 ? `${doc}\n\n${rest.shift() ?? ''}` : doc;
  const body = [head, ...rest].join('\n\n\n');
  return body.replace(/[ \t]+$/gm, '') + '\n';
}
