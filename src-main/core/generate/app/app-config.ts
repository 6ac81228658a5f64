/**
 * `<app>/apps.py`: the app's `AppConfig` with an explicit `BigAutoField` (so Django 3.2 through
 * 5.x agree and `check` raises no W042). The first app also owns the ERD's roles: when there are
 * any, its `ready()` connects a `post_migrate` handler that creates one Django group per role, so
 * the group names permissions.py checks exist after every `migrate` (test databases included).
 */
import { CRUD_ACTIONS, type Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { appConfigClass, appLabels } from '../names';
import { assembleModule, moduleDocstring } from './assemble';
import { pickImports } from './imports';
import { checkedRole } from './permissions';
import { humanize, pyIdentifier, pyList, pyName } from './py-format';
import type { CodeUnit } from './unit';

const CATALOG = pickImports('AppConfig', 'post_migrate');

/** The module-level function apps.py connects to `post_migrate` when the app owns the roles. */
export const CREATE_GROUPS = 'create_role_groups';

/**
 * The roles the app creates as groups — only in the first app: `auth.roles`, then any role that
 * `auth.permissions` names without declaring it (a permission for a group nobody can join would
 * be useless), each once, in first-seen order.
 */
export function ownedRoles(erd: Erd, app: string): string[] {
  if (appLabels(erd)[0] !== app) return [];
  const roles = (erd.auth?.roles ?? []).map((r, i) => checkedRole(r, `auth.roles[${i}]`));
  for (const [entity, actions] of Object.entries(erd.auth?.permissions ?? {})) {
    for (const action of CRUD_ACTIONS) {
      (actions[action] ?? []).forEach((r, i) =>
        roles.push(checkedRole(r, `auth.permissions.${entity}.${action}[${i}]`)),
      );
    }
  }
  return [...new Set(roles)];
}

function rolesCode(roles: readonly string[]): string {
  return `${pyList('ROLE_NAMES = ', roles.map(pyStr))}


def ${CREATE_GROUPS}(sender, apps, **kwargs):
    """Create a Django group per ERD role; permissions.py grants actions to members of these groups."""
    try:
        group_model = apps.get_model('auth', 'Group')
    except LookupError:
        return
    for name in ROLE_NAMES:
        group_model.objects.get_or_create(name=name)`;
}

function configCode(app: string, roles: readonly string[]): string {
  const lines = [
    `class ${pyIdentifier(appConfigClass(app))}(AppConfig):`,
    `    default_auto_field = 'django.db.models.BigAutoField'`,
    `    name = ${pyName(app)}`,
    `    verbose_name = ${pyStr(humanize(app))}`,
  ];
  if (roles.length > 0) {
    lines.push('', '    def ready(self):', `        post_migrate.connect(${CREATE_GROUPS}, sender=self)`);
  }
  return lines.join('\n');
}

/** Units of apps.py: the config (`app-config:<app>:config`), then the roles and their handler when owned. */
export function appConfigUnits(erd: Erd, app: string): CodeUnit[] {
  const roles = ownedRoles(erd, app);
  const units: CodeUnit[] = [{ id: `app-config:${app}:config`, code: configCode(app, roles) }];
  if (roles.length > 0) units.push({ id: `app-config:${app}:roles`, code: rolesCode(roles) });
  return units;
}

/** apps.py from its units: docstring, the imports the units use, the units in stable order. */
export function assembleAppConfig(erd: Erd, app: string, units: readonly CodeUnit[]): string {
  return assembleModule(erd, moduleDocstring('App configuration', app), units, CATALOG);
}
