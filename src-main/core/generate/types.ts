/**
 * What every generator module hands back: a file of the generated Django project, the path it
 * takes relative to the project root, and the agent that owns it (so the pool can cache, validate,
 * review and regenerate each file through the agent that wrote it).
 */

/** The agents of the generation pipeline, one per kind of output file. */
export type AgentId =
  | 'models'
  | 'serializers'
  | 'views'
  | 'urls'
  | 'admin'
  | 'filters'
  | 'permissions'
  | 'app-config'
  | 'settings'
  | 'project'
  | 'tests'
  | 'docs';

/** One generated file: `path` is POSIX, relative to the project root (`shop/models.py`). */
export interface GeneratedFile {
  path: string;
  content: string;
  agent: AgentId;
}
