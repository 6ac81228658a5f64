/**
 * The two settings that name something on disk the engine later runs or writes: `pythonPath`
 * (an interpreter the runtime layer executes) and `cacheDir`. A page request must never be able
 * to point them at any executable or folder; hosts choose who may change them (`refuse`: only the
 * command line that started the host; `check`: the app's settings, after checking the value).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Settings, SettingsPatch } from '../../../src-shared/api';
import { systemFolders } from './capabilities';
import { DjForgeError } from '../errors';
import { runProcess } from '../runtime/process';

export type SettingsPathPolicy = 'refuse' | 'check';

const PYTHON_NAME = /^python(\d+(\.\d+)?)?(\.exe)?$/i;
const PROBE = "import sys; print('djforge-python', sys.version_info[0], sys.version_info[1])";

/**
 * Checks that `candidate` is really a Python 3 interpreter: a regular executable file named like
 * one that, run isolated (`-I`, no site, an empty environment), answers the probe. Returns its
 * `major.minor`; throws a sentence naming the path and the problem.
 */
export async function checkPythonInterpreter(candidate: string, timeoutMs = 5000): Promise<string> {
  const refuse = (reason: string) => new DjForgeError('settings.invalid', `pythonPath ${candidate}: ${reason}.`);
  if (!path.isAbsolute(candidate)) throw refuse('give the full path of the interpreter');
  let real: string;
  try {
    real = await fs.realpath(candidate);
    const stat = await fs.stat(real);
    if (!stat.isFile()) throw refuse('it is not a regular file');
    if (process.platform !== 'win32' && (stat.mode & 0o111) === 0) throw refuse('it is not executable');
  } catch (e) {
    if (e instanceof DjForgeError) throw e;
    throw refuse('it does not exist');
  }
  if (!PYTHON_NAME.test(path.basename(candidate)) && !PYTHON_NAME.test(path.basename(real)))
    throw refuse('it is not named like a Python interpreter (python, python3, python3.12…)');
  // Through the one child starter: a clean environment without secrets, its group killed on timeout.
  const probe = await runProcess(real, ['-I', '-S', '-c', PROBE], { timeoutMs });
  const answer = probe.code === 0 ? probe.stdout.trim() : '';
  const match = /^djforge-python (\d+) (\d+)$/.exec(answer);
  if (!match || match[1] !== '3') throw refuse('it did not answer as a Python 3 interpreter');
  return `${match[1]}.${match[2]}`;
}

function checkCacheDir(dir: string): void {
  const refuse = (reason: string) => new DjForgeError('settings.invalid', `cacheDir ${dir}: ${reason}.`);
  if (!path.isAbsolute(dir)) throw refuse('give the full path of the folder');
  const absolute = path.resolve(dir);
  const hit = systemFolders().find((d) => absolute === d || absolute.startsWith(d + path.sep));
  if (hit || path.dirname(absolute) === absolute) throw refuse(`it is a system folder (${hit ?? absolute})`);
}

/**
 * Refuses (policy `refuse`) or checks (policy `check`) every change the patch makes to
 * `pythonPath` or `cacheDir`. Sending the current value back unchanged is always fine, so a
 * settings form that posts every field keeps working.
 */
export async function guardSettingsPaths(
  patch: SettingsPatch,
  current: Settings,
  policy: SettingsPathPolicy,
  hint: string,
): Promise<void> {
  for (const key of ['pythonPath', 'cacheDir'] as const) {
    const next = patch[key];
    if (next === undefined || next === current[key]) continue;
    if (policy === 'refuse')
      throw new DjForgeError('settings.host-only', `${key} cannot be changed from the page: ${hint}`);
    if (next === null) continue;
    if (key === 'pythonPath') await checkPythonInterpreter(next);
    else checkCacheDir(next);
  }
}
