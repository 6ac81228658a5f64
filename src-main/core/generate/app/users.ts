/**
 * The login user as generated code: the ERD's user entity (normalized ERDs mark it `isUser`)
 * becomes `class <Name>(AbstractUser)` — inheriting username, names, flags and password, which the
 * normalizer conformed to Django's definition — with `AUTH_USER_MODEL` pointing at it, every link
 * to it going through `settings.AUTH_USER_MODEL`, a write-only hashed password in the API, and a
 * `UserAdmin` in the admin. Ownership links (`owner: true`) are set from the request.
 */
import type { Entity, Erd, Field, Relation } from '../../../../src-shared/erd/model';
import { ABSTRACT_USER_FIELDS, PRIVILEGED_USER_FIELDS, userEntity } from '../../erd/infer-user';
import { appOf } from '../names';
import { modelFields } from './entities';
import { pyName } from './py-format';

export { userEntity };

/** Whether `entity` is the project's login user. */
export function isUserEntity(entity: Entity): boolean {
  return entity.isUser === true;
}

/** `'users.User'`: the value of `AUTH_USER_MODEL`, or null when the ERD has no user entity. */
export function authUserModel(erd: Erd): string | null {
  const user = userEntity(erd);
  return user === undefined ? null : `${appOf(erd, user)}.${user.name}`;
}

/** Whether the user model inherits this field from AbstractUser instead of declaring it. */
export function isInheritedUserField(field: Field): boolean {
  return ABSTRACT_USER_FIELDS[field.name] !== undefined;
}

/** The user's fields a client may read but never write (privileges and Django's bookkeeping). */
export function privilegedUserFields(entity: Entity): string[] {
  return modelFields(entity)
    .filter((f) => PRIVILEGED_USER_FIELDS.includes(f.name))
    .map((f) => f.name);
}

/**
 * `REQUIRED_FIELDS` of the user model: what `createsuperuser` asks for besides the username — the
 * email and every required ERD field without a default that Django does not fill itself.
 */
export function requiredUserFields(entity: Entity): string[] {
  return modelFields(entity)
    .filter(
      (f) =>
        f.name !== 'username' &&
        !isInheritedUserField(f) &&
        f.required !== false &&
        f.nullable !== true &&
        f.default === undefined &&
        f.autoNow !== true &&
        f.autoNowAdd !== true &&
        f.type !== 'json' &&
        f.type !== 'file' &&
        f.type !== 'image',
    )
    .map((f) => f.name);
}

/** The link that names an entity's owner (`owner: true`), if any. */
export function ownerRelation(erd: Erd, entity: Entity): Relation | undefined {
  return erd.relations.find((r) => r.from === entity.name && r.owner === true && r.kind !== 'manyToMany');
}

/** The user model's extra class body: `REQUIRED_FIELDS`, so createsuperuser asks for every required column. */
export function userModelExtras(entity: Entity): string {
  const required = requiredUserFields(entity);
  return `REQUIRED_FIELDS = [${required.map(pyName).join(', ')}]`;
}
