import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { findEntity } from './entities';
import { plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { assemblePermissions, defaultAccess, entityRoles, permissionsUnits, policyClassCode } from './permissions';

const PYTHON = '/usr/bin/python3';
const hasPython = existsSync(PYTHON);
if (!hasPython) console.warn(`permissions.test: ${PYTHON} is missing, so the policy behaviour tests are skipped`);

/**
 * Runs a generated permissions.py under Python with `rest_framework.permissions` stubbed, and
 * answers, for each policy, user and HTTP method, whether the request is allowed.
 */
const HARNESS = String.raw`
import json, sys, types
stub = types.ModuleType('rest_framework.permissions')
stub.BasePermission = type('BasePermission', (), {})
stub.SAFE_METHODS = ('GET', 'HEAD', 'OPTIONS')
sys.modules['rest_framework'] = types.ModuleType('rest_framework')
sys.modules['rest_framework.permissions'] = stub
ns = {}
exec(compile(sys.stdin.read(), 'permissions.py', 'exec'), ns)

class Found:
    def __init__(self, value):
        self.value = value
    def exists(self):
        return self.value

class Groups:
    def __init__(self, names):
        self.names = set(names)
    def filter(self, name__in):
        return Found(bool(self.names & set(name__in)))

class User:
    def __init__(self, authenticated, superuser, groups, staff=False):
        self.is_authenticated, self.is_superuser, self.groups = authenticated, superuser, Groups(groups)
        self.is_staff = staff

users = {'anonymous': User(False, False, []), 'member': User(True, False, [])}
users['superuser'] = User(True, True, [])
users['staff'] = User(True, False, [], staff=True)
for role in json.loads(sys.argv[1]):
    users[role] = User(True, False, [role])
out = {}
for policy in json.loads(sys.argv[2]):
    for user_name, user in users.items():
        for method in ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE']:
            request = types.SimpleNamespace(user=user, method=method)
            allowed = ns[policy]().has_permission(request, None)
            assert allowed is True or allowed is False, (policy, user_name, method, allowed)
            out.setdefault(policy, {}).setdefault(user_name, []).append(method) if allowed else None
print(json.dumps(out))
`;

type Verdicts = Record<string, Record<string, string[] | undefined>>;

function verdicts(erd: Erd, app: string, roles: string[], policies: string[]): Verdicts {
  const source = assemblePermissions(erd, app, permissionsUnits(erd, app));
  const run = spawnSync(PYTHON, ['-c', HARNESS, JSON.stringify(roles), JSON.stringify(policies)], {
    input: source,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Verdicts;
}

const READS = ['GET', 'HEAD', 'OPTIONS'];
const ALL = [...READS, 'POST', 'PUT', 'PATCH', 'DELETE'];

describe('permissions.py', () => {
  const erd = shopErd();

  it('writes each role list with its group names quoted by pyStr, in CRUD order', () => {
    expect(policyClassCode(erd, findEntity(erd, 'Order', 'test'))).toBe(`class OrderAccessPolicy(RoleBasedPermission):
    """Every action is limited to the roles below."""

    roles = {
        'create': ("Staff", "Admin"),
        'read': ("Staff", "Customer \\"Service\\"", "Admin"),
        'update': ("Staff",),
        'delete': ("Admin",),
    }`);
    expect(policyClassCode(erd, findEntity(erd, 'Product', 'test')))
      .toBe(`class ProductAccessPolicy(RoleBasedPermission):
    """create, update and delete: the roles below; other actions follow the default access."""

    roles = {'create': ("Staff",), 'update': ("Staff",), 'delete': ()}`);
    expect(policyClassCode(erd, findEntity(erd, 'Address', 'test')))
      .toBe(`class AddressAccessPolicy(RoleBasedPermission):
    """Every action follows the default access."""`);
  });

  it('reads the default access from the ERD and the role table per entity', () => {
    expect(defaultAccess(erd)).toBe('authenticatedOrReadOnly');
    expect(defaultAccess({ ...erd, auth: undefined })).toBe('readOnly');
    expect(entityRoles(erd, findEntity(erd, 'Product', 'test'))).toEqual([
      ['create', ['Staff']],
      ['update', ['Staff']],
      ['delete', []],
    ]);
    expect(assemblePermissions(erd, 'crm', permissionsUnits(erd, 'crm'))).toContain(
      "    default_access = 'authenticatedOrReadOnly'\n",
    );
  });

  it('names the entity, action and position of a role that cannot be a group name', () => {
    const bad: Erd = { ...erd, auth: { permissions: { Order: { read: ['Staff'], update: ['Staff', ''] } } } };
    expect(() => permissionsUnits(bad, 'shop')).toThrow('auth.permissions.Order.update[1]: a role name is empty');
  });

  it('units: the shared base first, then one policy per entity', () => {
    expect(permissionsUnits(erd, 'crm').map((u) => u.id)).toEqual([
      'permissions:crm:base',
      'permissions:crm:Customer',
      'permissions:crm:Profile',
    ]);
  });

  it.skipIf(!hasPython)(
    'grants role actions to group members, superusers everything, and follows the default otherwise',
    () => {
      const roles = ['Staff', 'Customer "Service"', 'Admin'];
      const got = verdicts(erd, 'shop', roles, ['OrderAccessPolicy', 'ProductAccessPolicy', 'AddressAccessPolicy']);
      expect(got['OrderAccessPolicy']).toEqual({
        superuser: [...ALL, 'TRACE'],
        Staff: [...READS, 'POST', 'PUT', 'PATCH'],
        'Customer "Service"': READS,
        Admin: [...READS, 'POST', 'DELETE'],
      });
      expect(got['ProductAccessPolicy']).toEqual({
        anonymous: READS,
        member: READS,
        superuser: [...ALL, 'TRACE'],
        Staff: [...READS, 'POST', 'PUT', 'PATCH'],
        'Customer "Service"': READS,
        Admin: READS,
        staff: READS,
      });
      expect(got['AddressAccessPolicy']).toEqual({
        anonymous: READS,
        member: ALL,
        superuser: [...ALL, 'TRACE'],
        Staff: ALL,
        'Customer "Service"': ALL,
        Admin: ALL,
        staff: ALL,
      });
    },
  );

  it.skipIf(!hasPython)(
    'denies writes to ordinary users by default (staff write), and keeps writes behind a login when public',
    () => {
      const closed: Erd = { ...plainErd(), auth: undefined };
      expect(verdicts(closed, 'core', [], ['NoteAccessPolicy'])['NoteAccessPolicy']).toEqual({
        member: READS,
        superuser: [...ALL, 'TRACE'],
        staff: ALL,
      });
      const open: Erd = { ...plainErd(), auth: { defaultAccess: 'authenticated' } };
      expect(verdicts(open, 'core', [], ['NoteAccessPolicy'])['NoteAccessPolicy']).toEqual({
        member: ALL,
        superuser: [...ALL, 'TRACE'],
        staff: ALL,
      });
      expect(verdicts(plainErd(), 'core', [], ['NoteAccessPolicy'])['NoteAccessPolicy']).toEqual({
        anonymous: READS,
        member: ALL,
        superuser: [...ALL, 'TRACE'],
        staff: ALL,
      });
    },
  );
});
