/**
 * The validator: every problem of an ERD at once, each with its path and a plain sentence. It
 * reads a normalized ERD (see normalize.ts) but never assumes validity, so it is also safe on a
 * document being edited. Entities and relations have their own modules; the project, rules, auth
 * and API options are checked here.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { BusinessRule, Erd, FieldType } from '../../../src-shared/erd/model';
import { CRUD_ACTIONS } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { checkErdLimits } from './limits';
import { checkPackageName, checkSafeText } from './name-checks';
import { error, q, warning } from './report';
import { checkPattern, patternSample } from './safe-pattern';
import { didYouMean } from './suggest';
import { validateDbNames } from './validate-db-names';
import { validateEntities } from './validate-entities';
import { validateRelations } from './validate-relations';
import { validateRoutes } from './validate-routes';

function validateProject(erd: Erd): Diagnostic[] {
  const { project } = erd;
  const out = checkPackageName(project.name, 'project name', 'project.name');
  if (project.title !== undefined) out.push(...checkSafeText(project.title, 'project title', 'project.title'));
  const apps = new Set<string>();
  (project.apps ?? []).forEach((app, i) => {
    const path = `project.apps[${i}]`;
    out.push(...checkPackageName(app, 'app label', path));
    if (apps.has(app)) out.push(error(ERD_CODES.duplicateName, path, `The app label ${q(app)} is listed twice.`));
    apps.add(app);
  });
  const labels = [...(project.apps ?? ['core']), ...erd.entities.flatMap((e) => (e.app === undefined ? [] : [e.app]))];
  if (labels.includes(project.name)) {
    out.push(
      error(
        ERD_CODES.duplicateName,
        'project.name',
        `The project name ${q(project.name)} is also an app label; the project package and an app cannot share a name.`,
      ),
    );
  }
  return out;
}

/** Roles become Django groups, whose names hold at most 150 characters. */
const ROLE_NAME_MAX = 150;

const NUMERIC: readonly FieldType[] = ['integer', 'bigInteger', 'float', 'decimal'];
const STRINGY: readonly FieldType[] = ['string', 'text', 'email', 'url', 'slug'];

/** The field types a structured rule kind can be enforced on. */
function kindFits(kind: BusinessRule['kind'], type: FieldType): boolean {
  switch (kind) {
    case 'positive':
    case 'nonNegative':
      return NUMERIC.includes(type);
    case 'range':
      return NUMERIC.includes(type) || STRINGY.includes(type);
    case 'minLength':
    case 'maxLength':
    case 'pattern':
      return STRINGY.includes(type);
    case 'unique':
      return type !== 'json';
    default:
      return true;
  }
}

function validateRule(erd: Erd, rule: BusinessRule, path: string): Diagnostic[] {
  const out: Diagnostic[] = checkSafeText(rule.text, 'rule text', path);
  const names = erd.entities.map((e) => e.name);
  const entity = rule.entity === undefined ? undefined : erd.entities.find((e) => e.name === rule.entity);
  if (rule.entity !== undefined && entity === undefined) {
    out.push(
      error(
        ERD_CODES.unknownEntity,
        path,
        `The rule ${q(rule.text)} applies to ${q(rule.entity)}, which is not an entity${didYouMean(rule.entity, names)}.`,
      ),
    );
  }
  if (rule.field !== undefined && rule.entity === undefined) {
    out.push(
      error(
        ERD_CODES.invalidReference,
        path,
        `The rule ${q(rule.text)} names the field ${q(rule.field)} but no entity.`,
      ),
    );
  }
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    out.push(
      error(ERD_CODES.invalidRange, path, `The rule ${q(rule.text)} has min ${rule.min} greater than max ${rule.max}.`),
    );
  }
  if (rule.kind === 'range' && rule.min === undefined && rule.max === undefined) {
    out.push(error(ERD_CODES.invalidRange, path, `The range rule ${q(rule.text)} needs a min or a max.`));
  }
  if (rule.kind === 'pattern') {
    if (rule.pattern === undefined)
      out.push(error(ERD_CODES.ruleMismatch, path, `The pattern rule ${q(rule.text)} needs a "pattern".`));
    else {
      const checked = checkPattern(rule.pattern);
      if (!checked.ok) {
        out.push(
          error(
            ERD_CODES.unsafePattern,
            path,
            `The pattern ${q(rule.pattern.slice(0, 80))} of the rule ${q(rule.text.slice(0, 80))} cannot be used: ${checked.problem}.`,
          ),
        );
      } else if (rule.field !== undefined && patternSample(rule.pattern) === null) {
        out.push(
          warning(
            ERD_CODES.unsafePattern,
            path,
            `No value matching the pattern ${q(rule.pattern)} could be found, so the generated tests cannot fill ${rule.entity ?? '?'}.${rule.field}.`,
          ),
        );
      }
    }
  }
  if (entity === undefined || rule.field === undefined) return out;
  const field = entity.fields.find((f) => f.name === rule.field);
  const isMember =
    field !== undefined ||
    (entity.timestamps === true && ['created_at', 'updated_at'].includes(rule.field)) ||
    erd.relations.some((r) => r.from === entity.name && r.name === rule.field);
  if (!isMember) {
    const members = entity.fields.map((f) => f.name);
    out.push(
      error(
        ERD_CODES.unknownField,
        path,
        `The rule ${q(rule.text)} names ${q(rule.field)}, which is not a field of ${entity.name}${didYouMean(rule.field, members)}.`,
      ),
    );
  } else if (field !== undefined && !kindFits(rule.kind, field.type)) {
    out.push(
      warning(
        ERD_CODES.ruleMismatch,
        path,
        `The ${rule.kind} rule ${q(rule.text)} cannot be enforced on the ${field.type} field ${entity.name}.${field.name}; it is left as a TODO.`,
      ),
    );
  }
  return out;
}

function validateAuth(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const roles = erd.auth?.roles ?? [];
  const seen = new Set<string>();
  roles.forEach((role, i) => {
    const path = `auth.roles[${i}]`;
    if (role.trim() === '') out.push(error(ERD_CODES.invalidValue, path, 'A role name cannot be empty.'));
    out.push(...checkSafeText(role, 'role name', path));
    if ([...role].length > ROLE_NAME_MAX) {
      out.push(
        error(
          ERD_CODES.invalidValue,
          path,
          `The role ${q(role.slice(0, 40))}… is longer than the ${ROLE_NAME_MAX} characters of a Django group name.`,
        ),
      );
    }
    if (seen.has(role)) out.push(error(ERD_CODES.duplicateName, path, `The role ${q(role)} is listed twice.`));
    seen.add(role);
  });
  const names = erd.entities.map((e) => e.name);
  for (const [entity, actions] of Object.entries(erd.auth?.permissions ?? {})) {
    const path = `auth.permissions.${entity}`;
    if (!names.includes(entity)) {
      out.push(
        error(
          ERD_CODES.unknownEntity,
          path,
          `Permissions are given for ${q(entity)}, which is not an entity${didYouMean(entity, names)}.`,
        ),
      );
    }
    for (const action of CRUD_ACTIONS) {
      for (const role of actions[action] ?? []) {
        if (seen.has(role)) continue;
        out.push(
          error(
            ERD_CODES.unknownRole,
            `${path}.${action}`,
            `The role ${q(role)} is not declared in auth.roles${didYouMean(role, roles)}.`,
          ),
        );
      }
    }
  }
  return out;
}

function validateApi(erd: Erd): Diagnostic[] {
  const base = erd.api?.basePath;
  if (base === undefined || /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(base)) return [];
  return [
    error(
      ERD_CODES.invalidValue,
      'api.basePath',
      `The API base path ${JSON.stringify(base)} must be URL segments of letters, digits, "-" and "_" separated by "/", e.g. "api".`,
    ),
  ];
}

/**
 * Every problem of `erd`, in document order: project, entities, routes, relations, rules, auth, API.
 * An ERD beyond the size bounds (limits.ts) gets only those errors.
 */
export function validateErd(erd: Erd): Diagnostic[] {
  const limits = checkErdLimits(erd);
  if (limits.length > 0) return limits;
  return [
    ...validateProject(erd),
    ...validateEntities(erd),
    ...validateDbNames(erd),
    ...validateRoutes(erd),
    ...validateRelations(erd),
    ...(erd.rules ?? []).flatMap((rule, i) => validateRule(erd, rule, `rules[${i}]`)),
    ...validateAuth(erd),
    ...validateApi(erd),
  ];
}
