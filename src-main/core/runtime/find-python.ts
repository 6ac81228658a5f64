/**
 * Which Python can run a generated project. The runtime layer (check, migrations, the generated
 * tests) is only meaningful with an interpreter that has Django and DRF installed, and the first
 * `python3` on PATH often lacks them, so candidates are probed in a fixed order and the first
 * one that can `import django, rest_framework` wins.
 */
import { runProcess } from './process';

export interface DjangoPython {
  /** The command or path to run. */
  python: string;
  /** `django.get_version()` of that interpreter, e.g. `3.2.25`. */
  djangoVersion: string;
  /** The `PYTHONPATH` the version was found with (e.g. an extracted Django 5.2), when one was given. */
  pythonPath?: string;
}

export interface FindPythonOptions {
  /** Environment to read `DJFORGE_PYTHON` from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Candidates tried after the explicit path and `DJFORGE_PYTHON`. */
  fallbacks?: readonly string[];
  /** Per-candidate probe timeout. Default 15 000 ms. */
  timeoutMs?: number;
  /**
   * `PYTHONPATH` for the probe and every later run (a Django other than the interpreter's own);
   * default `$DJFORGE_PYTHONPATH` of `env`.
   */
  pythonPath?: string;
}

/** The interpreters tried when neither an explicit path nor `DJFORGE_PYTHON` is given. */
export const DEFAULT_PYTHON_CANDIDATES: readonly string[] = ['/usr/bin/python3', 'python3', 'python'];

const PROBE = 'import django, rest_framework; print(django.get_version())';

/** The ordered, de-duplicated list of interpreters `findDjangoPython` probes. */
export function pythonCandidates(preferred?: string, options: FindPythonOptions = {}): string[] {
  const env = options.env ?? process.env;
  const list = [preferred, env.DJFORGE_PYTHON, ...(options.fallbacks ?? DEFAULT_PYTHON_CANDIDATES)];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const candidate of list) {
    const trimmed = candidate?.trim();
    if (!trimmed || seen.has(trimmed)) continue;
    seen.add(trimmed);
    out.push(trimmed);
  }
  return out;
}

/**
 * Probe, in order, an explicit path, `$DJFORGE_PYTHON`, `/usr/bin/python3`, `python3` and
 * `python` (each with the `PYTHONPATH` given, if any); resolve with the first that imports Django and DRF, or `null` when none does (the
 * caller then skips the runtime layer and says why).
 */
export async function findDjangoPython(
  preferred?: string,
  options: FindPythonOptions = {},
): Promise<DjangoPython | null> {
  const pythonPath = (options.pythonPath ?? (options.env ?? process.env).DJFORGE_PYTHONPATH)?.trim() || undefined;
  for (const python of pythonCandidates(preferred, options)) {
    const result = await runProcess(python, ['-c', PROBE], {
      timeoutMs: options.timeoutMs ?? 15_000,
      ...(pythonPath ? { env: { PYTHONPATH: pythonPath } } : {}),
    });
    const version = result.stdout.trim().split('\n').pop()?.trim() ?? '';
    if (result.code === 0 && /^\d+\.\d+/.test(version))
      return { python, djangoVersion: version, ...(pythonPath ? { pythonPath } : {}) };
  }
  return null;
}
