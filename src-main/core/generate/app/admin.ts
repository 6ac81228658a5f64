/**
 * `<app>/admin.py`: every model registered with a `ModelAdmin` that is useful out of the box —
 * a short changelist (id plus the first few compact columns), filters on booleans, enums and
 * dates, and search over free-text fields.
 */
import type { Entity, Erd, Field, FieldType } from '../../../../src-shared/erd/model';
import { adminClass, modelClass } from '../names';
import { assembleModule, moduleDocstring } from './assemble';
import { appEntities, hasChoices, isAutoField, isSearchable, keyName, modelFields } from './entities';
import { pickImports } from './imports';
import { pyIdentifier, pyList, pyName } from './py-format';
import type { CodeUnit } from './unit';
import { relationsFrom } from './relations';
import { isInheritedUserField, isUserEntity } from './users';

const CATALOG = pickImports('admin', 'BaseUserAdmin');

/** How many columns besides `id` the changelist shows. */
export const LIST_DISPLAY_COLUMNS = 5;

/** Columns too bulky for a changelist row. */
const BULKY: readonly FieldType[] = ['text', 'json', 'file', 'image'];
const FILTERABLE: readonly FieldType[] = ['boolean', 'date', 'datetime'];

/** `id` plus the first `LIST_DISPLAY_COLUMNS` compact scalar fields. */
export function listDisplay(entity: Entity): string[] {
  const key = keyName(entity);
  const compact = modelFields(entity)
    .filter((f) => f.name !== key && !BULKY.includes(f.type))
    .slice(0, LIST_DISPLAY_COLUMNS);
  return [key, ...compact.map((f) => f.name)];
}

/** Booleans, enums and dates, the fields Django's sidebar filters handle well. */
export function listFilter(entity: Entity): string[] {
  return modelFields(entity)
    .filter((f: Field) => FILTERABLE.includes(f.type) || hasChoices(f))
    .map((f) => f.name);
}

/**
 * The user model's admin: Django's `UserAdmin` (password hashing, the add form, permissions) with
 * one more fieldset for the ERD's own columns, so the admin shows "Users" once and hashes passwords.
 */
export function userAdminCode(erd: Erd, entity: Entity): string {
  const model = pyIdentifier(modelClass(entity));
  const extra = [
    ...modelFields(entity)
      .filter((f) => !isInheritedUserField(f) && f.name !== 'email' && !isAutoField(f) && f.name !== keyName(entity))
      .map((f) => f.name),
    ...relationsFrom(erd, entity).map((r) => r.name),
  ];
  const lines: string[] = [];
  if (extra.length > 0) {
    const tuple = extra.length === 1 ? `(${pyName(extra[0] ?? '')},)` : `(${extra.map(pyName).join(', ')})`;
    lines.push(`fieldsets = BaseUserAdmin.fieldsets + (('Profile', {'fields': ${tuple}}),)`);
  }
  lines.push(pyList('list_display = ', listDisplay(entity).map(pyName), 1));
  const body = lines.join('\n').replace(/^(?=.)/gm, '    ');
  return `@admin.register(${model})\nclass ${pyIdentifier(adminClass(entity))}(BaseUserAdmin):\n${body}`;
}

/** The `@admin.register(Model)` ModelAdmin of one entity, as a top-level block. */
export function adminClassCode(entity: Entity): string {
  const model = pyIdentifier(modelClass(entity));
  const lines = [pyList('list_display = ', listDisplay(entity).map(pyName), 1)];
  const filters = listFilter(entity);
  if (filters.length > 0) lines.push(pyList('list_filter = ', filters.map(pyName), 1));
  const search = modelFields(entity).filter(isSearchable);
  if (search.length > 0)
    lines.push(
      pyList(
        'search_fields = ',
        search.map((f) => pyName(f.name)),
        1,
      ),
    );
  const body = lines.join('\n').replace(/^(?=.)/gm, '    ');
  return `@admin.register(${model})\nclass ${pyIdentifier(adminClass(entity))}(admin.ModelAdmin):\n${body}`;
}

/** Units of admin.py: one `admin:<app>:<Entity>` per entity of the app. */
export function adminUnits(erd: Erd, app: string): CodeUnit[] {
  return appEntities(erd, app).map((entity) => ({
    id: `admin:${app}:${entity.name}`,
    entity: entity.name,
    code: isUserEntity(entity) ? userAdminCode(erd, entity) : adminClassCode(entity),
  }));
}

/** admin.py from its units: docstring, the imports the units use, the units in stable order. */
export function assembleAdmin(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  return assembleModule(erd, moduleDocstring('Admin', app), units, CATALOG, {
    models: appEntities(erd, app).map(modelClass),
  });
}
