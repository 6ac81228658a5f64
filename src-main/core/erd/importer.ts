/**
 * The shape every format importer returns: a draft ERD (not yet normalized or validated) or null
 * when the document is too malformed to continue, plus what the importer found and decided.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';

export interface ImporterOutput {
  erd: Erd | null;
  diagnostics: Diagnostic[];
}
