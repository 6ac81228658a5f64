/**
 * The runtime layer's machinery: find a Django-capable Python, run a generated project's
 * `manage.py` (in a sandbox where one works), and start every child process the one safe way.
 */
export {
  findDjangoPython,
  pythonCandidates,
  DEFAULT_PYTHON_CANDIDATES,
  type DjangoPython,
  type FindPythonOptions,
} from './find-python';
export { runManage, type ManageOptions, type ManageResult } from './manage';
export {
  runProcess,
  spawnChild,
  cleanEnv,
  type ProcessResult,
  type RunProcessOptions,
  type SpawnChildOptions,
} from './process';
export { childEnv, detachSecrets, isSecretName, CHILD_ENV_ALLOWLIST, INTERACTIVE_ENV_ALLOWLIST } from './child-env';
export { findSandbox, bubblewrapArgs, macProfile, type Sandbox, type SandboxKind, type SandboxProbe } from './sandbox';
export { reapAll, trackedTempDir, tracked } from './reaper';
