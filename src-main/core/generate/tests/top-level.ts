/**
 * `tests.py` is assembled from units that each hold module-level code (helpers, test data) and
 * classes (mixins, test cases), but a class statement runs its bases at import time, so every
 * mixin must come before the test cases that use it. The assembler therefore splits each unit into
 * runs of top-level statements, found by a small scanner of brackets, strings and continuations
 * (no Python needed), and lays out all module-level runs before all class runs.
 */
import { LINE_START, scanLine } from '../python-lines';

/** Consecutive top-level statements of one kind, with the text between them as written. */
export interface TopLevelRun {
  kind: 'class' | 'other';
  text: string;
}

/**
 * `code` as runs of top-level statements: a statement starts at column 0 outside any bracket,
 * string or backslash continuation; comments and decorators belong to the statement after them
 * (trailing ones to the last). A statement is a class when its first line starts with `class`.
 * Joining the runs' texts with the blank lines trimmed between them gives `code` back.
 */
export function topLevelRuns(code: string): TopLevelRun[] {
  const lines = code.split('\n');
  const starts: { line: number; kind: TopLevelRun['kind'] }[] = [];
  let pending: number | null = null;
  let state = LINE_START;
  lines.forEach((line, index) => {
    const atTop = state.depth === 0 && state.string === null && !state.continued;
    state = scanLine(line, state);
    if (!atTop || line.trim() === '') return;
    if (/^[#@]/.test(line)) pending ??= index;
    else if (/^\S/.test(line)) {
      starts.push({ line: pending ?? index, kind: /^class\b/.test(line) ? 'class' : 'other' });
      pending = null;
    }
  });
  const first = starts[0];
  if (first === undefined) return code.trim() === '' ? [] : [{ kind: 'other', text: code.trim() }];
  first.line = 0;
  const runs: TopLevelRun[] = [];
  let runStart = first;
  starts.forEach((start, i) => {
    const next = starts[i + 1];
    if (next !== undefined && next.kind === runStart.kind) return;
    const end = next === undefined ? lines.length : next.line;
    runs.push({ kind: runStart.kind, text: lines.slice(runStart.line, end).join('\n').trim() });
    if (next !== undefined) runStart = next;
  });
  return runs;
}
