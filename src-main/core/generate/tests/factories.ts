/**
 * Test data for the generated `tests.py`: for each entity a `<entity>_values()` function (valid
 * values for a new row), `make_<entity>()` (saves one) and, for the entities under test,
 * `<entity>_payload()` (the request body that creates one through the API). Required relations
 * are filled with freshly made parents, so objects are built in dependency order; optional ones
 * are left empty, which is what lets self-references and cycles with a nullable link terminate.
 * An entity that cannot be built (a cycle of required relations, a required value no sample can
 * satisfy) gets a plain sentence saying why, which the test class reports as its skip reason.
 */
import type { Entity, Erd, Field, Relation } from '../../../../src-shared/erd/model';
import { snakeCase } from '../names';
import { pyName } from '../app/py-format';
import { modelFields } from '../app/entities';
import { fieldValueCode, isGeneratedByDjango, isOptionalField, type ValueCode } from './field-values';

/** Python names of an entity's test-data functions. */
export const valuesFunction = (e: Entity): string => `${snakeCase(e.name)}_values`;
export const makeFunction = (e: Entity): string => `make_${snakeCase(e.name)}`;
export const payloadFunction = (e: Entity): string => `${snakeCase(e.name)}_payload`;

/** A required ForeignKey/OneToOneField: not nullable and not SET_NULL. */
export function isRequiredLink(rel: Relation): boolean {
  return rel.kind !== 'manyToMany' && rel.nullable !== true && rel.onDelete !== 'SET_NULL';
}

/**
 * A link the test data always fills: a required one, or an optional one in a `unique_together`
 * group (DRF's UniqueTogetherValidator makes every field of the group required in the API).
 */
export function isSuppliedLink(entity: Entity, rel: Relation): boolean {
  if (isRequiredLink(rel)) return true;
  return rel.kind !== 'manyToMany' && (entity.uniqueTogether ?? []).some((group) => group.includes(rel.name));
}

/**
 * Decides, once per ERD, which entities the tests can build and why the others cannot. It also
 * indexes the ERD (entities by name, relations by source, field values) so that a 500-entity
 * `tests.py` costs linear time rather than a scan of every relation per question.
 */
export class TestDataPlan {
  private readonly problems = new Map<string, string | null>();
  private readonly byName = new Map<string, Entity>();
  private readonly outgoing = new Map<string, Relation[]>();
  private readonly values = new Map<Field, ValueCode>();

  constructor(readonly erd: Erd) {
    for (const entity of erd.entities) {
      this.byName.set(entity.name, entity);
      this.outgoing.set(entity.name, []);
    }
    for (const rel of erd.relations) this.outgoing.get(rel.from)?.push(rel);
  }

  /** Relations declared on `entity`, in ERD order. */
  relationsOf(entity: Entity): Relation[] {
    return this.outgoing.get(entity.name) ?? [];
  }

  /** The entity a relation points at, or an Error naming the relation. */
  target(rel: Relation): Entity {
    const entity = this.byName.get(rel.to);
    if (entity === undefined) throw new Error(`Relation ${rel.from}.${rel.name} refers to unknown entity '${rel.to}'`);
    return entity;
  }

  /** `fieldValueCode` of a field, computed once. */
  valueOf(entity: Entity, field: Field): ValueCode {
    let value = this.values.get(field);
    if (value === undefined) {
      value = fieldValueCode(this.erd, entity, field);
      this.values.set(field, value);
    }
    return value;
  }

  /** Many-to-many relations of `entity` the API writes (those without a `through` model). */
  writableMany(entity: Entity): Relation[] {
    return this.relationsOf(entity).filter((r) => r.kind === 'manyToMany' && r.through === undefined);
  }

  /** Null when `make_<entity>()` can be generated, otherwise the reason it cannot. */
  makeProblem(entity: Entity): string | null {
    return this.visit(entity, []);
  }

  /** Null when `<entity>_payload()` can be generated, otherwise the reason it cannot. */
  payloadProblem(entity: Entity): string | null {
    const own = this.makeProblem(entity);
    if (own !== null) return own;
    for (const rel of this.writableMany(entity)) {
      if (rel.required !== true) continue;
      const problem = this.makeProblem(this.target(rel));
      if (problem !== null) return `${entity.name}.${rel.name} needs a ${rel.to}, which cannot be built: ${problem}`;
    }
    return null;
  }

  private visit(entity: Entity, path: Relation[]): string | null {
    const known = this.problems.get(entity.name);
    if (known !== undefined) return known;
    const cycleStart = path.findIndex((r) => r.from === entity.name);
    if (cycleStart >= 0) {
      const cycle = path.slice(cycleStart).map((r) => `${r.from}.${r.name} → ${r.to}`);
      return `required relations form a cycle (${cycle.join(', ')}); make one of them nullable`;
    }
    let problem: string | null = null;
    for (const field of modelFields(entity)) {
      if (isGeneratedByDjango(field) || isOptionalField(field)) continue;
      const value = this.valueOf(entity, field);
      if ('problem' in value) {
        problem = value.problem;
        break;
      }
    }
    for (const rel of this.relationsOf(entity)) {
      if (problem !== null) break;
      if (isSuppliedLink(entity, rel)) problem = this.visit(this.target(rel), [...path, rel]);
    }
    this.problems.set(entity.name, problem);
    return problem;
  }

  /**
   * The entities whose functions `tests.py` needs for the `roots` under test: each root, the
   * targets of its required links and writable many-to-many relations, transitively; ERD order.
   */
  closure(roots: readonly Entity[]): Entity[] {
    const needed = new Set<string>();
    const add = (entity: Entity): void => {
      if (needed.has(entity.name) || this.makeProblem(entity) !== null) return;
      needed.add(entity.name);
      for (const rel of this.relationsOf(entity)) {
        if (isSuppliedLink(entity, rel) || (rel.kind === 'manyToMany' && rel.through === undefined))
          add(this.target(rel));
      }
    };
    roots.forEach(add);
    return this.erd.entities.filter((e) => needed.has(e.name));
  }
}

/** Model class names as `tests.py` refers to them (aliased when an entity shadows a helper). */
export type ModelNames = (entity: Entity) => string;

const isUpload = (field: Field): boolean => field.type === 'file' || field.type === 'image';

/** `<entity>_values()`: a dict of valid values; supplied links are made fresh, other optional ones left out. */
export function valuesFunctionCode(plan: TestDataPlan, entity: Entity): string {
  const items: string[] = [];
  for (const field of modelFields(entity)) {
    if (isGeneratedByDjango(field) || (isUpload(field) && isOptionalField(field))) continue;
    const value = plan.valueOf(entity, field);
    if ('code' in value) items.push(`${pyName(field.name)}: ${value.code},`);
  }
  for (const rel of plan.relationsOf(entity)) {
    if (isSuppliedLink(entity, rel)) items.push(`${pyName(rel.name)}: ${makeFunction(plan.target(rel))}(),`);
  }
  const usesN = items.some((item) => /(?<![\w'])n(?!\w)/.test(item.replace(/^'[^']*'/, '')));
  const body =
    items.length === 0 ? '    return {}' : `    return {\n${items.map((i) => `        ${i}`).join('\n')}\n    }`;
  return [
    `def ${valuesFunction(entity)}():`,
    `    """Valid values for a new ${entity.name}; required related objects are created fresh."""`,
    ...(usesN ? [`    n = _next(${pyName(entity.name)})`] : []),
    body,
  ].join('\n');
}

/** `make_<entity>(**overrides)`: saves a valid row through the ORM. */
export function makeFunctionCode(entity: Entity, model: ModelNames): string {
  return [
    `def ${makeFunction(entity)}(**overrides):`,
    `    """Save and return a valid ${entity.name}; \`overrides\` replace any of its values."""`,
    `    return ${model(entity)}.objects.create(**{**${valuesFunction(entity)}(), **overrides})`,
  ].join('\n');
}

/** `<entity>_payload()`: the values as the API takes them, plus one target per writable many-to-many. */
export function payloadFunctionCode(plan: TestDataPlan, entity: Entity): string {
  const many = plan
    .writableMany(entity)
    .map((rel) => ({ rel, target: plan.target(rel) }))
    .filter(({ target }) => plan.makeProblem(target) === null)
    .map(({ rel, target }) => `${pyName(rel.name)}: [${makeFunction(target)}()]`);
  const values =
    many.length === 0 ? `${valuesFunction(entity)}()` : `{**${valuesFunction(entity)}(), ${many.join(', ')}}`;
  return [
    `def ${payloadFunction(entity)}():`,
    `    """A valid request body that creates a ${entity.name} through the API."""`,
    `    return _payload(${values})`,
  ].join('\n');
}
