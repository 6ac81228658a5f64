/**
 * Which entity is the system's login user, and what that means for the ERD. The user becomes a
 * custom `AbstractUser` model (cookiecutter-django's layout: its own `users` app), so the fields
 * AbstractUser already has are conformed to Django's definition (the generator inherits them
 * rather than redeclaring them), a missing `username` is added, and a `password` column is
 * dropped: Django stores it hashed and the API takes it write-only. Every change is reported.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Entity, Erd, Field } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { entityPath, fieldPath, info, q, warning } from './report';

/** Entity names that are the user when they carry a login field (first match wins, in this order). */
export const USER_ENTITY_NAMES: readonly string[] = ['User', 'Member', 'Account', 'Customer'];

/** Fields that make an entity a login account. */
const LOGIN_FIELDS: readonly string[] = ['email', 'username', 'password', 'user_name', 'login'];

/** The app the user model lives in when the ERD does not place it. */
export const USERS_APP = 'users';

/**
 * AbstractUser's own fields as ERD fields, with Django's options: the generator inherits these
 * (except `email`, which it redeclares as unique) and the API and tests read them from here.
 */
export const ABSTRACT_USER_FIELDS: Readonly<Record<string, Field>> = {
  username: { name: 'username', type: 'string', maxLength: 150, unique: true },
  first_name: { name: 'first_name', type: 'string', maxLength: 150, required: false },
  last_name: { name: 'last_name', type: 'string', maxLength: 150, required: false },
  is_active: { name: 'is_active', type: 'boolean', default: true },
  is_staff: { name: 'is_staff', type: 'boolean', default: false },
  is_superuser: { name: 'is_superuser', type: 'boolean', default: false },
  date_joined: { name: 'date_joined', type: 'datetime', default: 'now' },
  last_login: { name: 'last_login', type: 'datetime', nullable: true, required: false },
};

/** Inherited fields a client may never write: they grant privileges or record Django's own bookkeeping. */
export const PRIVILEGED_USER_FIELDS: readonly string[] = ['is_staff', 'is_superuser', 'last_login', 'date_joined'];

/** The ERD's user entity (normalized ERDs mark it with `isUser`), or undefined when it has none. */
export function userEntity(erd: Erd): Entity | undefined {
  return erd.entities.find((e) => e.isUser === true);
}

function pickUser(erd: Erd): { user: Entity | undefined; diagnostics: Diagnostic[] } {
  const flagged = erd.entities.filter((e) => e.isUser === true);
  const diagnostics: Diagnostic[] = [];
  for (const extra of flagged.slice(1)) {
    extra.isUser = false;
    diagnostics.push(
      warning(
        ERD_CODES.userInferred,
        entityPath(extra.name),
        `${q(extra.name)} is marked as the user, but ${q(flagged[0]?.name ?? '')} already is; a project has one login user, so ${q(extra.name)} stays a plain model.`,
      ),
    );
  }
  if (flagged[0] !== undefined) return { user: flagged[0], diagnostics };
  for (const name of USER_ENTITY_NAMES) {
    const entity = erd.entities.find((e) => e.name === name && e.isUser === undefined);
    if (entity !== undefined && entity.fields.some((f) => LOGIN_FIELDS.includes(f.name))) {
      diagnostics.push(
        info(
          ERD_CODES.userInferred,
          entityPath(entity.name),
          `${q(entity.name)} has login fields, so it is the login user: a custom AbstractUser model (AUTH_USER_MODEL). Set "isUser": false to keep it a plain model.`,
        ),
      );
      return { user: entity, diagnostics };
    }
  }
  return { user: undefined, diagnostics };
}

function conformFields(user: Entity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (name: string): string => fieldPath(user.name, name);
  const password = user.fields.findIndex((f) => f.name === 'password');
  if (password >= 0) {
    user.fields.splice(password, 1);
    out.push(
      info(
        ERD_CODES.userInferred,
        at('password'),
        `${user.name}.password is AbstractUser's hashed password: the API takes it write-only and never returns it.`,
      ),
    );
  }
  if (!user.fields.some((f) => f.name === 'username')) {
    user.fields.unshift({ ...(ABSTRACT_USER_FIELDS.username as Field) });
    out.push(
      info(ERD_CODES.userInferred, at('username'), `${user.name} gets AbstractUser's unique username to log in with.`),
    );
  }
  user.fields.forEach((field, i) => {
    const django = ABSTRACT_USER_FIELDS[field.name];
    if (django !== undefined) {
      user.fields[i] = { ...django, ...(field.helpText === undefined ? {} : { helpText: field.helpText }) };
      if (field.type !== django.type) {
        out.push(
          warning(
            ERD_CODES.userInferred,
            at(field.name),
            `${user.name}.${field.name} is AbstractUser's ${django.type} field; the ERD's ${field.type} type is replaced.`,
          ),
        );
      }
    } else if (field.name === 'email' && (field.type === 'email' || field.type === 'string')) {
      if (field.type === 'string') {
        field.type = 'email';
        out.push(
          info(
            ERD_CODES.userInferred,
            at('email'),
            `${user.name}.email holds the login email, so it is an EmailField.`,
          ),
        );
      }
      if (field.unique !== undefined) return;
      field.unique = true;
      out.push(
        info(
          ERD_CODES.constraintInferred,
          at('email'),
          `${user.name}.email is unique: two accounts cannot share an email.`,
        ),
      );
    }
  });
  return out;
}

/**
 * Marks the user entity (`isUser: true`), places it in the `users` app unless the ERD gives an
 * app, and conforms its fields to AbstractUser. In place; returns what it did.
 */
export function inferUser(erd: Erd): Diagnostic[] {
  const { user, diagnostics } = pickUser(erd);
  if (user === undefined) return diagnostics;
  user.isUser = true;
  user.app ??= USERS_APP;
  return [...diagnostics, ...conformFields(user)];
}
