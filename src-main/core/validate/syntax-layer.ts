/**
 * The syntax layer. CPython's verdict (from the analyzer) is authoritative: it reports every kind
 * of error the interpreter would raise on import, with its class (SyntaxError, IndentationError,
 * TabError) and position. Without any Python, tree-sitter-python is the fallback; it finds
 * malformed code but not indentation or tab errors, which the message says.
 */
import { createRequire } from 'node:module';
import type { Parser } from 'web-tree-sitter';
import { finding, type Finding, type PyModule, type SourceFile } from './types';

const RULE_BY_TYPE: Record<string, string> = {
  SyntaxError: 'syntax.syntax-error',
  IndentationError: 'syntax.indentation-error',
  TabError: 'syntax.tab-error',
};

/** Findings for one analyzed module: its syntax error, if any, and compiler warnings. */
export function syntaxFindings(module: PyModule): Finding[] {
  const out: Finding[] = [];
  const e = module.syntax;
  if (e) {
    const rule = RULE_BY_TYPE[e.type] ?? 'syntax.invalid-source';
    const near = e.text.trim() ? ` (near: ${e.text.trim().slice(0, 80)})` : '';
    out.push(
      finding('syntax', 'error', rule, module.path, { line: e.line, col: e.col }, `${e.type}: ${e.msg}${near}.`),
    );
  }
  for (const w of module.warnings) {
    out.push(
      finding('syntax', 'warning', 'syntax.compiler-warning', module.path, { line: w.line }, `${w.type}: ${w.msg}.`),
    );
  }
  return out;
}

let parserPromise: Promise<Parser> | null = null;

/** The tree-sitter Python parser, loaded once (WASM). */
export function pythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const require = createRequire(import.meta.url);
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/**
 * Syntax findings for the `.py` files of `files` from tree-sitter-python: one finding per ERROR
 * or MISSING node (capped per file), used only when no Python interpreter is available.
 */
export async function treeSitterSyntax(files: readonly SourceFile[], maxPerFile = 5): Promise<Finding[]> {
  const parser = await pythonParser();
  const out: Finding[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.py')) continue;
    const tree = parser.parse(file.content);
    if (!tree) continue;
    if (!tree.rootNode.hasError) {
      tree.delete();
      continue;
    }
    let count = 0;
    const cursor = tree.walk();
    const visit = (): void => {
      do {
        const node = cursor.currentNode;
        if (count >= maxPerFile) return;
        if (node.isMissing || node.isError) {
          count++;
          const at = { line: node.startPosition.row + 1, col: node.startPosition.column + 1 };
          const message = node.isMissing
            ? `SyntaxError: expected "${node.type}" here (tree-sitter; install Python for exact messages).`
            : `SyntaxError: invalid syntax near "${node.text.trim().slice(0, 40)}" (tree-sitter; install Python for exact messages).`;
          out.push(finding('syntax', 'error', 'syntax.syntax-error', file.path, at, message));
        } else if (node.hasError && cursor.gotoFirstChild()) {
          visit();
          cursor.gotoParent();
        }
      } while (cursor.gotoNextSibling());
    };
    visit();
    tree.delete();
  }
  return out;
}
