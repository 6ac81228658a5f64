/**
 * A line scanner for Python source that tells whether the next line starts a new top-level
 * statement: the bracket depth, a triple-quoted string still open, and a backslash continuation
 * after each line. Enough to split generated (or model-refined) modules into top-level
 * statements without running Python; it does not validate anything.
 */

/** What is still open after a line. */
export interface LineScanState {
  depth: number;
  /** The quote that opened a string still open at the end of the line (only triple quotes span lines). */
  string: string | null;
  continued: boolean;
}

export const LINE_START: LineScanState = { depth: 0, string: null, continued: false };

/** The state after `line`, given the state before it. */
export function scanLine(line: string, start: LineScanState): LineScanState {
  let { depth, string } = start;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (string !== null) {
      if (ch === '\\') i += 2;
      else if (line.startsWith(string, i)) {
        i += string.length;
        string = null;
      } else i += 1;
      continue;
    }
    if (ch === '#') break;
    if (ch === '"' || ch === "'") {
      string = line.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      i += string.length;
      continue;
    }
    if ('([{'.includes(ch)) depth += 1;
    else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    i += 1;
  }
  if (string !== null && string.length === 1) string = null;
  const continued = string === null && /\\$/.test(line.replace(/#.*$/, ''));
  return { depth, string, continued };
}
