/**
 * A generated Python module shared out among the units it was assembled from, for regeneration
 * with feedback: each unit's prompt carries only its own part of the current version (a file of
 * 150 entities would otherwise be sent 150 times). The split is by top-level statement, found by
 * a small scanner of brackets, strings and continuations (generate/python-blocks.ts), so no Python
 * is needed.
 */
import type { WorkUnit } from '../agents/split-units';
import { topLevelNames } from '../llm/prompt';
import { topLevelStatements } from '../generate/python-blocks';

/**
 * A module's text shared out among the units it was assembled from: a statement defining a name of
 * a unit's draft starts that unit's part, and the statements after it that no draft names (helpers
 * the model or the reviewer added) belong to it too. What precedes the first such statement
 * (docstring, imports) belongs to no unit; a unit whose names are all gone has no part.
 */
export function unitParts(code: string, units: readonly Pick<WorkUnit, 'id' | 'draft'>[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const unit of units)
    for (const name of topLevelNames(unit.draft)) if (!owner.has(name)) owner.set(name, unit.id);
  const parts = new Map<string, string[]>();
  let last: string | undefined;
  for (const statement of topLevelStatements(code)) {
    last =
      topLevelNames(statement.head)
        .map((n) => owner.get(n))
        .find((id) => id !== undefined) ?? last;
    if (last === undefined) continue;
    const list = parts.get(last);
    if (list) list.push(statement.text);
    else parts.set(last, [statement.text]);
  }
  return new Map([...parts].map(([id, texts]) => [id, texts.join('\n\n\n')]));
}
