/**
 * The real engine behind the Studio service: the ERD importers and serializer, the run plan and
 * the pipeline (template or LLM engine on the agent pool).
 */
import { importErdFile, serializeErd } from '../erd';
import { planProject, prepareLlmEngine, runPipeline } from '../pipeline';
import { validateStatic, type Finding } from '../validate';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { CoreFunctions } from './core-functions';

function toDiagnostic(f: Finding): Diagnostic {
  return {
    severity: f.severity,
    code: `${f.layer}.${f.rule}`,
    message: f.message,
    file: f.file,
    ...(f.line > 0 ? { line: f.line } : {}),
    ...(f.column > 0 ? { column: f.column } : {}),
  };
}

export const defaultCoreFunctions: CoreFunctions = {
  importErdText: (text, fileName) => importErdFile(text, fileName),
  serializeErd,
  planUnits: (erd) =>
    planProject(erd).units.map((u) => ({
      id: u.id,
      agent: u.agent,
      label: u.entity ? `${u.file} › ${u.entity}` : u.file,
    })),
  runPipeline,
  prepareLlmEngine,
  async validateFiles(files, erd, python) {
    const result = await validateStatic(files, { erd, ...(python ? { python } : {}) });
    const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f.path, []]));
    for (const finding of result.findings) byFile.get(finding.file)?.push(toDiagnostic(finding));
    return byFile;
  },
};
