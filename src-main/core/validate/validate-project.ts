/**
 * Validation of a whole generated project through the static layers (and, on request, the
 * runtime layer): one analyzer process for every file, then pure rules. Without any Python,
 * tree-sitter parses the files into the same structure, so every rule still runs; the syntax
 * layer's status then notes what tree-sitter cannot see (indentation, tabs, compile-stage errors).
 */
import type { Erd } from '../../../src-shared/erd/model';
import { findAnalyzerPython, runAnalyzer } from './python-analyzer';
import { staticFindings } from './static-layers';
import { unenforcedRuleFindings } from './semantic-rules';
import { describeWithTreeSitter } from './tree-sitter-describe';
import type { Finding, Layer, SourceFile } from './types';

export interface LayerStatus {
  layer: Layer;
  ran: boolean;
  /** Why the layer did not run, when it did not. */
  skipped?: string;
  /** What the layer could not check this time, when it ran with a fallback. */
  note?: string;
}

export interface ValidationResult {
  findings: Finding[];
  layers: LayerStatus[];
  /** The interpreter that parsed the files, or null when tree-sitter did. */
  python: string | null;
  durationMs: number;
}

export interface ValidateOptions {
  erd?: Erd;
  /** Interpreter for the analyzer; default: `$DJFORGE_PYTHON`, then `python3`, `/usr/bin/python3`, `python`. */
  python?: string;
  /** Force the tree-sitter fallback (tests; hosts that must not spawn processes). */
  noPython?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
}

const STRUCTURAL: Layer[] = ['semantic', 'best-practice', 'security'];

/** Run the syntax, semantic, best-practice and security layers over `files`. */
export async function validateStatic(
  files: readonly SourceFile[],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const started = performance.now();
  const found = options.noPython ? null : await findAnalyzerPython(options.python, options.env);
  if (!found) {
    const modules = await describeWithTreeSitter(files);
    const note =
      'no Python ≥ 3.9 was found (set DJFORGE_PYTHON): tree-sitter parsed the files, so IndentationError, TabError and compile-stage errors are not detected';
    return {
      findings: [...staticFindings(modules, options.erd), ...unenforcedRuleFindings(files)],
      layers: [{ layer: 'syntax', ran: true, note }, ...STRUCTURAL.map((layer) => ({ layer, ran: true }))],
      python: null,
      durationMs: performance.now() - started,
    };
  }
  const analyzed = await runAnalyzer(found.python, files);
  return {
    findings: [...staticFindings(analyzed.modules, options.erd), ...unenforcedRuleFindings(files)],
    layers: [{ layer: 'syntax', ran: true }, ...STRUCTURAL.map((layer) => ({ layer, ran: true }))],
    python: found.python,
    durationMs: performance.now() - started,
  };
}
