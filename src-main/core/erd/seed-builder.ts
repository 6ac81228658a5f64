/**
 * What the two seed importers share: turning `name: "Type"` and `name: "ForeignKey:X"` members into
 * fields and relations, collecting `has_many` declarations, and recording where each came from so
 * later diagnostics carry line:column.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Entity, Erd, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import type { TypeVocabulary } from './field-types';
import { resolveHasMany, type HasManyDeclaration } from './has-many';
import type { JsonPointer } from './json-scan';
import { projectNameFromFile } from './naming';
import { parseRelationNotation } from './relation-notation';
import { entityPath, error, fieldPath, q, relationPath, warning } from './report';
import { seedField } from './seed-fields';
import type { SourceMap } from './source-map';

/** Accumulates one seed document's entities, relations and has_many declarations, then resolves them. */
export class SeedBuilder {
  readonly entities: Entity[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private relations: Relation[] = [];
  private readonly hasMany: HasManyDeclaration[] = [];

  constructor(
    readonly map: SourceMap,
    private readonly vocabulary: TypeVocabulary,
  ) {}

  addEntity(name: string, pointer: JsonPointer): Entity {
    const entity: Entity = { name, fields: [] };
    this.entities.push(entity);
    this.map.record(entityPath(name, this.entities.length - 1), pointer);
    return entity;
  }

  private memberPath(entity: Entity, name: string): string {
    return fieldPath(entity.name, name, entity.fields.length, this.entities.indexOf(entity));
  }

  /** A field (`"CharField"`, `"str"`) or, when `relationsAllowed`, a relation notation. */
  addMember(entity: Entity, name: string, raw: unknown, pointer: JsonPointer, relationsAllowed: boolean): void {
    const path = this.memberPath(entity, name);
    this.map.record(path, pointer);
    if (typeof raw !== 'string') {
      this.diagnostics.push(
        error(
          ERD_CODES.invalidValue,
          path,
          `The type of ${q(name)} must be a string such as "CharField" or "ForeignKey:User".`,
        ),
      );
      return;
    }
    const notation = parseRelationNotation(raw);
    if (notation !== null) {
      if (!relationsAllowed) {
        this.diagnostics.push(
          error(
            ERD_CODES.relationNotation,
            path,
            `${q(name)} is a relation; declare it under "relationships", not "fields".`,
          ),
        );
        return;
      }
      this.addRelation(entity, name, raw, pointer);
      return;
    }
    const result = seedField(name, raw, this.vocabulary, path);
    this.diagnostics.push(...result.diagnostics);
    if (result.field !== null) entity.fields.push(result.field);
  }

  /** A relation notation (`ForeignKey(User)`); anything else is an error. */
  addRelation(entity: Entity, name: string, raw: unknown, pointer: JsonPointer): void {
    const path = relationPath(entity.name, name, this.relations.length);
    this.map.record(path, pointer);
    const parsed = typeof raw === 'string' ? parseRelationNotation(raw) : null;
    if (parsed === null || !parsed.ok) {
      const why =
        parsed?.ok === false
          ? parsed.message
          : `${JSON.stringify(raw)} is not a relation: write "ForeignKey(Entity)", "OneToOneField(Entity)" or "ManyToManyField(Entity)"`;
      this.diagnostics.push(error(ERD_CODES.relationNotation, path, `${why}.`));
      return;
    }
    const n = parsed.value;
    const relation: Relation = {
      name,
      kind: n.kind,
      from: entity.name,
      to: n.target === 'self' ? entity.name : n.target,
    };
    if (n.onDelete !== undefined) relation.onDelete = n.onDelete;
    if (n.nullable !== undefined) relation.nullable = n.nullable;
    if (n.relatedName !== undefined) relation.relatedName = n.relatedName;
    if (n.through !== undefined) relation.through = n.through;
    if (n.ignored.length > 0) {
      this.diagnostics.push(
        warning(
          ERD_CODES.optionDropped,
          path,
          `Ignored the argument(s) ${n.ignored.join(', ')} of ${q(name)}; the ERD has no equivalent.`,
        ),
      );
    }
    this.relations.push(relation);
  }

  /** `has_many: ["Child", …]` of `entity`; resolved in `finish` once every entity is known. */
  addHasMany(entity: Entity, raw: unknown, pointer: JsonPointer): void {
    const path = `${entityPath(entity.name, this.entities.indexOf(entity))}.has_many`;
    this.map.record(path, pointer);
    if (!Array.isArray(raw) || raw.some((c) => typeof c !== 'string')) {
      this.diagnostics.push(
        error(ERD_CODES.invalidValue, path, `has_many must be a list of entity names, e.g. ["Job"].`),
      );
      return;
    }
    raw.forEach((child: string, i) => {
      this.hasMany.push({ parent: entity.name, child, path: `${path}[${i}]`, pointer: [...pointer, i] });
    });
  }

  /**
   * The native document the seed file describes, with every has_many decided; the project is
   * named after the file, since neither seed format names it.
   */
  finish(fileName: string): Erd {
    const resolved = resolveHasMany(this.entities, this.relations, this.hasMany, this.map);
    this.diagnostics.push(...resolved.diagnostics);
    this.relations = resolved.relations;
    return {
      format: 'djforge-erd',
      version: 1,
      project: { name: projectNameFromFile(fileName) },
      entities: this.entities,
      relations: this.relations,
    };
  }
}
