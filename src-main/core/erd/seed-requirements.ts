/**
 * The requirement sections of the seed's later format — `business_rules`, `auth_requirements`,
 * `api_requirements` — mapped onto the ERD's rules, auth and api options. Every value is checked;
 * what has no equivalent is reported rather than dropped silently.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import {
  CRUD_ACTIONS,
  type ApiOptions,
  type Auth,
  type BusinessRule,
  type EntityPermissions,
} from '../../../src-shared/erd/model';
import { inferRuleKind } from './business-rules';
import { ERD_CODES } from './diagnostic-codes';
import { error, info, q, warning } from './report';
import { isRecord } from './json-text';
import type { SourceMap } from './source-map';
import { didYouMean } from './suggest';

type Out = { diagnostics: Diagnostic[]; map: SourceMap };

function unknownKeys(
  out: Out,
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  pointer: (string | number)[],
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    out.map.record(`${path}.${key}`, [...pointer, key]);
    out.diagnostics.push(
      warning(
        ERD_CODES.unknownKey,
        `${path}.${key}`,
        `Unknown property ${q(key)} is ignored${didYouMean(key, known)}.`,
      ),
    );
  }
}

/** `business_rules: [{ rule, applies_to, field }]` → rules, with the kind inferred from the sentence. */
export function mapBusinessRules(raw: unknown, out: Out): BusinessRule[] {
  out.map.record('rules', ['business_rules']);
  if (!Array.isArray(raw)) {
    out.diagnostics.push(
      error(
        ERD_CODES.invalidValue,
        'rules',
        'business_rules must be a list of { "rule", "applies_to", "field" } objects.',
      ),
    );
    return [];
  }
  const rules: BusinessRule[] = [];
  raw.forEach((item: unknown, i) => {
    const path = `rules[${i}]`;
    out.map.record(path, ['business_rules', i]);
    const text = typeof item === 'string' ? item : isRecord(item) ? item.rule : undefined;
    if (typeof text !== 'string' || text.trim() === '') {
      out.diagnostics.push(error(ERD_CODES.invalidValue, path, 'A business rule needs its sentence in "rule".'));
      return;
    }
    const rule: BusinessRule = { text };
    if (isRecord(item)) {
      unknownKeys(out, item, ['rule', 'applies_to', 'field'], path, ['business_rules', i]);
      for (const [key, target] of [
        ['applies_to', 'entity'],
        ['field', 'field'],
      ] as const) {
        const v = item[key];
        if (v === undefined || v === null) continue;
        if (typeof v === 'string') rule[target] = v;
        else out.diagnostics.push(error(ERD_CODES.invalidValue, path, `"${key}" of a business rule must be a name.`));
      }
    }
    const shape = inferRuleKind(text);
    Object.assign(rule, shape);
    if (shape.kind !== 'custom') {
      const bounds = [
        shape.min === undefined ? '' : ` min ${shape.min}`,
        shape.max === undefined ? '' : ` max ${shape.max}`,
      ].join('');
      out.diagnostics.push(
        info(ERD_CODES.requirementMapped, path, `The rule ${q(text)} was read as a ${shape.kind} rule${bounds}.`),
      );
    }
    rules.push(rule);
  });
  return rules;
}

const SCHEMES: Readonly<Record<string, Auth['schemes']>> = {
  jwt: ['session', 'jwt'],
  token: ['session', 'token'],
  session: ['session'],
};

function stringList(raw: unknown): string[] | null {
  return Array.isArray(raw) && raw.every((r) => typeof r === 'string') ? (raw as string[]) : null;
}

/** `auth_requirements: { authentication, roles, permissions }` → auth. */
export function mapAuth(raw: unknown, out: Out): Auth | undefined {
  out.map.record('auth', ['auth_requirements']);
  if (!isRecord(raw)) {
    out.diagnostics.push(error(ERD_CODES.invalidValue, 'auth', 'auth_requirements must be an object.'));
    return undefined;
  }
  unknownKeys(out, raw, ['authentication', 'roles', 'permissions'], 'auth', ['auth_requirements']);
  const auth: Auth = {};
  if (raw.authentication !== undefined) {
    out.map.record('auth.schemes', ['auth_requirements', 'authentication']);
    const name = typeof raw.authentication === 'string' ? raw.authentication.trim().toLowerCase() : '';
    const schemes = SCHEMES[name];
    if (schemes === undefined) {
      out.diagnostics.push(
        error(
          ERD_CODES.invalidValue,
          'auth.schemes',
          `authentication ${JSON.stringify(raw.authentication)} is not supported: use "JWT", "Token" or "Session".`,
        ),
      );
    } else {
      auth.schemes = schemes;
      out.diagnostics.push(
        info(
          ERD_CODES.requirementMapped,
          'auth.schemes',
          `authentication ${JSON.stringify(raw.authentication)} → schemes ${schemes?.join(' + ')}.`,
        ),
      );
    }
  }
  if (raw.roles !== undefined) {
    out.map.record('auth.roles', ['auth_requirements', 'roles']);
    const roles = stringList(raw.roles);
    if (roles === null)
      out.diagnostics.push(error(ERD_CODES.invalidValue, 'auth.roles', 'roles must be a list of role names.'));
    else auth.roles = roles;
  }
  if (raw.permissions !== undefined) {
    const permissions = mapPermissions(raw.permissions, out);
    if (permissions !== undefined) auth.permissions = permissions;
  }
  return auth;
}

function mapPermissions(raw: unknown, out: Out): Record<string, EntityPermissions> | undefined {
  out.map.record('auth.permissions', ['auth_requirements', 'permissions']);
  if (!isRecord(raw)) {
    out.diagnostics.push(
      error(
        ERD_CODES.invalidValue,
        'auth.permissions',
        'permissions must map entity names to { create, read, update, delete } role lists.',
      ),
    );
    return undefined;
  }
  const result: Record<string, EntityPermissions> = {};
  for (const [entity, actions] of Object.entries(raw)) {
    const path = `auth.permissions.${entity}`;
    const pointer = ['auth_requirements', 'permissions', entity];
    out.map.record(path, pointer);
    if (!isRecord(actions)) {
      out.diagnostics.push(
        error(ERD_CODES.invalidValue, path, `Permissions of ${q(entity)} must map actions to role lists.`),
      );
      continue;
    }
    unknownKeys(out, actions, CRUD_ACTIONS, path, pointer);
    const perms: EntityPermissions = {};
    for (const action of CRUD_ACTIONS) {
      if (actions[action] === undefined) continue;
      out.map.record(`${path}.${action}`, [...pointer, action]);
      const roles = stringList(actions[action]);
      if (roles === null)
        out.diagnostics.push(
          error(ERD_CODES.invalidValue, `${path}.${action}`, `${action} must be a list of role names.`),
        );
      else perms[action] = roles;
    }
    result[entity] = perms;
  }
  return result;
}

function flag(raw: Record<string, unknown>, key: string, out: Out): boolean | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  out.map.record(`api.${key}`, ['api_requirements', key]);
  out.diagnostics.push(error(ERD_CODES.invalidValue, `api.${key}`, `${key} must be true or false.`));
  return undefined;
}

function mapVersioning(v: unknown, out: Out): ApiOptions['versioning'] {
  out.map.record('api.versioning', ['api_requirements', 'versioning']);
  if (v === true) return 'url';
  if (v === false || v === null) return 'none';
  const text = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (['url', 'path', 'urlpathversioning'].includes(text)) return 'url';
  if (['none', 'no', ''].includes(text) && typeof v === 'string') return 'none';
  out.diagnostics.push(
    error(
      ERD_CODES.invalidValue,
      'api.versioning',
      `versioning ${JSON.stringify(v)} is not supported: use "url" or "none".`,
    ),
  );
  return undefined;
}

/** `api_requirements: { format, pagination, filtering, versioning, … }` → api options. */
export function mapApi(raw: unknown, out: Out): ApiOptions | undefined {
  out.map.record('api', ['api_requirements']);
  if (!isRecord(raw)) {
    out.diagnostics.push(error(ERD_CODES.invalidValue, 'api', 'api_requirements must be an object.'));
    return undefined;
  }
  unknownKeys(out, raw, ['format', 'pagination', 'filtering', 'search', 'ordering', 'versioning', 'openapi'], 'api', [
    'api_requirements',
  ]);
  const api: ApiOptions = {};
  if (raw.format !== undefined && (typeof raw.format !== 'string' || raw.format.trim().toUpperCase() !== 'REST')) {
    out.map.record('api.format', ['api_requirements', 'format']);
    out.diagnostics.push(
      warning(
        ERD_CODES.invalidValue,
        'api.format',
        `format ${JSON.stringify(raw.format)} is ignored: the generated API is always REST.`,
      ),
    );
  }
  const pagination = raw.pagination;
  if (typeof pagination === 'boolean') api.pagination = pagination;
  else if (typeof pagination === 'number' && Number.isInteger(pagination) && pagination > 0)
    api.pagination = { pageSize: pagination };
  else if (pagination !== undefined) {
    out.map.record('api.pagination', ['api_requirements', 'pagination']);
    out.diagnostics.push(
      error(ERD_CODES.invalidValue, 'api.pagination', 'pagination must be true, false or a positive page size.'),
    );
  }
  for (const key of ['filtering', 'search', 'ordering', 'openapi'] as const) {
    const value = flag(raw, key, out);
    if (value !== undefined) api[key] = value;
  }
  if (raw.versioning !== undefined) {
    const versioning = mapVersioning(raw.versioning, out);
    if (versioning !== undefined) api.versioning = versioning;
  }
  return api;
}
