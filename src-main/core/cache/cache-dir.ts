/**
 * Where the disk cache lives when the host does not say: `--cache-dir`, else `AGENT_CACHE_DIR`
 * (several people can point at one shared folder), else `$XDG_CACHE_HOME/djforge`, else
 * `~/.cache/djforge`. Every host goes through `chooseCacheDir` (core/run/engine.ts), the app with
 * its cache-folder setting as the explicit choice, so the CLI and the app share one cache.
 */
import path from 'node:path';

export interface CacheDirInput {
  explicit?: string;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  cwd: string;
}

/** The absolute cache folder for the flag, environment and home folder given. */
export function resolveCacheDir(input: CacheDirInput): string {
  const chosen = input.explicit ?? nonEmpty(input.env['AGENT_CACHE_DIR']);
  if (chosen !== undefined) return path.resolve(input.cwd, chosen);
  const xdg = nonEmpty(input.env['XDG_CACHE_HOME']);
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, 'djforge');
  return path.join(input.home, '.cache', 'djforge');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
