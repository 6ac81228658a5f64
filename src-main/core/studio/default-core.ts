/**
 * The real engine behind the Studio service: the ERD importers and serializer, the run plan and
 * the pipeline (template or LLM engine on the agent pool).
 */
import { planRun } from '../agents/registry';
import { importErdText, serializeErd } from '../erd';
import { generateProject } from '../generate';
import { prepareLlmEngine, runPipeline } from '../pipeline';
import type { CoreFunctions } from './core-functions';

export const defaultCoreFunctions: CoreFunctions = {
  importErdText,
  serializeErd,
  planUnits: (erd) =>
    planRun(erd, generateProject(erd)).units.map((u) => ({
      id: u.id,
      agent: u.agent,
      label: u.entity ? `${u.file} › ${u.entity}` : u.file,
    })),
  runPipeline,
  prepareLlmEngine,
};
