/**
 * `<app>/permissions.py`: one `<Entity>AccessPolicy` per entity over a shared `RoleBasedPermission`.
 *
 * The contract the generated tests rely on (deny by default what the ERD does not grant):
 * superusers may always act; `auth.permissions[Entity][action]` lists role names, which are Django
 * group names, and only members of those groups may perform the action (create = POST, read =
 * GET/HEAD/OPTIONS, update = PUT/PATCH, delete = DELETE); an empty list means superusers only. An
 * action without a list follows `auth.defaultAccess`: absent — logged-in users read, staff write,
 * and ordinary users create rows they own (an entity with an owner link) and change their own user;
 * `authenticated` — any logged-in user reads and writes; `authenticatedOrReadOnly` and `public` —
 * anyone reads, logged-in users write. Writes are never open to anonymous users. Per object, a row
 * with an owner may be changed or deleted only by its owner or staff, and a user only by themself
 * or staff; nobody but staff creates users through the API.
 */
import { CRUD_ACTIONS, type Auth, type Entity, type Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { permissionClass } from '../names';
import { assembleModule, moduleDocstring } from './assemble';
import { appEntities } from './entities';
import { pickImports } from './imports';
import { pyBracket, pyIdentifier, pyName } from './py-format';
import type { CodeUnit } from './unit';
import { isUserEntity, ownerRelation } from './users';

const CATALOG = pickImports('BasePermission', 'SAFE_METHODS');

/** The base class every entity policy extends; its name cannot clash with a `<Entity>AccessPolicy`. */
export const BASE_POLICY = 'RoleBasedPermission';

/** `readOnly` is what an ERD without `defaultAccess` gets: logged-in users read, staff and owners write. */
type DefaultAccess = NonNullable<Auth['defaultAccess']> | 'readOnly';

/** The ERD's default access for actions without roles (`readOnly` when the ERD says nothing). */
export function defaultAccess(erd: Erd): DefaultAccess {
  return erd.auth?.defaultAccess ?? 'readOnly';
}

const BASE_CODE = (access: DefaultAccess): string => `METHOD_ACTIONS = {
    'GET': 'read',
    'HEAD': 'read',
    'OPTIONS': 'read',
    'POST': 'create',
    'PUT': 'update',
    'PATCH': 'update',
    'DELETE': 'delete',
}


class ${BASE_POLICY}(BasePermission):
    """
    Role-based access to one model's endpoints, denying what the ERD does not grant.

    Superusers may do anything. \`roles\` maps an action (create, read, update, delete) to the names
    of the Django groups whose members may perform it; an empty tuple means superusers only. An
    action missing from \`roles\` follows \`default_access\`: 'readOnly' lets logged-in users read
    and staff write (ordinary users create what they own and edit themselves), 'authenticated'
    lets any logged-in user act, 'public' and 'authenticatedOrReadOnly' let anyone read and
    logged-in users write. Per object, \`owner_field\` limits changes to the owner and staff, and
    the user model's policy (\`is_user_model\`) limits them to the user themself and staff.
    """

    roles = {}
    default_access = ${pyName(access)}
    owner_field = None
    is_user_model = False

    def has_permission(self, request, view):
        user = request.user
        logged_in = bool(user and user.is_authenticated)
        if logged_in and user.is_superuser:
            return True
        action = METHOD_ACTIONS.get(request.method)
        if action is None:
            return False
        allowed = self.roles.get(action)
        if allowed is not None:
            return logged_in and user.groups.filter(name__in=allowed).exists()
        if action == 'read':
            return logged_in or self.default_access in ('public', 'authenticatedOrReadOnly')
        if not logged_in:
            return False
        if self.is_user_model and action == 'create':
            return user.is_staff
        if user.is_staff or self.default_access != 'readOnly':
            return True
        return self.is_user_model or self.owner_field is not None

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        if user.is_superuser or user.is_staff:
            return True
        if self.is_user_model:
            return obj.pk == user.pk
        if self.owner_field is not None:
            return self.owner_id(obj) == user.pk
        return True

    def owner_id(self, obj):
        """The id of the user who owns obj; each policy with an owner_field reads it through its link."""
        return None`;

/** Django's `Group.name` length: a longer role name could never be stored as a group. */
export const GROUP_NAME_MAX = 150;

/** `name` when it can be a Django group name, else an Error naming `place` and the problem. */
export function checkedRole(name: string, place: string): string {
  if (name.trim().length === 0) throw new Error(`${place}: a role name is empty`);
  if ([...name].length > GROUP_NAME_MAX) {
    throw new Error(
      `${place}: role ${JSON.stringify(name.slice(0, 40))}… is longer than the ${GROUP_NAME_MAX} characters of a Django group name`,
    );
  }
  return name;
}

/** The entity's explicit role lists, action by action in CRUD order (absent actions omitted). */
export function entityRoles(erd: Erd, entity: Entity): [string, string[]][] {
  const permissions = erd.auth?.permissions?.[entity.name];
  if (permissions === undefined) return [];
  const out: [string, string[]][] = [];
  for (const action of CRUD_ACTIONS) {
    const roles = permissions[action];
    if (roles !== undefined)
      out.push([action, roles.map((r, i) => checkedRole(r, `auth.permissions.${entity.name}.${action}[${i}]`))]);
  }
  return out;
}

function describe(explicit: readonly string[]): string {
  if (explicit.length === 0) return 'Every action follows the default access.';
  if (explicit.length === CRUD_ACTIONS.length) return 'Every action is limited to the roles below.';
  const listed = explicit.length === 1 ? explicit[0] : `${explicit.slice(0, -1).join(', ')} and ${explicit.at(-1)}`;
  return `${listed}: the roles below; other actions follow the default access.`;
}

/** The access policy class of one entity: its role table (group names via `pyStr`) over the base class. */
export function policyClassCode(erd: Erd, entity: Entity): string {
  const roles = entityRoles(erd, entity);
  const doc = `    """${describe(roles.map(([action]) => action))}"""`;
  const owner = ownerRelation(erd, entity);
  const marks = [
    ...(owner === undefined ? [] : [`    owner_field = ${pyName(owner.name)}`]),
    ...(isUserEntity(entity) ? ['    is_user_model = True'] : []),
  ];
  const head = `class ${pyIdentifier(permissionClass(entity))}(${BASE_POLICY}):\n${doc}${marks.length > 0 ? `\n\n${marks.join('\n')}` : ''}`;
  // The owner's id read through the link itself, never by a computed attribute name.
  const ownerMethod =
    owner === undefined ? '' : `\n\n    def owner_id(self, obj):\n        return obj.${pyIdentifier(owner.name)}_id`;
  if (roles.length === 0) return head + ownerMethod;
  const items = roles.map(([action, names]) => {
    const key = `${pyName(action)}: `;
    return names.length === 1 ? `${key}(${pyStr(names[0] ?? '')},)` : pyBracket(key, '(', names.map(pyStr), ')', 2);
  });
  return `${head}\n\n${pyBracket('roles = ', '{', items, '}', 1).replace(/^(?=.)/gm, '    ')}${ownerMethod}`;
}

/** Units of permissions.py: the shared base (`permissions:<app>:base`), then one policy per entity. */
export function permissionsUnits(erd: Erd, app: string): CodeUnit[] {
  return [
    { id: `permissions:${app}:base`, code: BASE_CODE(defaultAccess(erd)) },
    ...appEntities(erd, app).map((entity) => ({
      id: `permissions:${app}:${entity.name}`,
      entity: entity.name,
      code: policyClassCode(erd, entity),
    })),
  ];
}

/** permissions.py from its units: docstring, the imports the units use, the units in stable order. */
export function assemblePermissions(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  return assembleModule(erd, moduleDocstring('Access policies', app), units, CATALOG);
}
