/**
 * `<app>/urls.py`: a `DefaultRouter` with one registration per entity, under the app's namespace
 * (`app_name`), so every route is reversed as `<app>:<basename>-list|detail` (names.ts `urlName`).
 * The units are the `router.register(...)` lines; assembly puts them in one block between the
 * router and `urlpatterns`, since PEP 8 wants no blank lines inside that sequence.
 */
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { routeBasename, routePrefix, viewSetClass } from '../names';
import { localCatalog, moduleDocstring } from './assemble';
import { appEntities } from './entities';
import { importBlock, pickImports } from './imports';
import { pyCall, pyIdentifier, pyName } from './py-format';
import { orderUnits, pythonModule, type CodeUnit } from './unit';

const CATALOG = pickImports('DefaultRouter', 'include', 'path');

/** `router.register('order-items', OrderItemViewSet, basename='order-item')` */
export function registerCode(entity: Entity): string {
  const args = [
    pyName(routePrefix(entity)),
    pyIdentifier(viewSetClass(entity)),
    `basename=${pyName(routeBasename(entity))}`,
  ];
  return pyCall('router.register', args);
}

/** Units of urls.py: one `urls:<app>:<Entity>` registration per entity of the app. */
export function urlsUnits(erd: Erd, app: string): CodeUnit[] {
  return appEntities(erd, app).map((entity) => ({
    id: `urls:${app}:${entity.name}`,
    entity: entity.name,
    code: registerCode(entity),
  }));
}

/** urls.py: docstring, imports, `app_name`, the router and its registrations, then `urlpatterns`. */
export function assembleUrls(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  const registrations = orderUnits(erd, units).map((u) => u.code);
  const body = [
    `app_name = ${pyName(pyIdentifier(app))}`,
    ['router = DefaultRouter()', ...registrations].join('\n'),
    "urlpatterns = [\n    path('', include(router.urls)),\n]",
  ].join('\n\n');
  const imports = importBlock(body, {
    ...CATALOG,
    ...localCatalog({ views: appEntities(erd, app).map(viewSetClass) }),
  });
  return pythonModule(moduleDocstring('URL routes', app), imports, [body]);
}
