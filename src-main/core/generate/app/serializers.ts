/**
 * `<app>/serializers.py`: one `ModelSerializer` per entity with an explicit field list (never
 * `'__all__'`, so a column added later is not exposed by accident). Relations stay primary keys,
 * DRF's default; fields Django fills itself and many-to-many relations with a `through` model
 * (which DRF cannot write) are read-only.
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { modelClass, serializerClass } from '../names';
import { assembleModule, moduleDocstring } from './assemble';
import { appEntities, isAutoField, modelFields } from './entities';
import { pickImports } from './imports';
import { pyIdentifier, pyList, pyName } from './py-format';
import { relationsFrom } from './relations';
import type { CodeUnit } from './unit';

/** The template's `serializers` plus what a refined unit's validation typically needs; only used ones are imported. */
const CATALOG = pickImports('serializers', 'F', 'Q', 'timezone', 'transaction');

/** The API fields of an entity in model order: `id`, its scalar fields, then its forward relations. */
export function serializerFields(erd: Erd, entity: Entity): string[] {
  const names = ['id', ...modelFields(entity).map((f) => f.name), ...relationsFrom(erd, entity).map((r) => r.name)];
  return [...new Set(names)];
}

/** Fields the API shows but never accepts: auto_now/auto_now_add columns and m2m relations with `through`. */
export function readOnlyFields(erd: Erd, entity: Entity): string[] {
  return [
    ...modelFields(entity)
      .filter(isAutoField)
      .map((f) => f.name),
    ...relationsFrom(erd, entity)
      .filter((r) => r.kind === 'manyToMany' && r.through !== undefined)
      .map((r) => r.name),
  ];
}

/** The serializer class of one entity, as a top-level block. */
export function serializerClassCode(erd: Erd, entity: Entity): string {
  const meta = [
    `model = ${pyIdentifier(modelClass(entity))}`,
    pyList('fields = ', serializerFields(erd, entity).map(pyName), 2),
  ];
  const readOnly = readOnlyFields(erd, entity);
  if (readOnly.length > 0) meta.push(pyList('read_only_fields = ', readOnly.map(pyName), 2));
  const body = meta.join('\n').replace(/^(?=.)/gm, '        ');
  return `class ${pyIdentifier(serializerClass(entity))}(serializers.ModelSerializer):\n    class Meta:\n${body}`;
}

/** Units of serializers.py: one `serializers:<app>:<Entity>` per entity of the app. */
export function serializersUnits(erd: Erd, app: string): CodeUnit[] {
  return appEntities(erd, app).map((entity) => ({
    id: `serializers:${app}:${entity.name}`,
    entity: entity.name,
    code: serializerClassCode(erd, entity),
  }));
}

/** serializers.py from its units: docstring, the imports the units use, the units in stable order. */
export function assembleSerializers(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  const models = appEntities(erd, app).map(modelClass);
  return assembleModule(erd, moduleDocstring('Serializers', app), units, CATALOG, { models });
}
