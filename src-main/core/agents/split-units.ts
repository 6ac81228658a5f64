/**
 * Splitting a template project into the agents' units (`ProjectPlan`; executed by
 * `execute-plan.ts`): every unit of work and every file assembled from units. Per-app files built
 * from units (models, serializers, views, …: `APP_FILE_KINDS`, and tests.py) give one unit per
 * entity plus their header units; every other file of the template project is a single whole-file unit. A unit's
 * draft is its deterministic template output, so the template engine and the LLM engine share one
 * plan and assembling the drafts gives exactly the template project.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { APP_FILE_KINDS, type AppFileKind } from '../generate/app';
import { pyIdentifier } from '../generate/app/py-format';
import type { CodeUnit } from '../generate/app/unit';
import { appLabels } from '../generate/names';
import { TESTS_FILE_KIND, type SlicedFileKind } from '../generate/tests/kind';
import type { AgentId, GeneratedFile } from '../generate/types';
import { AGENTS } from './definitions';
import { addImports, splitLeadingImports } from './hoist-imports';
import { fileSlice, indexErd, unitSlice } from './slice';

/** One unit of work of an agent: its draft, what it reads, and whom it waits for. */
export interface WorkUnit {
  id: string;
  agent: AgentId;
  file: string;
  entity?: string;
  draft: string;
  slice: unknown;
  /** Units whose outputs this one reads (and waits for). */
  deps: string[];
  /** Whether the LLM engine sends it to the model (Python, of an agent that refines). */
  refine: boolean;
  wholeFile: boolean;
  language: string;
}

/** One output file and the units it is assembled from. */
export interface FilePlan {
  path: string;
  agent: AgentId;
  unitIds: string[];
  /**
   * The file from its units' final outputs (by unit id). When every unit's output is its draft the
   * file is the template's text as given to `splitIntoUnits`, which assembling the drafts reproduces
   * byte for byte (see `assembleUnits`), so it is not assembled a second time.
   */
  assemble(outputs: ReadonlyMap<string, string>): string;
  /** The file assembled from its units' outputs, always: what `assemble` is defined by. */
  assembleUnits(outputs: ReadonlyMap<string, string>): string;
}

/** Every unit of a project and every file assembled from them; `planProject` (core/run) makes one. */
export interface ProjectPlan {
  units: WorkUnit[];
  files: FilePlan[];
}

/** Every kind of per-app file built from units; tests.py gives its units slices of its own. */
const UNIT_FILE_KINDS: readonly (AppFileKind | SlicedFileKind)[] = [...APP_FILE_KINDS, TESTS_FILE_KIND];

function languageOf(path: string): string {
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.md')) return 'markdown';
  return 'text';
}

/**
 * The plan for `erd`, given its template project (`generateProject(erd)`), in the files' order.
 * Throws when a unit-built file of the template (tests.py aside) is missing from `templateFiles` or an agent
 * dependency names a unit that does not exist (a generator and the agent definitions disagree).
 */
export function splitIntoUnits(erd: Erd, templateFiles: readonly GeneratedFile[]): ProjectPlan {
  const unitFiles = new Map<string, { app: string; kind: (typeof UNIT_FILE_KINDS)[number]; units: CodeUnit[] }>();
  for (const app of appLabels(erd)) {
    for (const kind of UNIT_FILE_KINDS) {
      if (kind.wanted(erd))
        unitFiles.set(`${pyIdentifier(app)}/${kind.file}`, { app, kind, units: kind.units(erd, app) });
    }
  }
  const units: WorkUnit[] = [];
  const files: FilePlan[] = [];
  const byAgentEntity = new Map<string, string>();
  const index = indexErd(erd);
  for (const file of templateFiles) {
    const built = unitFiles.get(file.path);
    if (!built) {
      const id = `file:${file.path}`;
      const language = languageOf(file.path);
      units.push({
        id,
        agent: file.agent,
        file: file.path,
        draft: file.content,
        slice: fileSlice(erd, file.agent),
        deps: [],
        refine: AGENTS[file.agent].refine && language === 'python' && file.content.trim() !== '',
        wholeFile: true,
        language,
      });
      files.push({
        path: file.path,
        agent: file.agent,
        unitIds: [id],
        assemble: (outputs) => outputs.get(id) ?? file.content,
        assembleUnits: (outputs) => outputs.get(id) ?? file.content,
      });
      continue;
    }
    unitFiles.delete(file.path);
    const { app, kind } = built;
    const slices = 'slices' in kind ? kind.slices(erd, app, built.units) : undefined;
    for (const unit of built.units) {
      const entity = unit.entity === undefined ? undefined : index.entities.get(unit.entity);
      units.push({
        id: unit.id,
        agent: kind.agent,
        file: file.path,
        ...(unit.entity === undefined ? {} : { entity: unit.entity }),
        draft: unit.code,
        slice: slices?.get(unit.id) ?? unitSlice(erd, kind.agent, entity, index),
        deps: [],
        refine: AGENTS[kind.agent].refine,
        wholeFile: false,
        language: 'python',
      });
      if (unit.entity !== undefined) byAgentEntity.set(`${kind.agent}:${unit.entity}`, unit.id);
    }
    const template = built.units;
    const assembleUnits = (outputs: ReadonlyMap<string, string>): string => {
      const added: string[] = [];
      const final = template.map((u) => {
        const { imports, body } = splitLeadingImports(outputs.get(u.id) ?? u.code);
        added.push(...imports);
        return { ...u, code: body };
      });
      return addImports(kind.assemble(erd, app, final), added);
    };
    files.push({
      path: file.path,
      agent: kind.agent,
      unitIds: template.map((u) => u.id),
      assemble: (outputs) =>
        template.every((u) => (outputs.get(u.id) ?? u.code) === u.code) ? file.content : assembleUnits(outputs),
      assembleUnits,
    });
  }
  const missing = [...unitFiles]
    .filter(([, built]) => !('optional' in built.kind && built.kind.optional))
    .map(([p]) => p);
  if (missing.length > 0)
    throw new Error(
      `splitIntoUnits: the template project lacks ${missing.join(', ')}, which the agents build from units.`,
    );
  for (const unit of units) {
    if (unit.entity === undefined) continue;
    for (const agent of AGENTS[unit.agent].dependsOn) {
      const dep = byAgentEntity.get(`${agent}:${unit.entity}`);
      if (dep !== undefined) unit.deps.push(dep);
    }
  }
  return { units, files };
}
