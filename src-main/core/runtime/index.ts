/** The runtime layer: find a Django-capable Python and run a generated project's `manage.py`. */
export {
  findDjangoPython,
  pythonCandidates,
  DEFAULT_PYTHON_CANDIDATES,
  type DjangoPython,
  type FindPythonOptions,
} from './find-python';
export { runManage, type ManageOptions, type ManageResult } from './manage';
export { runProcess, cleanEnv, type ProcessResult, type RunProcessOptions } from './process';
