/**
 * `<app>/views.py`: one `ModelViewSet` per entity. Its queryset loads forward relations up front
 * (`select_related` for ForeignKey/OneToOne, `prefetch_related` for many-to-many) so listing never
 * costs a query per row; access goes through the entity's policy in permissions.py; filtering,
 * search and ordering attributes follow the ERD's API options (the backends themselves are set
 * globally in settings.py under the same options).
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { filterSetClass, modelClass, permissionClass, serializerClass, viewSetClass } from '../names';
import { assembleModule, moduleDocstring } from './assemble';
import {
  apiOptions,
  appEntities,
  defaultOrdering,
  isOrderable,
  isSearchable,
  isSuppliedKey,
  keyField,
  keyName,
  modelFields,
} from './entities';
import { hasFilterSet } from './filters';
import { pickImports } from './imports';
import { MAX_LINE, pyCall, pyIdentifier, pyList, pyName } from './py-format';
import { prefetchRelatedNames, selectRelatedNames } from './relations';
import type { CodeUnit } from './unit';
import { isUserEntity, ownerRelation } from './users';

/**
 * What views.py may draw on: the symbols the template uses, plus those a refined unit (custom
 * actions, business rules) typically needs; only the ones the code really uses are imported.
 */
const CATALOG = pickImports(
  'viewsets',
  'APIException',
  'ProtectedError',
  'RestrictedError',
  'action',
  'Count',
  'F',
  'get_object_or_404',
  'PermissionDenied',
  'Q',
  'Response',
  'status',
  'Sum',
  'timezone',
  'transaction',
  'IsAuthenticated',
  'FormParser',
  'JSONParser',
  'MultiPartParser',
);

/** The exception views.py raises (HTTP 409) when a delete is blocked by PROTECT or RESTRICT. */
export const STILL_REFERENCED = 'StillReferenced';

const STILL_REFERENCED_CODE = `class ${STILL_REFERENCED}(APIException):
    """409 Conflict: other objects still point at this one through a PROTECT or RESTRICT relation."""

    status_code = 409
    default_detail = 'This object is still referenced by other objects and cannot be deleted.'
    default_code = 'still_referenced'

    @classmethod
    def blocking(cls, instance, error):
        """The 409 for a refused delete, naming the kinds of objects that still refer to \`instance\`."""
        objects = getattr(error, 'protected_objects', None) or getattr(error, 'restricted_objects', None) or ()
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in objects})
        if not kinds:
            return cls()
        return cls(f"This {instance._meta.verbose_name} cannot be deleted: {', '.join(kinds)} still refer to it.")`;

const PERFORM_DESTROY_CODE = `def perform_destroy(self, instance):
    try:
        instance.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ${STILL_REFERENCED}.blocking(instance, error) from error`;

const ME_CODE = `@action(detail=False, methods=['get', 'put', 'patch'], permission_classes=[IsAuthenticated])
def me(self, request, *args, **kwargs):
    """The logged-in user: read it (GET) or change it (PUT, PATCH)."""
    if request.method == 'GET':
        return Response(self.get_serializer(request.user).data)
    partial = request.method == 'PATCH'
    serializer = self.get_serializer(request.user, data=request.data, partial=partial)
    serializer.is_valid(raise_exception=True)
    serializer.save()
    return Response(serializer.data)`;

/** `perform_create` that makes the logged-in user the row's owner, whatever the body says. */
function performCreateCode(owner: string): string {
  return `def perform_create(self, serializer):\n    serializer.save(${pyIdentifier(owner)}=self.request.user)`;
}

/**
 * Whether deleting an entity's row can be refused by the database layer: some relation points at
 * it with on_delete PROTECT or RESTRICT. Its ViewSet then answers 409 instead of a server error.
 */
export function deleteCanBeBlocked(erd: Erd, entity: Entity): boolean {
  return erd.relations.some((r) => r.to === entity.name && (r.onDelete === 'PROTECT' || r.onDelete === 'RESTRICT'));
}

/**
 * `queryset = …` for the entity: `Model.objects.all()` without relations, otherwise the
 * `select_related`/`prefetch_related` chain — on one line when it fits, else one call per line
 * inside parentheses (Black's style), each call wrapped further if it alone is too long.
 */
export function querysetCode(erd: Erd, entity: Entity): string {
  const model = pyIdentifier(modelClass(entity));
  const calls: [string, string[]][] = [
    ['select_related', selectRelatedNames(erd, entity).map(pyName)],
    ['prefetch_related', prefetchRelatedNames(erd, entity).map(pyName)],
  ];
  const used = calls.filter(([, names]) => names.length > 0);
  if (used.length === 0) return `queryset = ${model}.objects.all()`;
  const flat = `queryset = ${model}.objects${used.map(([call, names]) => `.${call}(${names.join(', ')})`).join('')}`;
  if (4 + flat.length <= MAX_LINE) return flat;
  const lines = used.map(([call, names], i) => pyCall(`${i === 0 ? `${model}.objects` : ''}.${call}`, names, 2));
  return `queryset = (\n${lines.join('\n').replace(/^(?=.)/gm, '    ')}\n)`;
}

/** Attributes of the entity's ViewSet that depend on the ERD's filtering/search/ordering options. */
export function apiOptionAttributes(erd: Erd, entity: Entity): string[] {
  const options = apiOptions(erd);
  const fields = modelFields(entity);
  const lines: string[] = [];
  if (options.filtering && hasFilterSet(erd, entity))
    lines.push(`filterset_class = ${pyIdentifier(filterSetClass(entity))}`);
  const searchable = fields.filter(isSearchable).map((f) => pyName(f.name));
  if (options.search && searchable.length > 0) lines.push(pyList('search_fields = ', searchable, 1));
  if (options.ordering) {
    const orderable = [...new Set([keyName(entity), ...fields.filter(isOrderable).map((f) => f.name)])].map(pyName);
    lines.push(
      pyList('ordering_fields = ', orderable, 1),
      pyList('ordering = ', defaultOrdering(entity).map(pyName), 1),
    );
  }
  return lines;
}

/**
 * Whether the entity stores uploads: its ViewSet then takes multipart first (and still JSON), so
 * the OpenAPI schema describes the request as multipart with binary file parts.
 */
export function hasUploads(entity: Entity): boolean {
  return modelFields(entity).some((f) => f.type === 'file' || f.type === 'image');
}

/**
 * Whether the entity's own key is text that may hold a dot (an e-mail, a URL, `v1.2`): the
 * router's default lookup pattern stops at dots, so the ViewSet widens it to everything but `/`.
 */
export function hasDottedKeys(entity: Entity): boolean {
  const key = keyField(entity);
  return key !== undefined && isSuppliedKey(key) && ['string', 'text', 'email', 'url'].includes(key.type);
}

/** The ViewSet class of one entity, as a top-level block. */
export function viewSetClassCode(erd: Erd, entity: Entity): string {
  const lines = [
    querysetCode(erd, entity),
    `serializer_class = ${pyIdentifier(serializerClass(entity))}`,
    `permission_classes = [${pyIdentifier(permissionClass(entity))}]`,
    ...(hasUploads(entity) ? ['parser_classes = [MultiPartParser, FormParser, JSONParser]'] : []),
    ...(hasDottedKeys(entity) ? [`lookup_value_regex = '[^/]+'  # keys may hold dots`] : []),
    ...apiOptionAttributes(erd, entity),
  ];
  const sections = [lines.join('\n')];
  const owner = ownerRelation(erd, entity);
  if (owner !== undefined) sections.push(performCreateCode(owner.name));
  if (deleteCanBeBlocked(erd, entity)) sections.push(PERFORM_DESTROY_CODE);
  if (isUserEntity(entity)) sections.push(ME_CODE);
  const body = sections.join('\n\n').replace(/^(?=.)/gm, '    ');
  return `class ${pyIdentifier(viewSetClass(entity))}(viewsets.ModelViewSet):\n${body}`;
}

/**
 * Units of views.py: a header (`views:<app>:header`) defining the 409 exception when any entity
 * of the app can have its delete blocked, then one `views:<app>:<Entity>` per entity.
 */
export function viewsUnits(erd: Erd, app: string): CodeUnit[] {
  const entities = appEntities(erd, app);
  const clash = entities.find((e) => e.name === STILL_REFERENCED);
  if (clash !== undefined)
    throw new Error(`Entity ${clash.name} clashes with the exception class views.py defines; rename the entity`);
  const header = entities.some((e) => deleteCanBeBlocked(erd, e))
    ? [{ id: `views:${app}:header`, code: STILL_REFERENCED_CODE }]
    : [];
  return [
    ...header,
    ...entities.map((entity) => ({
      id: `views:${app}:${entity.name}`,
      entity: entity.name,
      code: viewSetClassCode(erd, entity),
    })),
  ];
}

/** views.py from its units: docstring, the imports the units use, the units in stable order. */
export function assembleViews(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  const entities = appEntities(erd, app);
  return assembleModule(erd, moduleDocstring('API views', app), units, CATALOG, {
    filters: entities.map(filterSetClass),
    models: entities.map(modelClass),
    permissions: entities.map(permissionClass),
    serializers: entities.map(serializerClass),
  });
}
