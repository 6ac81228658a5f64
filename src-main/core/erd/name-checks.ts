/**
 * The checks every name that ends up in generated Python must pass. One function per kind of name,
 * each returning every problem it finds (not just the first), phrased for the person who wrote
 * the ERD: what is wrong, why Django or Python refuses it, and what would work.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { ERD_CODES } from './diagnostic-codes';
import { DJANGO_CONTRIB_APP_LABELS, PYTHON_KEYWORDS, RESERVED_MODULE_NAMES } from './python-names';
import { error, q, warning } from './report';
import { RESERVED_ENTITY_NAMES, RESERVED_FIELD_NAMES } from './reserved-names';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// eslint-disable-next-line no-control-regex
const UNSAFE_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** True when `text` holds a control character other than line feed and tab. */
export function hasUnsafeControl(text: string): boolean {
  return UNSAFE_CONTROL.test(text);
}

/** `erd.unsafe-text` for a name or label holding control characters, else nothing. */
export function checkSafeText(text: string, what: string, path: string): Diagnostic[] {
  if (!hasUnsafeControl(text)) return [];
  return [
    error(
      ERD_CODES.unsafeText,
      path,
      `The ${what} ${JSON.stringify(text)} contains a control character, which cannot be placed safely in generated code.`,
    ),
  ];
}

/** Identifier and keyword checks shared by every kind of name; `undefined` when the name is unusable. */
function basicChecks(name: string, what: string, path: string): Diagnostic[] {
  const unsafe = checkSafeText(name, what, path);
  if (unsafe.length > 0) return unsafe;
  if (!IDENTIFIER.test(name)) {
    return [
      error(
        ERD_CODES.invalidIdentifier,
        path,
        `The ${what} ${q(name)} is not a valid Python identifier: use letters, digits and underscores, not starting with a digit.`,
      ),
    ];
  }
  if (PYTHON_KEYWORDS.has(name)) {
    return [error(ERD_CODES.keyword, path, `The ${what} ${q(name)} is a Python keyword and cannot be used as a name.`)];
  }
  return [];
}

/** Rules Django's system checks apply to field and reverse-accessor names. */
function lookupSafety(name: string, what: string, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (name.includes('__')) {
    out.push(
      error(
        ERD_CODES.invalidIdentifier,
        path,
        `The ${what} ${q(name)} contains "__", which Django reserves for query lookups.`,
      ),
    );
  }
  if (name.endsWith('_')) {
    out.push(
      error(ERD_CODES.invalidIdentifier, path, `The ${what} ${q(name)} ends with "_", which Django does not allow.`),
    );
  }
  return out;
}

/** A model field or relation name (`allowPrimaryKey`: a uuid field may be called `id`). */
export function checkFieldName(name: string, path: string, what = 'field name', allowPrimaryKey = false): Diagnostic[] {
  const basic = basicChecks(name, what, path);
  if (basic.length > 0) return basic;
  const reason = RESERVED_FIELD_NAMES.get(name);
  if (reason !== undefined && !(allowPrimaryKey && name === 'id')) {
    return [error(ERD_CODES.reservedName, path, `The ${what} ${q(name)} cannot be used: ${reason}.`)];
  }
  return lookupSafety(name, what, path);
}

/** A model class name; `others` are the other entity names, for `<Other>Serializer`-like collisions. */
export function checkEntityName(name: string, path: string, suffixCollision?: string): Diagnostic[] {
  const basic = basicChecks(name, 'entity name', path);
  if (basic.length > 0) return basic;
  const reason = RESERVED_ENTITY_NAMES.get(name);
  if (reason !== undefined) {
    return [error(ERD_CODES.reservedName, path, `The entity name ${q(name)} cannot be used: ${reason}.`)];
  }
  const out: Diagnostic[] = [];
  if (name.startsWith('_') || name.endsWith('_') || name.includes('__')) {
    out.push(
      error(
        ERD_CODES.invalidIdentifier,
        path,
        `The entity name ${q(name)} starts or ends with "_" or contains "__", which Django's query lookups do not allow.`,
      ),
    );
  }
  if (suffixCollision !== undefined) {
    out.push(
      error(
        ERD_CODES.reservedName,
        path,
        `The entity name ${q(name)} collides with the class generated for entity ${q(suffixCollision)}; rename it.`,
      ),
    );
  }
  if (out.length === 0 && !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    out.push(
      warning(
        ERD_CODES.invalidIdentifier,
        path,
        `The entity name ${q(name)} is not PascalCase (e.g. "OrderItem"), as Django models usually are.`,
      ),
    );
  }
  return out;
}

/** A Django app label or the project package name: an importable, non-shadowing Python package. */
export function checkPackageName(name: string, what: 'app label' | 'project name', path: string): Diagnostic[] {
  const basic = basicChecks(name, what, path);
  if (basic.length > 0) return basic;
  if (RESERVED_MODULE_NAMES.has(name.toLowerCase())) {
    return [
      error(
        ERD_CODES.reservedName,
        path,
        `The ${what} ${q(name)} would shadow the Python module of the same name; choose another.`,
      ),
    ];
  }
  if (DJANGO_CONTRIB_APP_LABELS.has(name)) {
    return [error(ERD_CODES.reservedName, path, `The ${what} ${q(name)} is already used by a django.contrib app.`)];
  }
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    return [
      error(
        ERD_CODES.invalidIdentifier,
        path,
        `The ${what} ${q(name)} must be lowercase letters, digits and underscores, starting with a letter.`,
      ),
    ];
  }
  return [];
}
