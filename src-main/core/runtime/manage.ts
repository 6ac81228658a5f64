/**
 * Running `manage.py` of a generated project: the one operation the runtime validator and the
 * acceptance tests need. The project is run exactly as a user would run it, from its own folder,
 * with a clean environment and a hard timeout so a hanging migration or test cannot stall a run.
 */
import { runProcess, type ProcessResult } from './process';

export interface ManageOptions {
  /** Kill `manage.py` after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
  /** Extra environment variables (e.g. `DEBUG`, `SECRET_KEY`) on top of the clean environment. */
  env?: Record<string, string>;
}

export type ManageResult = ProcessResult;

/** `python manage.py <args…>` in `projectDir`; resolves (never rejects) with code, output and time. */
export function runManage(
  python: string,
  projectDir: string,
  args: readonly string[],
  options: ManageOptions = {},
): Promise<ManageResult> {
  return runProcess(python, ['manage.py', ...args], {
    cwd: projectDir,
    env: options.env,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
}
