/**
 * Reverting one change of a diff, as line arithmetic on plain text so it is tested without
 * Monaco: Monaco's line changes are 1-based; an end of 0 means "no lines on that side" (an
 * insertion or a deletion after the start line).
 */
export interface LineChange {
  originalStartLineNumber: number;
  originalEndLineNumber: number;
  modifiedStartLineNumber: number;
  modifiedEndLineNumber: number;
}

/** The change the cursor at `line` (of the modified text) is in or just after; null when none. */
export function changeAt(changes: readonly LineChange[], line: number): LineChange | null {
  return (
    changes.find((c) =>
      c.modifiedEndLineNumber === 0
        ? line === c.modifiedStartLineNumber || line === c.modifiedStartLineNumber + 1
        : line >= c.modifiedStartLineNumber && line <= c.modifiedEndLineNumber,
    ) ?? null
  );
}

/** `modified` with `change` taken back: its lines replaced by the original's. */
export function revertChange(original: string, modified: string, change: LineChange): string {
  const from = original.split('\n');
  const to = modified.split('\n');
  const originalLines =
    change.originalEndLineNumber === 0
      ? []
      : from.slice(change.originalStartLineNumber - 1, change.originalEndLineNumber);
  if (change.modifiedEndLineNumber === 0) to.splice(change.modifiedStartLineNumber, 0, ...originalLines);
  else
    to.splice(
      change.modifiedStartLineNumber - 1,
      change.modifiedEndLineNumber - change.modifiedStartLineNumber + 1,
      ...originalLines,
    );
  return to.join('\n');
}
