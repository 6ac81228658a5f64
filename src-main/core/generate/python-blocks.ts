/**
 * A Python module as its top-level statements, without running Python (the line scanner of
 * python-lines.ts): for sharing a file out among the units it was assembled from, and for swapping
 * single classes or functions for their offline drafts when a runtime failure is narrowed from a
 * file to the unit that causes it.
 */
import { LINE_START, scanLine } from './python-lines';

/**
 * A Python module split into top-level statements. A statement starts at column 0 outside any
 * bracket, string or backslash continuation; comments and decorators attach to the next one.
 */
export function topLevelBlocks(code: string): string[] {
  return topLevelStatements(code).map((s) => s.text);
}

/** One top-level statement: its text and its first line (the one naming what it defines). */
export interface TopLevelStatement {
  text: string;
  head: string;
}

/** Each top-level statement's text and its first line, in order. */
export function topLevelStatements(code: string): TopLevelStatement[] {
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

/** The class or function a top-level statement defines (null: an import, an assignment, …). */
export function definedName(head: string): string | null {
  return /^(?:class|def|async\s+def)\s+([A-Za-z_]\w*)/.exec(head)?.[1] ?? null;
}

/** Text of each class and function `code` defines at the top level, by name. */
function definitions(code: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of topLevelStatements(code)) {
    const name = definedName(s.head);
    if (name !== null && !out.has(name)) out.set(name, s.text);
  }
  return out;
}

/** Classes and functions both versions define whose text differs, in the order of `code`. */
export function changedDefinitions(code: string, draft: string): string[] {
  const drafted = definitions(draft);
  return [...definitions(code)]
    .filter(([name, text]) => drafted.has(name) && drafted.get(name) !== text)
    .map(([n]) => n);
}

/** `code` with each class or function named in `names` replaced by the draft's text of it. */
export function withDraftDefinitions(code: string, draft: string, names: ReadonlySet<string>): string {
  const drafted = definitions(draft);
  return topLevelStatements(code)
    .map((s) => {
      const name = definedName(s.head);
      return name !== null && names.has(name) ? (drafted.get(name) ?? s.text) : s.text;
    })
    .join('\n\n\n')
    .concat('\n');
}
