/**
 * tests.py as a unit-built file kind, like those of `APP_FILE_KINDS`, plus the ERD slice of each of
 * its units. A test case reads more of the ERD than its entity: the parents its test data builds
 * (whose fields, relations and rules shape the values), and the access policy of its entity. The
 * slice says exactly that, so renaming a field re-generates the tests of that entity and of the
 * entities that build it, and no others.
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import type { AppFileKind } from '../app';
import type { CodeUnit } from '../app/unit';
import { appOf } from '../names';
import { userEntity } from '../app/users';
import { TestDataPlan } from './factories';
import { assembleTests, testsUnits } from './index';

/** A unit-built file kind whose units read ERD slices of their own. */
export interface SlicedFileKind extends AppFileKind {
  /** The ERD slice of each unit, by unit id. */
  slices(erd: Erd, app: string, units: readonly CodeUnit[]): ReadonlyMap<string, unknown>;
  /**
   * Whether a template project may leave the file out (a caller that plans only the app files):
   * `generateProject` always writes it.
   */
  optional: boolean;
}

/**
 * The slices of tests.py's units. The header reads the project and API options only; an entity's
 * unit reads the entity, the entities its test data builds (required parents and writable
 * many-to-many targets, transitively) with their relations and rules, and its entity's access.
 */
export function testsSlices(erd: Erd, app: string, units: readonly CodeUnit[]): Map<string, unknown> {
  const plan = new TestDataPlan(erd);
  const byName = new Map<string, Entity>();
  for (const entity of erd.entities) if (!byName.has(entity.name)) byName.set(entity.name, entity);
  const rulesOf = new Map<string, NonNullable<Erd['rules']>[number][]>();
  for (const rule of erd.rules ?? []) {
    if (rule.entity === undefined) continue;
    rulesOf.set(rule.entity, [...(rulesOf.get(rule.entity) ?? []), rule]);
  }
  const project = { project: erd.project, api: erd.api ?? {}, user: userEntity(erd) ?? null };
  const slices = new Map<string, unknown>();
  for (const unit of units) {
    const entity = unit.entity === undefined ? undefined : byName.get(unit.entity);
    if (unit.entity !== undefined && entity === undefined)
      throw new Error(`tests.py of app ${app}: unit ${unit.id} names unknown entity '${unit.entity}'`);
    if (entity === undefined) {
      slices.set(unit.id, project);
      continue;
    }
    const builds = plan.closure([entity]).filter((e) => e !== entity);
    const read = [entity, ...builds];
    slices.set(unit.id, {
      ...project,
      auth: {
        defaultAccess: erd.auth?.defaultAccess ?? null,
        permissions: erd.auth?.permissions?.[entity.name] ?? null,
      },
      entity,
      tested: appOf(erd, entity) === app,
      builds,
      relations: read.flatMap((e) => plan.relationsOf(e)),
      rules: read.flatMap((e) => rulesOf.get(e.name) ?? []),
    });
  }
  return slices;
}

/** `<app>/tests.py` (agent `tests`): a header unit and one unit per entity, see `testsUnits`. */
export const TESTS_FILE_KIND: SlicedFileKind = {
  agent: 'tests',
  file: 'tests.py',
  wanted: () => true,
  units: testsUnits,
  assemble: assembleTests,
  slices: testsSlices,
  optional: true,
};
