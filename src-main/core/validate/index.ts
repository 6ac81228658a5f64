/**
 * Layered validation of generated projects (syntax, semantic, best practice, security, runtime)
 * and the quality score. Hosts call `validateStatic` for the fast layers and `validateRuntime`
 * when a Django-capable Python exists; `scoreFile` turns a file's findings into score + category.
 */
export { LAYERS, type Finding, type Layer, type SourceFile } from './types';
export { validateStatic, type LayerStatus, type ValidateOptions, type ValidationResult } from './validate-project';
export { validateRuntime, envExample, type RuntimeOptions, type RuntimeResult } from './runtime-layer';
export { staticFindings } from './static-layers';
export { findAnalyzerPython, runAnalyzer, AnalyzerError } from './python-analyzer';
export { treeSitterSyntax } from './syntax-layer';
export { describeWithTreeSitter } from './tree-sitter-describe';
export {
  CATEGORIES,
  DEFAULT_THRESHOLD,
  HIGH_FLOOR,
  MEDIUM_FLOOR,
  categoryOf,
  findingWeight,
  isPlaceholder,
  scoreFile,
  type Category,
  type FileScore,
  type ScoreInput,
} from './score';
