/**
 * Running the analyzer: one Python process for all files of a project (starting an interpreter
 * per file would cost more than parsing them), fed on stdin, answering JSON on stdout. The
 * interpreter only needs the standard library, so any Python ≥ 3.9 will do, Django or not.
 */
import os from 'node:os';
import { runProcess } from '../runtime/process';
import { ANALYZER_SCRIPT } from './analyzer-script';
import { SECURITY_POLICY, fileKind, projectRoots } from './security-policy';
import type { PyModule, SourceFile } from './types';

export interface AnalyzerResult {
  python: string;
  version: string;
  modules: PyModule[];
  /** CPU time of the analyzer processes: their sum, and the largest one (the wall-time floor on idle cores). */
  cpuMs: { total: number; max: number };
}

/** Interpreters probed for the analyzer, after `$DJFORGE_PYTHON`. */
export const ANALYZER_CANDIDATES: readonly string[] = ['/usr/bin/python3', 'python3', 'python'];

const PROBE =
  'import sys, ast; assert sys.version_info >= (3, 9); print(sys.version.split()[0]); print(sys.executable)';

interface Completed {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One analyzer process (own process group, allowlisted environment), fed `input` on stdin. */
function run(command: string, args: readonly string[], input: string, timeoutMs: number): Promise<Completed> {
  return runProcess(command, args, { input, timeoutMs });
}

const found = new Map<string, Promise<{ python: string; version: string } | null>>();

/**
 * The first interpreter of `[preferred, $DJFORGE_PYTHON, ...ANALYZER_CANDIDATES]` that runs
 * Python ≥ 3.9, resolved to its `sys.executable`, or null. Memoised per candidate list, because a
 * validation run asks many times.
 */
export function findAnalyzerPython(
  preferred?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ python: string; version: string } | null> {
  const list = [
    ...new Set([preferred, env.DJFORGE_PYTHON, ...ANALYZER_CANDIDATES].filter((c): c is string => !!c?.trim())),
  ];
  const key = list.join('\0');
  let pending = found.get(key);
  if (!pending) {
    pending = (async () => {
      for (const python of list) {
        const r = await run(python, ['-I', '-c', PROBE], '', 10_000);
        const [version = '', executable = ''] = r.stdout.trim().split('\n');
        // The real executable, not a launcher such as a pyenv shim that costs seconds per start.
        if (r.code === 0 && /^\d+\.\d+/.test(version))
          return { python: executable.trim() || python, version: version.trim() };
      }
      return null;
    })();
    found.set(key, pending);
  }
  return pending;
}

/** Errors from the analyzer process itself (not from the files it judges). */
export class AnalyzerError extends Error {
  override name = 'AnalyzerError';
}

/** Files split into at most `count` groups of similar total size (largest first, into the lightest group). */
export function balance<T extends SourceFile>(files: readonly T[], count: number): T[][] {
  const groups = Array.from({ length: Math.max(1, count) }, () => ({ size: 0, files: [] as T[] }));
  for (const f of [...files].sort((a, b) => b.content.length - a.content.length)) {
    const lightest = groups.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(f);
    lightest.size += f.content.length;
  }
  return groups.map((g) => g.files).filter((g) => g.length > 0);
}

/** Below this many bytes of Python one process is faster than starting several. */
const PARALLEL_FROM_BYTES = 256 * 1024;

async function analyzeGroup(
  python: string,
  files: readonly SourceFile[],
  roots: ReadonlySet<string>,
  timeoutMs: number,
): Promise<{ version: string; modules: PyModule[]; cpuMs: number }> {
  const input = JSON.stringify({
    policy: SECURITY_POLICY,
    roots: [...roots],
    files: files.map((f) => ({ path: f.path, content: f.content, kind: fileKind(f.path) })),
  });
  const r = await run(python, ['-I', '-c', ANALYZER_SCRIPT], input, timeoutMs);
  if (r.code !== 0) {
    const tail = r.stderr.trim().split('\n').slice(-3).join(' ');
    throw new AnalyzerError(
      `The Python analyzer (${python}) failed with exit code ${String(r.code)}: ${tail || 'no output'}`,
    );
  }
  try {
    const parsed = JSON.parse(r.stdout) as { python: string; cpuMs?: number; files: PyModule[] };
    return { version: parsed.python, modules: parsed.files, cpuMs: parsed.cpuMs ?? 0 };
  } catch (e) {
    throw new AnalyzerError(
      `The Python analyzer (${python}) answered something that is not JSON: ${(e as Error).message}`,
    );
  }
}

/**
 * Parse and describe every `.py` file of `files`, in input order. A large project is split over
 * up to as many `python -I` processes as there are cores (at most 4), balanced by size; a small
 * one uses one. Rejects with an `AnalyzerError` naming the interpreter when it crashes or answers
 * something that is not JSON.
 */
export async function runAnalyzer(
  python: string,
  files: readonly SourceFile[],
  timeoutMs = 60_000,
): Promise<AnalyzerResult> {
  const pyFiles = files.filter((f) => f.path.endsWith('.py'));
  const bytes = pyFiles.reduce((n, f) => n + f.content.length, 0);
  const workers = Math.min(os.availableParallelism(), 4, Math.ceil(bytes / PARALLEL_FROM_BYTES));
  const roots = projectRoots(pyFiles);
  const results = await Promise.all(
    balance(pyFiles, workers).map((group) => analyzeGroup(python, group, roots, timeoutMs)),
  );
  const byPath = new Map(results.flatMap((r) => r.modules.map((m) => [m.path, m] as const)));
  const modules = pyFiles.map((f) => byPath.get(f.path)).filter((m): m is PyModule => m !== undefined);
  const cpu = results.map((r) => r.cpuMs);
  return {
    python,
    version: results[0]?.version ?? '',
    modules,
    cpuMs: { total: cpu.reduce((a, b) => a + b, 0), max: Math.max(0, ...cpu) },
  };
}
