/**
 * The plan of a run: the template project split into the agents' units. Planned once per run (and
 * once per regeneration), so the template engine, the LLM engine, regeneration and the app's unit
 * list all see the same units with the same ids.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { splitIntoUnits, type ProjectPlan } from '../agents/split-units';
import { generateProject } from '../generate';
import { withSharedUnits } from '../generate/app';

/** Every unit of the project with its template draft; the units are built once, not twice. */
export function planProject(erd: Erd): ProjectPlan {
  return withSharedUnits(() => splitIntoUnits(erd, generateProject(erd)));
}

/** One unit as a progress view lists it: `models.py › Job`. */
export interface PlannedUnit {
  id: string;
  agent: string;
  label: string;
}

/** The units `runPipeline` will report on, known before it starts so progress has a total. */
export function plannedUnits(erd: Erd): PlannedUnit[] {
  return planProject(erd).units.map((u) => ({
    id: u.id,
    agent: u.agent,
    label: u.entity ? `${u.file} › ${u.entity}` : u.file,
  }));
}
