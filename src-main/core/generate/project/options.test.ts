import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { apiPrefix, projectOptions } from './options';

function withApi(api: Erd['api'], auth?: Erd['auth']): Erd {
  return { ...plainErd(), api, auth };
}

describe('projectOptions', () => {
  it('applies the documented defaults to an ERD that says nothing', () => {
    expect(projectOptions({ ...plainErd(), api: undefined, auth: undefined })).toEqual({
      package: 'notes',
      title: 'notes',
      description: '',
      apps: ['core'],
      schemes: ['token', 'session'],
      pageSize: 20,
      filtering: true,
      search: true,
      ordering: true,
      version: null,
      openapi: true,
      basePath: 'api',
      images: false,
      authUserModel: null,
      publicDocs: false,
    });
  });

  it('reads every option of a two-app ERD with images', () => {
    const options = projectOptions(shopErd());
    expect(options.apps).toEqual(['shop', 'crm']);
    expect(options.title).toBe('Shop');
    expect(options.images).toBe(true);
  });

  it('orders auth schemes JWT, token, session whatever order the ERD lists them in', () => {
    expect(projectOptions(withApi({}, { schemes: ['session', 'jwt'] })).schemes).toEqual(['jwt', 'session']);
    expect(projectOptions(withApi({}, { schemes: [] })).schemes).toEqual([]);
  });

  it('takes the page size, turns pagination off, and sets the URL version', () => {
    expect(projectOptions(withApi({ pagination: { pageSize: 7 } })).pageSize).toBe(7);
    expect(projectOptions(withApi({ pagination: false })).pageSize).toBeNull();
    expect(projectOptions(withApi({ versioning: 'url' })).version).toBe('v1');
    expect(projectOptions(withApi({ versioning: 'none' })).version).toBeNull();
  });

  it('normalizes the base path and mounts the API at the root when it is empty', () => {
    const rest = projectOptions(withApi({ basePath: '/rest/v/' }));
    expect(rest.basePath).toBe('rest/v');
    expect(apiPrefix(rest)).toBe('rest/v/');
    expect(apiPrefix(projectOptions(withApi({ basePath: '/' })))).toBe('');
  });

  it('rejects a base path that could break out of a URL pattern', () => {
    expect(() => projectOptions(withApi({ basePath: "api')" }))).toThrow(
      "api.basePath: 'api')' may hold only letters, digits, '_', '-' and '/'",
    );
  });

  it('rejects a project name that is not a package or that an app also uses', () => {
    expect(() => projectOptions({ ...plainErd(), project: { name: 'My-Site' } })).toThrow(
      "project.name: 'My-Site' is not a lower-case Python package name",
    );
    expect(() => projectOptions({ ...plainErd(), project: { name: 'core' } })).toThrow(
      "project.name: 'core' is also an app label; the project package and an app cannot share a name",
    );
  });
});
