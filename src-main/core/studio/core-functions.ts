/**
 * The engine functions the Studio service calls, injected so a host never reaches past the
 * service into the engine and so tests can swap one function (say, a failing importer) without
 * faking the rest. `defaultCoreFunctions` (in `default-core.ts`) binds them to the real engine.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';
import type { LlmSetup, PipelineHooks, PipelineOptions, PipelineResult, prepareLlmEngine } from '../pipeline';

export interface ImportedErd {
  erd: Erd | null;
  format: string | null;
  diagnostics: Diagnostic[];
}

/** One unit of a run as the run view lists it. */
export interface PlannedUnit {
  id: string;
  agent: string;
  label: string;
}

export interface CoreFunctions {
  importErdText(text: string, fileName: string): ImportedErd | Promise<ImportedErd>;
  serializeErd(erd: Erd): string;
  /** The units `runPipeline` will report on, known before it starts so progress has a total. */
  planUnits(erd: Erd): PlannedUnit[];
  runPipeline(erd: Erd, options: PipelineOptions, hooks: PipelineHooks): Promise<PipelineResult>;
  prepareLlmEngine(setup: LlmSetup): ReturnType<typeof prepareLlmEngine>;
  /** Static validation of the finished files: findings per file path (every path present). */
  validateFiles(
    files: readonly { path: string; content: string }[],
    erd: Erd,
    python?: string,
  ): Promise<Map<string, Diagnostic[]>>;
}
