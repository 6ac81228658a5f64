/**
 * The permission matrix the generated tests check, computed from the ERD by the same rules
 * `app/permissions.ts` documents, so a policy that grants too much or too little fails a test with
 * the exact status: what an ordinary logged-in user may do to rows that are not theirs, what an
 * owner (or the user themself) may do to their own, and that a member of each listed role may act.
 */
import { CRUD_ACTIONS, type CrudAction, type Entity, type Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { defaultAccess } from '../app/permissions';
import { pyName } from '../app/py-format';
import { isUserEntity, ownerRelation, userEntity } from '../app/users';
import { makeFunction, type TestDataPlan } from './factories';

function roles(erd: Erd, entity: Entity, action: CrudAction): string[] | undefined {
  return erd.auth?.permissions?.[entity.name]?.[action];
}

/** Actions a logged-in user with no role and no staff flag may perform on a row that is not theirs. */
export function ordinaryMay(erd: Erd, entity: Entity): CrudAction[] {
  const open = defaultAccess(erd) !== 'readOnly';
  const owned = ownerRelation(erd, entity) !== undefined;
  const user = isUserEntity(entity);
  return CRUD_ACTIONS.filter((action) => {
    if (roles(erd, entity, action) !== undefined) return false;
    if (action === 'read') return true;
    if (action === 'create') return !user && (open || owned);
    return open && !owned && !user;
  });
}

/** Actions an owner (holding the action's role when it has roles) may perform on their own row. */
export function ownerMay(erd: Erd, entity: Entity): CrudAction[] {
  return CRUD_ACTIONS.filter((action) => {
    if (isUserEntity(entity) && action === 'create') return false;
    const listed = roles(erd, entity, action);
    return listed === undefined || listed.length > 0;
  });
}

/** One role per action that lists roles: a member of it must be allowed that action. */
export function roleGrants(erd: Erd, entity: Entity): [CrudAction, string][] {
  return CRUD_ACTIONS.flatMap((action): [CrudAction, string][] => {
    const first = roles(erd, entity, action)?.[0];
    return first === undefined ? [] : [[action, first]];
  });
}

/** `_superuser()` and `_user()`: made through the ERD's user entity when it is the login user. */
export function userHelpersCode(erd: Erd, plan: TestDataPlan): string {
  const user = userEntity(erd);
  const viaEntity = user !== undefined && plan.makeProblem(user) === null;
  const make = user === undefined ? '' : makeFunction(user);
  const superuser = viaEntity
    ? `return ${make}(is_superuser=True, is_staff=True)`
    : "return get_user_model().objects.create_superuser(f'admin-{_next(\"user\")}', 'admin@example.com', None)";
  const ordinary = viaEntity
    ? `return ${make}(is_superuser=False, is_staff=False)`
    : 'return get_user_model().objects.create_user(f\'user-{_next("user")}\')';
  return `def _superuser():
    """A superuser: every generated access policy lets one through."""
    ${superuser}


def _user(*roles):
    """A logged-in user who is neither staff nor superuser, in the groups \`roles\` (None is skipped)."""
    user = _user_row()
    for role in roles:
        if role is not None:
            user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def _user_row():
    ${ordinary}`;
}

/** The class attributes of an entity's test case that declare its permission matrix. */
export function accessAttributes(erd: Erd, entity: Entity): string[] {
  const lines: string[] = [];
  const set = (name: string, actions: readonly string[]): void => {
    lines.push(`${name} = frozenset(${actions.length === 0 ? '' : `{${actions.map(pyName).join(', ')}}`})`);
  };
  set('ordinary_may', ordinaryMay(erd, entity));
  const owner = ownerRelation(erd, entity);
  if (owner !== undefined) lines.push(`owner_field = ${pyName(owner.name)}`);
  if (isUserEntity(entity)) lines.push('is_user_model = True');
  if (owner !== undefined || isUserEntity(entity)) set('owner_may', ownerMay(erd, entity));
  const grants = roleGrants(erd, entity);
  if (grants.length > 0)
    lines.push(`role_grants = {${grants.map(([action, role]) => `${pyName(action)}: ${pyStr(role)}`).join(', ')}}`);
  return lines;
}

/** The shared access tests every buildable entity's case mixes in (see `accessAttributes`). */
export const ACCESS_MIXIN = `class AccessTests:
    """
    The permission matrix with exact statuses: an ordinary user on rows not theirs, the owner (or
    the user themself) on their own, and a member of each role that an action lists.
    """

    ordinary_may = frozenset()
    owner_may = frozenset()
    owner_field = None
    is_user_model = False
    role_grants = {}
    granted = {'create': 201, 'read': 200, 'update': 200, 'delete': 204}

    def _own_row(self, user):
        if self.is_user_model:
            return user
        if self.owner_field is not None:
            return self.make(**{self.owner_field: user})
        return self.make()

    def _attempt(self, action, user, obj=None):
        self.client.force_authenticate(user=user)
        if action == 'create':
            payload = self.payload()
            return self.client.post(_url(f'{self.route}-list'), payload, format=_format(payload))
        if action == 'read':
            return self.client.get(_url(f'{self.route}-detail', pk=obj.pk))
        if action == 'update':
            return self.client.patch(_url(f'{self.route}-detail', pk=obj.pk), {}, format='json')
        return self.client.delete(_url(f'{self.route}-detail', pk=obj.pk))

    def test_ordinary_user_on_rows_not_theirs(self):
        """A logged-in user without role or staff flag gets exactly what the policy grants."""
        obj = self.make()
        for action in ('read', 'update', 'delete', 'create'):
            with self.subTest(action=action):
                response = self._attempt(action, _user(), obj)
                expected = self.granted[action] if action in self.ordinary_may else status.HTTP_403_FORBIDDEN
                self.assertEqual(response.status_code, expected, getattr(response, 'data', None))

    def test_owner_on_own_rows(self):
        """The owner (or the user themself) may change and delete their own row as the policy says."""
        if self.owner_field is None and not self.is_user_model:
            self.skipTest('the rows have no owner')
        owner = _user(self.role_grants.get('update'), self.role_grants.get('delete'))
        obj = self._own_row(owner)
        for action in ('update', 'delete'):
            with self.subTest(action=action):
                response = self._attempt(action, owner, obj)
                expected = self.granted[action] if action in self.owner_may else status.HTTP_403_FORBIDDEN
                self.assertEqual(response.status_code, expected, getattr(response, 'data', None))

    def test_create_sets_the_owner_from_the_request(self):
        """The owner is the logged-in user, whatever the body says."""
        if self.owner_field is None or 'create' not in self.owner_may:
            self.skipTest('the rows have no owner, or owners may not create them')
        owner = _user(self.role_grants.get('create'))
        response = self._attempt('create', owner)
        self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)
        self.assertEqual(response.data[self.owner_field], owner.pk)
        self.assertTrue(self.model.objects.filter(pk=response.data[self.pk_field], **{self.owner_field: owner}).exists())

    def test_role_members_may_act(self):
        """A member of a role an action lists may perform it (on their own row when rows have owners)."""
        member = _user(*self.role_grants.values())
        obj = self._own_row(member) if set(self.role_grants) - {'create'} else None
        for action in ('read', 'update', 'delete', 'create'):
            if action not in self.role_grants:
                continue
            with self.subTest(action=action, role=self.role_grants[action]):
                response = self._attempt(action, member, obj)
                self.assertEqual(response.status_code, self.granted[action], getattr(response, 'data', None))

    def test_owner_without_the_role_is_refused(self):
        """Where changing a row needs a role, owning the row is not enough."""
        needed = [action for action in ('update', 'delete') if action in self.role_grants]
        if not needed or (self.owner_field is None and not self.is_user_model):
            self.skipTest('no role-limited change of owned rows')
        owner = _user()
        obj = self._own_row(owner)
        for action in needed:
            with self.subTest(action=action):
                response = self._attempt(action, owner, obj)
                self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)

    def test_role_members_may_not_change_rows_of_others(self):
        """Holding the role is not enough to change or delete another user's row."""
        needed = [action for action in ('update', 'delete') if action in self.role_grants]
        if not needed or self.owner_field is None:
            self.skipTest('no role-limited change of owned rows')
        member = _user(*self.role_grants.values())
        obj = self.make()
        for action in needed:
            with self.subTest(action=action):
                response = self._attempt(action, member, obj)
                self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)

    def test_me(self):
        """The user model answers /me/ with the logged-in user, and refuses anonymous clients."""
        if not self.is_user_model:
            self.skipTest('not the user model')
        user = _user()
        self.client.force_authenticate(user=user)
        response = self.client.get(_url(f'{self.route}-me'))
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        self.assertEqual(str(response.data[self.pk_field]), str(user.pk))
        self.client.force_authenticate(user=None)
        response = self.client.get(_url(f'{self.route}-me'))
        self.assertIn(response.status_code, (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN))`;
