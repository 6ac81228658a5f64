/**
 * URL routes of the generated API: every entity gets `<base>/<plural-kebab-name>/` and the router
 * names `<kebab-name>-list`/`-detail`. Two entities whose names differ only in spelling style
 * (`OrderItem`, `Order_Item`) or pluralize alike would share a route, and an entity whose route
 * is one the project serves itself (`auth/`, `schema/`, `docs/` without URL versioning) would be
 * shadowed — the generator refuses both, so they are reported here first. The route rules are
 * the generator's own (`generate/names.ts`), not a copy.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';
import { kebabCase, routePrefix } from '../generate/names';
import { ERD_CODES } from './diagnostic-codes';
import { entityPath, error, q } from './report';

/** Routes the generated project serves itself under the API prefix, given the ERD's options. */
function projectRoutes(erd: Erd): string[] {
  if (erd.api?.versioning === 'url') return [];
  const schemes = erd.auth?.schemes ?? ['session', 'token'];
  return [...(schemes.length > 0 ? ['auth'] : []), ...(erd.api?.openapi === false ? [] : ['schema', 'docs'])];
}

/** Route and URL-name clashes between entities, and with the project's own endpoints. */
export function validateRoutes(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reserved = projectRoutes(erd);
  const basenames = new Map<string, string>();
  const prefixes = new Map<string, string>();
  erd.entities.forEach((entity, i) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entity.name)) return;
    const path = entityPath(entity.name, i);
    const basename = kebabCase(entity.name);
    const prefix = routePrefix(entity);
    const sameBase = basenames.get(basename);
    const samePrefix = prefixes.get(prefix);
    if (sameBase !== undefined && sameBase.toLowerCase() !== entity.name.toLowerCase()) {
      out.push(
        error(
          ERD_CODES.duplicateName,
          path,
          `The entity ${q(entity.name)} would get the same URL names as ${q(sameBase)} ("${basename}-list"); rename one of them.`,
        ),
      );
    } else if (samePrefix !== undefined && samePrefix.toLowerCase() !== entity.name.toLowerCase()) {
      out.push(
        error(
          ERD_CODES.duplicateName,
          path,
          `The entity ${q(entity.name)} would get the same URL "${prefix}/" as ${q(samePrefix)}; rename one of them.`,
        ),
      );
    }
    if (reserved.includes(prefix)) {
      out.push(
        error(
          ERD_CODES.reservedName,
          path,
          `The entity ${q(entity.name)} would be served at "${prefix}/", which the generated project uses for its own endpoint; rename it or turn on URL versioning.`,
        ),
      );
    }
    if (!basenames.has(basename)) basenames.set(basename, entity.name);
    if (!prefixes.has(prefix)) prefixes.set(prefix, entity.name);
  });
  return out;
}
