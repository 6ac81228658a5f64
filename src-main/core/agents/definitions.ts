/**
 * The agents: one per kind of output, each with a version (bump it when its prompt or its
 * template changes meaning: it is part of every cache key), what it asks the model to improve,
 * whether the LLM engine refines it at all (routing tables and entry points gain nothing from a
 * model), and which agents' outputs its units read, for the same entity.
 */
import type { AgentId } from '../generate/types';

export interface AgentDefinition {
  id: AgentId;
  version: number;
  /** Whether the LLM engine sends this agent's Python units to the model. */
  refine: boolean;
  /** Agents whose unit for the same entity this agent's unit reads (and waits for). */
  dependsOn: readonly AgentId[];
  task: string;
}

const define = (id: AgentId, refine: boolean, dependsOn: readonly AgentId[], task: string): AgentDefinition => ({
  id,
  version: 1,
  refine,
  dependsOn,
  task,
});

export const AGENTS: Readonly<Record<AgentId, AgentDefinition>> = {
  models: define(
    'models',
    true,
    [],
    'Refine the Django model: field validators and constraints the business rules imply, clean() checks across fields, docstrings, Meta options. Keep field names and types.',
  ),
  serializers: define(
    'serializers',
    true,
    ['models'],
    'Refine the DRF serializer: validate_<field> and validate() methods for the business rules, read-only fields, docstrings. Keep the Meta.fields list.',
  ),
  filters: define(
    'filters',
    true,
    ['models'],
    'Refine the django-filter FilterSet: useful lookups for the fields and relations, docstrings. Keep the class name and Meta.model.',
  ),
  permissions: define(
    'permissions',
    true,
    [],
    'Refine the DRF permission policy for the roles of the ERD: object-level checks where the rules call for them, docstrings. Keep the class name and its base class.',
  ),
  views: define(
    'views',
    true,
    ['serializers', 'filters', 'permissions'],
    'Refine the DRF viewset: an efficient queryset (select_related/prefetch_related), filter/search/ordering settings, docstrings. Keep the class name, serializer and permissions.',
  ),
  urls: define('urls', false, ['views'], 'Keep the route registration.'),
  admin: define(
    'admin',
    true,
    ['models'],
    'Refine the ModelAdmin: list_display, list_filter, search_fields, autocomplete for relations. Keep the registration.',
  ),
  'app-config': define('app-config', false, [], 'Keep the AppConfig.'),
  settings: define(
    'settings',
    true,
    [],
    'Refine the Django settings module for production readiness without changing how it reads the environment. Keep every setting name the project uses.',
  ),
  project: define('project', false, [], 'Keep the file.'),
  tests: define(
    'tests',
    true,
    [],
    'Refine the API tests: cover the business rules and permissions with clear assertions. Keep every existing test passing against the generated code. A unit that holds only test-data functions (no test class) refines only how its data is built.',
  ),
  docs: define('docs', false, [], 'Keep the README.'),
};
