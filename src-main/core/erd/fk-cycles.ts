/**
 * Required foreign keys decide the order rows can be created in: a row needs its required parents
 * first. A self-reference or a cycle of required links (A → B → A) makes that impossible — no
 * first row could ever be inserted — so one link per cycle is made nullable. The link chosen is
 * the last one declared in the cycle, which keeps the choice stable and usually picks the
 * "back-reference" the author added last.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { relationPath, warning } from './report';

const isRequiredLink = (r: Relation): boolean => r.kind !== 'manyToMany' && r.nullable !== true;

/** Makes self-referencing required links nullable, in place. */
export function relaxSelfReferences(relations: Relation[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  relations.forEach((r, i) => {
    if (!isRequiredLink(r) || r.from !== r.to) return;
    r.nullable = true;
    out.push(
      warning(
        ERD_CODES.selfReferenceNullable,
        relationPath(r.from, r.name, i),
        `${r.from}.${r.name} refers to ${r.from} itself, so it is made nullable: otherwise no first ${r.from} could ever be created.`,
      ),
    );
  });
  return out;
}

/** One cycle of required links, as relation indexes in path order, or null when there is none. */
function findCycle(relations: readonly Relation[], entities: ReadonlySet<string>): number[] | null {
  const edges = new Map<string, number[]>();
  relations.forEach((r, i) => {
    if (!isRequiredLink(r) || r.from === r.to || !entities.has(r.from) || !entities.has(r.to)) return;
    edges.set(r.from, [...(edges.get(r.from) ?? []), i]);
  });
  const state = new Map<string, 'active' | 'done'>();
  const stack: number[] = [];
  const visit = (node: string): number[] | null => {
    state.set(node, 'active');
    for (const i of edges.get(node) ?? []) {
      const target = (relations[i] as Relation).to;
      stack.push(i);
      if (state.get(target) === 'active') {
        const start = stack.findIndex((j) => (relations[j] as Relation).from === target);
        return stack.slice(start);
      }
      if (state.get(target) === undefined) {
        const found = visit(target);
        if (found !== null) return found;
      }
      stack.pop();
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of [...edges.keys()].sort()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Breaks every cycle of required links between different entities, in place. */
export function breakRequiredCycles(relations: Relation[], entityNames: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const entities = new Set(entityNames);
  for (let cycle = findCycle(relations, entities); cycle !== null; cycle = findCycle(relations, entities)) {
    const chosen = Math.max(...cycle);
    const r = relations[chosen] as Relation;
    r.nullable = true;
    const names = cycle.map((i) => (relations[i] as Relation).from);
    const loop = [...names, names[0] ?? r.to];
    out.push(
      warning(
        ERD_CODES.cycleBroken,
        relationPath(r.from, r.name, chosen),
        `The required links ${loop.join(' → ')} form a cycle, so no row could be created first; ${r.from}.${r.name} is made nullable to break it.`,
      ),
    );
  }
  return out;
}
