/**
 * `<app>/serializers.py`: one `ModelSerializer` per entity with an explicit field list (never
 * `'__all__'`, so a column added later is not exposed by accident). Relations stay primary keys,
 * DRF's default; fields Django fills itself and many-to-many relations with a `through` model
 * (which DRF cannot write) are read-only.
 */
import type { Entity, Erd, Field } from '../../../../src-shared/erd/model';
import { modelClass, serializerClass } from '../names';
import { assembleModule, moduleDocstring } from './assemble';
import { appEntities, isAutoField, isSuppliedKey, keyField, keyName, modelFields } from './entities';
import { pickImports } from './imports';
import { pyIdentifier, pyList, pyName } from './py-format';
import { relationsFrom } from './relations';
import type { CodeUnit } from './unit';
import { ruleMethods } from './rule-code';
import { isUserEntity, ownerRelation, privilegedUserFields } from './users';

/** The template's `serializers` plus what a refined unit's validation typically needs; only used ones are imported. */
const CATALOG = pickImports('serializers', 'F', 'Q', 'timezone', 'transaction', 'password_validation');

/** The API fields of an entity in model order: its key, its scalar fields, then its forward relations. */
export function serializerFields(erd: Erd, entity: Entity): string[] {
  const names = [
    keyName(entity),
    ...modelFields(entity).map((f) => f.name),
    ...relationsFrom(erd, entity).map((r) => r.name),
  ];
  return [...new Set(names)];
}

/** Generated identifiers the API shows but a client never chooses (`uuid`, `external_id`, `public_id`). */
export function isGeneratedIdentifier(field: Field): boolean {
  return field.type === 'uuid' && field.name !== 'id' && ['uuid', 'external_id', 'public_id'].includes(field.name);
}

/**
 * Fields the API shows but never accepts: auto_now/auto_now_add columns, generated identifiers,
 * the user's privileges, the owner link (set from the request) and m2m relations with `through`.
 */
export function readOnlyFields(erd: Erd, entity: Entity): string[] {
  const owner = ownerRelation(erd, entity);
  return [
    ...modelFields(entity)
      .filter((f) => isAutoField(f) || isGeneratedIdentifier(f))
      .map((f) => f.name),
    ...(isUserEntity(entity) ? privilegedUserFields(entity) : []),
    ...(owner === undefined ? [] : [owner.name]),
    ...relationsFrom(erd, entity)
      .filter((r) => r.kind === 'manyToMany' && r.through !== undefined)
      .map((r) => r.name),
  ];
}

const PASSWORD_FIELD = `password = serializers.CharField(
    write_only=True, required=False, style={'input_type': 'password'}, help_text='Stored hashed; never returned.'
)`;

const PASSWORD_METHODS = `def validate_password(self, value):
    password_validation.validate_password(value)
    return value

def create(self, validated_data):
    password = validated_data.pop('password', None)
    user = super().create(validated_data)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save(update_fields=['password'])
    return user

def update(self, instance, validated_data):
    password = validated_data.pop('password', None)
    user = super().update(instance, validated_data)
    if password:
        user.set_password(password)
        user.save(update_fields=['password'])
    return user`;

/** A key the client supplies: written when a row is created, read-only when it is updated. */
function fixedKeyMethod(name: string): string {
  return `def get_fields(self):
    fields = super().get_fields()
    if self.instance is not None:
        fields[${pyName(name)}].read_only = True  # the primary key is chosen on create and never changes
    return fields`;
}

/** The serializer class of one entity, as a top-level block. */
export function serializerClassCode(erd: Erd, entity: Entity): string {
  const user = isUserEntity(entity);
  const fields = [...serializerFields(erd, entity), ...(user ? ['password'] : [])];
  const meta = [`model = ${pyIdentifier(modelClass(entity))}`, pyList('fields = ', fields.map(pyName), 2)];
  const readOnly = readOnlyFields(erd, entity);
  if (readOnly.length > 0) meta.push(pyList('read_only_fields = ', readOnly.map(pyName), 2));
  const metaBlock = `class Meta:\n${meta.join('\n').replace(/^(?=.)/gm, '    ')}`;
  const rules = ruleMethods(erd, entity).map((m) => m.code);
  const key = keyField(entity);
  if (key !== undefined && isSuppliedKey(key)) rules.unshift(fixedKeyMethod(key.name));
  const sections = user ? [PASSWORD_FIELD, metaBlock, PASSWORD_METHODS, ...rules] : [metaBlock, ...rules];
  const body = sections.join('\n\n').replace(/^(?=.)/gm, '    ');
  return `class ${pyIdentifier(serializerClass(entity))}(serializers.ModelSerializer):\n${body}`;
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
