/**
 * The engine functions the Studio service calls, injected so the service can be unit-tested and
 * so a host never reaches past the service into the engine. `defaultCoreFunctions` (in
 * `default-core.ts`) binds them to the real importers and generator.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';

export interface ImportedErd {
  erd: Erd | null;
  format: string | null;
  diagnostics: Diagnostic[];
}

export interface CoreFile {
  path: string;
  content: string;
  agent: string;
}

export interface CoreFunctions {
  importErdText(text: string, fileName: string): ImportedErd | Promise<ImportedErd>;
  serializeErd(erd: Erd): string;
  generateProject(erd: Erd): CoreFile[] | Promise<CoreFile[]>;
}
