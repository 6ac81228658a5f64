/**
 * Merging an imported schema into the open document: an imported entity replaces the entity of
 * the same name (keeping where it is drawn), others are added; an imported relation replaces the
 * one with the same owner and name, others are added. What the import cannot hold (project
 * settings, auth, API options, rules, colours) stays as the document has it.
 */
import type { Erd } from '@shared/erd/model';

export interface MergeResult {
  erd: Erd;
  added: string[];
  replaced: string[];
}

export function mergeErd(current: Erd, imported: Erd): MergeResult {
  const incoming = new Map(imported.entities.map((e) => [e.name, e]));
  const replaced: string[] = [];
  const entities = current.entities.map((e) => {
    const next = incoming.get(e.name);
    if (!next) return e;
    replaced.push(e.name);
    incoming.delete(e.name);
    return next;
  });
  const added = [...incoming.keys()];
  entities.push(...incoming.values());
  const key = (r: { from: string; name: string }) => `${r.from}.${r.name}`;
  const newRelations = new Map(imported.relations.map((r) => [key(r), r]));
  const relations = current.relations.map((r) => {
    const next = newRelations.get(key(r));
    if (!next) return r;
    newRelations.delete(key(r));
    return next;
  });
  relations.push(...newRelations.values());
  return { erd: { ...current, entities, relations }, added, replaced };
}
