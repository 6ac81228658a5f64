/**
 * `<app>/filters.py` (only when the ERD turns filtering on): one django-filter `FilterSet` per
 * entity that has something worth filtering, declared through `Meta.fields` lookups so
 * django-filter picks the right filter class (and queryset, for relations) for each column.
 */
import type { Entity, Erd, Field, FieldType } from '../../../../src-shared/erd/model';
import { filterSetClass, modelClass } from '../names';
import { assembleModule, moduleDocstring } from './assemble';
import { appEntities, hasChoices, modelFields } from './entities';
import { pickImports } from './imports';
import { pyBracket, pyIdentifier, pyName } from './py-format';
import { singleRelations } from './relations';
import type { CodeUnit } from './unit';

const CATALOG = pickImports('django_filters', 'Q');

const RANGE = ['exact', 'gte', 'lte'];
const TEXT = ['exact', 'icontains'];
const LOOKUPS: Record<FieldType, readonly string[]> = {
  string: TEXT,
  text: TEXT,
  url: TEXT,
  email: TEXT,
  slug: TEXT,
  integer: RANGE,
  bigInteger: RANGE,
  float: ['gte', 'lte'],
  decimal: RANGE,
  date: RANGE,
  datetime: ['gte', 'lte'],
  time: ['gte', 'lte'],
  duration: ['gte', 'lte'],
  boolean: ['exact'],
  enum: ['exact'],
  uuid: ['exact'],
  ipAddress: ['exact'],
  json: [],
  file: [],
  image: [],
};

/**
 * Query parameters other parts of DRF already read (SearchFilter, OrderingFilter, pagination,
 * format suffixes, versioning). An `exact` filter is named after its field alone, so a field with
 * one of these names gets only its suffixed lookups (`search__icontains`), never a bare filter
 * that would fight over the parameter.
 */
export const RESERVED_QUERY_PARAMS: readonly string[] = [
  'search',
  'ordering',
  'page',
  'page_size',
  'format',
  'version',
];

/** The lookups a scalar field is filtered by; none for json/file/image. */
export function fieldLookups(field: Field): string[] {
  const lookups = hasChoices(field) ? ['exact', 'in'] : [...LOOKUPS[field.type]];
  return RESERVED_QUERY_PARAMS.includes(field.name) ? lookups.filter((l) => l !== 'exact') : lookups;
}

/** `name → lookups` for every filterable column of the entity: scalar fields, then ForeignKey/OneToOne. */
export function filterLookups(erd: Erd, entity: Entity): [string, string[]][] {
  const entries: [string, string[]][] = modelFields(entity).map((f) => [f.name, fieldLookups(f)]);
  for (const rel of singleRelations(erd, entity)) {
    if (!RESERVED_QUERY_PARAMS.includes(rel.name)) entries.push([rel.name, ['exact', 'in']]);
  }
  return entries.filter(([, lookups]) => lookups.length > 0);
}

/** Whether filters.py declares a FilterSet for the entity (views.py sets `filterset_class` only then). */
export function hasFilterSet(erd: Erd, entity: Entity): boolean {
  return filterLookups(erd, entity).length > 0;
}

/** The FilterSet class of one entity, or an Error when it has nothing to filter by. */
export function filterSetClassCode(erd: Erd, entity: Entity): string {
  const entries = filterLookups(erd, entity);
  if (entries.length === 0) throw new Error(`Entity ${entity.name} has no field a FilterSet can filter by`);
  const items = entries.map(([name, lookups]) => `${pyName(name)}: [${lookups.map(pyName).join(', ')}]`);
  const fields = pyBracket('fields = ', '{', items, '}', 2);
  const meta = [`model = ${pyIdentifier(modelClass(entity))}`, fields].join('\n').replace(/^(?=.)/gm, '        ');
  return `class ${pyIdentifier(filterSetClass(entity))}(${STRICT_FILTER_SET}):\n    class Meta:\n${meta}`;
}

/** The base FilterSet of filters.py: an unknown query parameter answers 400 instead of being ignored. */
export const STRICT_FILTER_SET = 'StrictFilterSet';

const STRICT_CODE = `OTHER_QUERY_PARAMETERS = {${RESERVED_QUERY_PARAMS.map(pyName).join(', ')}, 'limit', 'offset'}


class ${STRICT_FILTER_SET}(django_filters.FilterSet):
    """A FilterSet that refuses (400) a query parameter it does not know, so a typo never returns every row."""

    def is_valid(self):
        unknown = sorted(set(self.data) - set(self.filters) - OTHER_QUERY_PARAMETERS)
        if unknown:
            self.form.full_clean()
            self.form.add_error(None, f"Unknown filter parameter(s): {', '.join(unknown)}.")
        return super().is_valid()`;

/** Units of filters.py: one `filters:<app>:<Entity>` per entity of the app that has filterable columns. */
export function filtersUnits(erd: Erd, app: string): CodeUnit[] {
  const units = appEntities(erd, app)
    .filter((entity) => hasFilterSet(erd, entity))
    .map((entity) => ({
      id: `filters:${app}:${entity.name}`,
      entity: entity.name,
      code: filterSetClassCode(erd, entity),
    }));
  const clash = appEntities(erd, app).find((e) => filterSetClass(e) === STRICT_FILTER_SET);
  if (clash !== undefined) throw new Error(`Entity ${clash.name} clashes with the FilterSet base class; rename it`);
  return units.length === 0 ? [] : [{ id: `filters:${app}:base`, code: STRICT_CODE }, ...units];
}

/** filters.py from its units: docstring, the imports the units use, the units in stable order. */
export function assembleFilters(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  const models = appEntities(erd, app).map(modelClass);
  return assembleModule(erd, moduleDocstring('Filters', app), units, CATALOG, { models });
}
