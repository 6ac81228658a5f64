/**
 * The project-level files of a generated Django project (everything outside the apps): entry
 * points, settings, the root URLconf, requirements, deployment files and the README.
 */
import type { Erd } from '../../../../src-shared/erd/model';
import type { GeneratedFile } from '../types';
import { composeText, DOCKERIGNORE, dockerfileText, envExampleText, GITIGNORE, requirementsText } from './deploy';
import { asgiCode, manageCode, packageInitCode, wsgiCode } from './entrypoints';
import { projectOptions } from './options';
import { readmeText } from './readme';
import { settingsCode } from './settings';
import { projectUrlsCode } from './urls';
import { apiModuleCode } from './api-module';

export { projectOptions, apiPrefix, type ProjectOptions, type AuthScheme } from './options';

/** Every project-level file for the ERD, in a stable order (callers sort the whole project by path). */
export function projectFiles(erd: Erd): GeneratedFile[] {
  const options = projectOptions(erd);
  const pkg = options.package;
  return [
    { path: 'manage.py', content: manageCode(pkg), agent: 'project' },
    { path: `${pkg}/__init__.py`, content: packageInitCode(options.title), agent: 'project' },
    { path: `${pkg}/settings.py`, content: settingsCode(erd), agent: 'settings' },
    { path: `${pkg}/urls.py`, content: projectUrlsCode(erd), agent: 'urls' },
    { path: `${pkg}/api.py`, content: apiModuleCode(options), agent: 'project' },
    { path: `${pkg}/wsgi.py`, content: wsgiCode(pkg), agent: 'project' },
    { path: `${pkg}/asgi.py`, content: asgiCode(pkg), agent: 'project' },
    { path: 'requirements.txt', content: requirementsText(options), agent: 'project' },
    { path: '.env.example', content: envExampleText(options), agent: 'project' },
    { path: 'Dockerfile', content: dockerfileText(options), agent: 'project' },
    { path: 'docker-compose.yml', content: composeText(options), agent: 'project' },
    { path: '.dockerignore', content: DOCKERIGNORE, agent: 'project' },
    { path: '.gitignore', content: GITIGNORE, agent: 'project' },
    { path: 'README.md', content: readmeText(erd), agent: 'docs' },
  ];
}
