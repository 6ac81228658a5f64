import { describe, expect, it } from 'vitest';
import type { BusinessRule, Erd } from '../../../src-shared/erd/model';
import { validateErd } from './index';

function base(extra: Partial<Erd> = {}): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'jobs' },
    entities: [
      {
        name: 'Job',
        fields: [
          { name: 'title', type: 'string' },
          { name: 'salary', type: 'decimal' },
        ],
      },
    ],
    relations: [],
    ...extra,
  };
}
const rows = (e: Erd) => validateErd(e).map((d) => [d.severity, d.code, d.path, d.message]);

describe('validateErd: project and apps', () => {
  it.each<[string, string, string]>([
    [
      'json',
      'erd.reserved-name',
      'The project name "json" would shadow the Python module of the same name; choose another.',
    ],
    ['auth', 'erd.reserved-name', 'The project name "auth" is already used by a django.contrib app.'],
    [
      'MyShop',
      'erd.invalid-identifier',
      'The project name "MyShop" must be lowercase letters, digits and underscores, starting with a letter.',
    ],
    [
      'my-shop',
      'erd.invalid-identifier',
      'The project name "my-shop" is not a valid Python identifier: use letters, digits and underscores, not starting with a digit.',
    ],
    ['lambda', 'erd.keyword', 'The project name "lambda" is a Python keyword and cannot be used as a name.'],
  ])('rejects the project name %s', (name, code, message) => {
    expect(rows(base({ project: { name } }))).toEqual([['error', code, 'project.name', message]]);
  });

  it('rejects bad, repeated and project-named app labels', () => {
    const erd = base({ project: { name: 'jobs', apps: ['board', 'sessions', 'board', 'jobs'] } });
    erd.entities[0] = { ...(erd.entities[0] as Erd['entities'][number]), app: 'django' };
    expect(rows(erd)).toEqual([
      [
        'error',
        'erd.reserved-name',
        'project.apps[1]',
        'The app label "sessions" is already used by a django.contrib app.',
      ],
      ['error', 'erd.duplicate-name', 'project.apps[2]', 'The app label "board" is listed twice.'],
      [
        'error',
        'erd.duplicate-name',
        'project.name',
        'The project name "jobs" is also an app label; the project package and an app cannot share a name.',
      ],
      [
        'error',
        'erd.reserved-name',
        'entities.Job.app',
        'The app label "django" would shadow the Python module of the same name; choose another.',
      ],
    ]);
  });

  it('rejects control characters in the project title', () => {
    expect(rows(base({ project: { name: 'jobs', title: 'Jobs\r\u0000' } }))).toEqual([
      [
        'error',
        'erd.unsafe-text',
        'project.title',
        'The project title "Jobs\\r\\u0000" contains a control character, which cannot be placed safely in generated code.',
      ],
    ]);
  });
});

describe('validateErd: business rules', () => {
  const withRule = (rule: BusinessRule) => rows(base({ rules: [rule] }));

  it('accepts rules that name real entities and fields, and ERD-wide rules', () => {
    expect(
      validateErd(
        base({
          rules: [
            { text: 'Salary must be positive', entity: 'Job', field: 'salary', kind: 'positive' },
            { text: 'Be nice' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it.each<[BusinessRule, string, string, string]>([
    [
      { text: 'x', entity: 'Jobb' },
      'error',
      'erd.unknown-entity',
      'The rule "x" applies to "Jobb", which is not an entity (did you mean "Job"?).',
    ],
    [
      { text: 'x', field: 'salary' },
      'error',
      'erd.invalid-reference',
      'The rule "x" names the field "salary" but no entity.',
    ],
    [
      { text: 'x', entity: 'Job', field: 'salry' },
      'error',
      'erd.unknown-field',
      'The rule "x" names "salry", which is not a field of Job (did you mean "salary"?).',
    ],
    [
      { text: 'x', entity: 'Job', field: 'salary', kind: 'range', min: 9, max: 1 },
      'error',
      'erd.invalid-range',
      'The rule "x" has min 9 greater than max 1.',
    ],
    [
      { text: 'x', entity: 'Job', field: 'salary', kind: 'range' },
      'error',
      'erd.invalid-range',
      'The range rule "x" needs a min or a max.',
    ],
    [
      { text: 'x', entity: 'Job', field: 'title', kind: 'pattern' },
      'error',
      'erd.rule-mismatch',
      'The pattern rule "x" needs a "pattern".',
    ],
    [
      { text: 'x', entity: 'Job', field: 'title', kind: 'pattern', pattern: '([a-z' },
      'error',
      'erd.unsafe-pattern',
      'The pattern "([a-z" of the rule "x" cannot be used: a character class is not closed with "]" (at character 2).',
    ],
    [
      { text: 'x', entity: 'Job', field: 'title', kind: 'positive' },
      'warning',
      'erd.rule-mismatch',
      'The positive rule "x" cannot be enforced on the string field Job.title; it is left as a TODO.',
    ],
    [
      { text: 'a\u0008b' },
      'error',
      'erd.unsafe-text',
      'The rule text "a\\bb" contains a control character, which cannot be placed safely in generated code.',
    ],
  ])('%j', (rule, severity, code, message) => {
    expect(withRule(rule)).toEqual([[severity, code, 'rules[0]', message]]);
  });
});

describe('validateErd: auth and API options', () => {
  it('checks roles and the roles and entities named in permissions', () => {
    const erd = base({
      auth: {
        roles: ['Admin', 'Admin', ' '],
        permissions: { Job: { create: ['Admin', 'Editor'] }, Jobs: { read: ['Admin'] } },
      },
    });
    expect(rows(erd)).toEqual([
      ['error', 'erd.duplicate-name', 'auth.roles[1]', 'The role "Admin" is listed twice.'],
      ['error', 'erd.invalid-value', 'auth.roles[2]', 'A role name cannot be empty.'],
      ['error', 'erd.unknown-role', 'auth.permissions.Job.create', 'The role "Editor" is not declared in auth.roles.'],
      [
        'error',
        'erd.unknown-entity',
        'auth.permissions.Jobs',
        'Permissions are given for "Jobs", which is not an entity (did you mean "Job"?).',
      ],
    ]);
  });

  it('checks the API base path', () => {
    expect(validateErd(base({ api: { basePath: 'api/v2' } }))).toEqual([]);
    expect(rows(base({ api: { basePath: "api'/" } }))).toEqual([
      [
        'error',
        'erd.invalid-value',
        'api.basePath',
        'The API base path "api\'/" must be URL segments of letters, digits, "-" and "_" separated by "/", e.g. "api".',
      ],
    ]);
  });
});
