/**
 * The ERD functions the Studio service calls, injected so a host never reaches past the service
 * into the engine and so tests can swap one function (say, a failing importer) without faking the
 * rest. `defaultCoreFunctions` (in `default-core.ts`) binds them to the real engine; generation,
 * validation and review are the one workflow of `core/run`, the same for every host.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';
import type { PlannedUnit } from '../run/plan';

export type { PlannedUnit } from '../run/plan';

export interface ImportedErd {
  erd: Erd | null;
  format: string | null;
  diagnostics: Diagnostic[];
}

export interface CoreFunctions {
  importErdText(text: string, fileName: string): ImportedErd | Promise<ImportedErd>;
  serializeErd(erd: Erd): string;
  /** The units a run will report on, known before it starts so progress has a total. */
  planUnits(erd: Erd): PlannedUnit[];
}
