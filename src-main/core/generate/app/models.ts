/**
 * `<app>/models.py`: one unit per entity (its model class) plus a header unit for module-level
 * helpers and ERD-wide rules. Relations reference their targets by string, so the classes can be
 * emitted in ERD order whatever depends on what.
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { appLabels, modelClass, plural, snakeCase } from '../names';
import { appEntities, defaultOrdering, hasChoices, modelFields } from './entities';
import { choicesClassCode, fieldCode } from './field-spec';
import { importBlock, pickImports, usedSymbols, type ImportCatalog } from './imports';
import { pyDocstring, pyIdentifier, pyList, pyName } from './py-format';
import { relationFieldCode, relationsFrom } from './relations';
import { globalRuleTodos, needsPositiveHelper, ruleTodos, VALIDATE_POSITIVE } from './rules';
import { orderUnits, pythonModule, type CodeUnit } from './unit';
import { ruleMethods } from './rule-code';
import { isInheritedUserField, isUserEntity, userModelExtras } from './users';

const CATALOG: ImportCatalog = pickImports(
  'datetime',
  'Decimal',
  'UUID',
  'uuid4',
  'ValidationError',
  'MaxLengthValidator',
  'MaxValueValidator',
  'MinLengthValidator',
  'MinValueValidator',
  'RegexValidator',
  'models',
  'now',
  'AbstractUser',
  'settings',
);

/** Fields `__str__` falls back to, in order of preference, when the entity names no displayField. */
const DISPLAY_CANDIDATES = [
  'name',
  'title',
  'username',
  'full_name',
  'display_name',
  'label',
  'code',
  'slug',
  'email',
  'number',
  'subject',
];

/** Django limits index names to 30 characters; this keeps derived names short, stable and unique. */
export function indexName(app: string, entity: Entity, fields: readonly string[], given?: string): string {
  if (given !== undefined && /^[A-Za-z][A-Za-z0-9_]{0,29}$/.test(given)) return given;
  let hash = 0x811c9dc5;
  for (const ch of `${app}.${entity.name}.${fields.join(',')}`) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const stem = `${snakeCase(entity.name)}_${fields.map((f) => f.replace(/^-/, '')).join('_')}`
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 21)
    .replace(/_+$/, '');
  return `${stem}_${hash.toString(16).padStart(8, '0')}`;
}

function metaCode(app: string, entity: Entity): string {
  const verbose = entity.verboseName ?? snakeCase(entity.name).replace(/_/g, ' ');
  const lines = [
    pyList('ordering = ', defaultOrdering(entity).map(pyName), 2),
    `verbose_name = ${pyStr(verbose)}`,
    `verbose_name_plural = ${pyStr(entity.verboseNamePlural ?? plural(verbose))}`,
  ];
  if (entity.dbTable !== undefined) lines.unshift(`db_table = ${pyStr(entity.dbTable)}`);
  if ((entity.uniqueTogether ?? []).length > 0) {
    const groups = (entity.uniqueTogether ?? []).map((g) => `(${g.map(pyName).join(', ')})`);
    lines.push(pyList('unique_together = ', groups, 2));
  }
  if ((entity.indexes ?? []).length > 0) {
    const indexes = (entity.indexes ?? []).map(
      (ix) =>
        `models.Index(fields=[${ix.fields.map(pyName).join(', ')}], name=${pyName(indexName(app, entity, ix.fields, ix.name))})`,
    );
    lines.push(pyList('indexes = ', indexes, 2));
  }
  return `class Meta:\n${lines.map((l) => l.replace(/^/gm, '    ')).join('\n')}`;
}

function strCode(erd: Erd, entity: Entity): string {
  const names = [...modelFields(entity).map((f) => f.name), ...relationsFrom(erd, entity).map((r) => r.name)];
  const display =
    entity.displayField ??
    DISPLAY_CANDIDATES.find((c) => modelFields(entity).some((f) => f.name === c)) ??
    modelFields(entity).find((f) => f.type === 'string' && !hasChoices(f) && f.required !== false)?.name;
  if (display !== undefined && !names.includes(display)) {
    throw new Error(`Entity ${entity.name}: displayField '${display}' is not one of its fields`);
  }
  const body =
    display === undefined ? `f'${pyIdentifier(entity.name)} #{self.pk}'` : `str(self.${pyIdentifier(display)})`;
  return `def __str__(self):\n    return ${body}`;
}

/** The model class of one entity, as a top-level block. */
export function modelClassCode(erd: Erd, app: string, entity: Entity): string {
  const fields = modelFields(entity);
  const relations = relationsFrom(erd, entity);
  const sections: string[] = [];
  if (entity.description !== undefined) sections.push(pyDocstring(entity.description));
  const todos = ruleTodos(erd, entity, new Set(ruleMethods(erd, entity).map((m) => m.rule)));
  if (todos.length > 0) sections.push(todos.join('\n'));
  sections.push(...fields.filter(hasChoices).map(choicesClassCode));
  const user = isUserEntity(entity);
  const columns = [
    ...fields.filter((f) => !user || !isInheritedUserField(f)).map((f) => fieldCode(erd, entity, f, 1)),
    ...relations.map((r) => relationFieldCode(erd, entity, r, 1)),
  ];
  if (columns.length > 0) sections.push(columns.join('\n'));
  if (user) sections.push(userModelExtras(entity));
  sections.push(metaCode(app, entity), strCode(erd, entity));
  const body = sections.map((s) => s.replace(/^(?=.)/gm, '    ')).join('\n\n');
  const base = user ? 'AbstractUser' : 'models.Model';
  const code = `class ${pyIdentifier(modelClass(entity))}(${base}):\n${body}`;
  const shadowed = usedSymbols(code, { ...CATALOG, [VALIDATE_POSITIVE]: { module: '', section: 'local' } }).filter(
    (s) => [...fields.map((f) => f.name), ...relations.map((r) => r.name)].includes(s),
  );
  if (shadowed.length > 0) {
    throw new Error(
      `Entity ${entity.name}: field '${shadowed[0]}' would shadow a name models.py uses; rename the field`,
    );
  }
  return code;
}

const POSITIVE_HELPER = `def ${VALIDATE_POSITIVE}(value):
    """Reject zero and negative numbers (MinValueValidator is inclusive, so it cannot say > 0)."""
    if value is not None and value <= 0:
        raise ValidationError('Ensure this value is greater than 0.', code='min_value')`;

/**
 * Units of models.py: a header (`models:<app>:header`) when the app needs module-level helpers or
 * carries ERD-wide rules (those go to the first app), then one `models:<app>:<Entity>` per entity.
 */
export function modelsUnits(erd: Erd, app: string): CodeUnit[] {
  const entities = appEntities(erd, app);
  const header: string[] = [];
  const todos = appLabels(erd)[0] === app ? globalRuleTodos(erd) : [];
  if (todos.length > 0) header.push(todos.join('\n'));
  if (needsPositiveHelper(erd, entities)) header.push(POSITIVE_HELPER);
  const units: CodeUnit[] = header.length > 0 ? [{ id: `models:${app}:header`, code: header.join('\n\n\n') }] : [];
  for (const entity of entities) {
    units.push({ id: `models:${app}:${entity.name}`, entity: entity.name, code: modelClassCode(erd, app, entity) });
  }
  return units;
}

/** models.py from its units: docstring, the imports the units use, the units in stable order. */
export function assembleModels(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  const blocks = orderUnits(erd, units).map((u) => u.code);
  const source = blocks.join('\n\n\n');
  return pythonModule(
    `"""Models of the ${pyIdentifier(app)} app, generated by DjForge Studio from the ERD."""`,
    importBlock(source, CATALOG),
    blocks,
  );
}
