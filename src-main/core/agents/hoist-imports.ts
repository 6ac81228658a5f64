/**
 * Imports an LLM adds to a unit. A unit is one block of a file whose imports are computed from the
 * names the blocks use, so a model that needs a name the draft never imported puts the import at
 * the top of its unit; those leading one-line imports are moved into the file's import section
 * (once each), where a reader and the linters expect them.
 */

const ONE_LINE_IMPORT =
  /^(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*|from\s+\.*[\w.]*\s+import\s+[^()\\#\n]+?)\s*(?:#.*)?$/;

/** The unit's leading one-line imports, and the rest of it. */
export function splitLeadingImports(code: string): { imports: string[]; body: string } {
  const lines = code.split('\n');
  const imports: string[] = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '') continue;
    if (!ONE_LINE_IMPORT.test(line)) break;
    imports.push(line.trim());
  }
  if (imports.length === 0) return { imports, body: code };
  return { imports, body: lines.slice(index).join('\n') };
}

/** `module` with `imports` it lacks added after its last top-of-file import (or its docstring). */
export function addImports(module: string, imports: readonly string[]): string {
  const lines = module.split('\n');
  const present = new Set(lines.map((l) => l.trim()));
  const missing = [...new Set(imports)].filter((i) => !present.has(i));
  if (missing.length === 0) return module;
  let insertAt = 0;
  let index = 0;
  const docstring = /^[rRuU]?("""|''')/.exec(lines[0] ?? '');
  if (docstring?.[1]) {
    const quote = docstring[1];
    const opening = (lines[0] as string).slice((lines[0] as string).indexOf(quote) + 3);
    index = opening.includes(quote) ? 1 : lines.findIndex((l, i) => i > 0 && l.includes(quote)) + 1;
    insertAt = index;
  }
  for (; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (/^from\s+\S+\s+import\s+\($/.test(line)) {
      while (index < lines.length && (lines[index] as string).trim() !== ')') index++;
      insertAt = index + 1;
      continue;
    }
    if (/^(import|from)\s/.test(line)) {
      insertAt = index + 1;
      continue;
    }
    break;
  }
  const before = lines.slice(0, insertAt);
  const after = lines.slice(insertAt);
  const block =
    insertAt > 0 && before.at(-1)?.trim() !== '' && !/^(import|from)\s|^\)$/.test(before.at(-1) ?? '')
      ? ['', ...missing]
      : missing;
  return [
    ...before,
    ...block,
    ...(after[0]?.trim() === '' || /^(import|from)\s/.test(after[0] ?? '') ? [] : ['']),
    ...after,
  ].join('\n');
}
