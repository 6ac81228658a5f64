/**
 * A generated Python module shared out among the units it was assembled from, for regeneration
 * with feedback: each unit's prompt carries only its own part of the current version (a file of
 * 150 entities would otherwise be sent 150 times). The split is by top-level statement, found by
 * a small scanner of brackets, strings and continuations, so no Python is needed.
 */
import type { WorkUnit } from '../agents/split-units';
import { topLevelNames } from '../llm/prompt';
import { LINE_START, scanLine } from '../generate/python-lines';

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
  for (const statement of statements(code)) {
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

/**
 * A Python module split into top-level statements. A statement starts at column 0 outside any
 * bracket, string or backslash continuation; comments and decorators attach to the next one.
 */
export function topLevelBlocks(code: string): string[] {
  return statements(code).map((s) => s.text);
}

/** Each top-level statement's text and its first line (the one naming what it defines). */
function statements(code: string): { text: string; head: string }[] {
  const blocks: string[][] = [];
  const heads: string[] = [];
  let leading: string[] = [];
  let state = LINE_START;
  for (const line of code.split('\n')) {
    const atTop = state.depth === 0 && state.string === null && !state.continued;
    state = scanLine(line, state);
    const last = blocks[blocks.length - 1];
    if (atTop && line.trim() === '') {
      if (leading.length > 0) leading.push(line);
      else last?.push(line);
    } else if (atTop && /^[#@]/.test(line)) leading.push(line);
    else if (atTop && /^\S/.test(line)) {
      heads.push(line);
      blocks.push([...leading, line]);
      leading = [];
    } else if (!atTop && leading.length > 0) leading.push(line);
    else {
      if (last) last.push(...leading, line);
      else {
        heads.push('');
        blocks.push([...leading, line]);
      }
      leading = [];
    }
  }
  return blocks.map((b, i) => ({ text: b.join('\n').replace(/\s+$/, ''), head: heads[i] ?? '' }));
}
