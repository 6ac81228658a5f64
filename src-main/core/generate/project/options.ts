/**
 * The project-wide choices every project file reads (settings, URLs, requirements, README), with
 * the ERD format's documented defaults applied once, so no two files can disagree about whether
 * token auth, filtering or URL versioning is on.
 */
import type { Erd } from '../../../../src-shared/erd/model';
import { API_VERSION, appLabels } from '../names';
import { authUserModel } from '../app/users';

export type AuthScheme = 'session' | 'token' | 'jwt';

/** Everything about the project as a whole that generation decides from the ERD. */
export interface ProjectOptions {
  /** The Django project package (`settings.py`, `urls.py`, `wsgi.py` live in it). */
  package: string;
  title: string;
  description: string;
  apps: string[];
  schemes: AuthScheme[];
  /** Page size, or null when pagination is off. */
  pageSize: number | null;
  filtering: boolean;
  search: boolean;
  ordering: boolean;
  /** The URL version segment (`v1`), or null when versioning is off. */
  version: string | null;
  openapi: boolean;
  /** URL prefix of the API without slashes (`api`), or `''` to mount the API at the root. */
  basePath: string;
  /** Whether any entity has an image field (Pillow becomes a requirement). */
  images: boolean;
  /** `AUTH_USER_MODEL` (`'users.User'`) when the ERD has a user entity, else null (Django's own User). */
  authUserModel: string | null;
  /** Whether anyone may read the OpenAPI schema and docs: only when the ERD makes the API public. */
  publicDocs: boolean;
}

const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_SCHEMES: AuthScheme[] = ['session', 'token'];
const SCHEME_ORDER: readonly AuthScheme[] = ['jwt', 'token', 'session'];

function projectPackage(erd: Erd): string {
  const name = erd.project.name;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`project.name: '${name}' is not a lower-case Python package name`);
  }
  if (appLabels(erd).includes(name)) {
    throw new Error(`project.name: '${name}' is also an app label; the project package and an app cannot share a name`);
  }
  return name;
}

function basePath(erd: Erd): string {
  const raw = erd.api?.basePath ?? 'api';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  if (trimmed !== '' && !/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(trimmed)) {
    throw new Error(`api.basePath: '${raw}' may hold only letters, digits, '_', '-' and '/'`);
  }
  return trimmed;
}

/**
 * The resolved options. Auth schemes come in the order DRF should try them (JWT, token, then
 * session), so an anonymous API client gets `401` with a `WWW-Authenticate` header rather than a
 * bare `403`.
 */
export function projectOptions(erd: Erd): ProjectOptions {
  const pagination = erd.api?.pagination ?? true;
  const given = erd.auth?.schemes ?? DEFAULT_SCHEMES;
  return {
    package: projectPackage(erd),
    title: erd.project.title ?? erd.project.name,
    description: erd.project.description ?? '',
    apps: appLabels(erd),
    schemes: SCHEME_ORDER.filter((s) => given.includes(s)),
    pageSize: pagination === false ? null : pagination === true ? DEFAULT_PAGE_SIZE : pagination.pageSize,
    filtering: erd.api?.filtering ?? true,
    search: erd.api?.search ?? true,
    ordering: erd.api?.ordering ?? true,
    version: erd.api?.versioning === 'url' ? API_VERSION : null,
    openapi: erd.api?.openapi ?? true,
    basePath: basePath(erd),
    images: erd.entities.some((e) => e.fields.some((f) => f.type === 'image')),
    authUserModel: authUserModel(erd),
    publicDocs: (erd.auth?.defaultAccess ?? 'authenticated') === 'public',
  };
}

/** The URL prefix of every API route, with a trailing slash (`api/`), or `''` at the root. */
export function apiPrefix(options: ProjectOptions): string {
  return options.basePath === '' ? '' : `${options.basePath}/`;
}
