/**
 * The Djangos the runtime tests run generated projects on: the system's (3.2 on Debian 12) and
 * 4.2 and 5.2 from the cache `scripts/django-versions.sh` fills (`.cache/django/<version>/`, or
 * `$DJFORGE_DJANGO_CACHE`). A version that is not there is reported with how to get it, so a test
 * can skip it by name instead of passing silently.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findDjangoPython, type DjangoPython } from '../src-main/core/runtime';
import { REPO_ROOT } from './examples';

export interface DjangoTarget extends DjangoPython {
  /** `3.2`, `4.2` or `5.2`: the series the target stands for. */
  series: string;
}

export interface DjangoTargets {
  targets: DjangoTarget[];
  /** One line per series that could not be used, with the reason. */
  missing: { series: string; reason: string }[];
}

/** The extra series and where the script puts them. */
export const CACHED_SERIES: readonly string[] = ['4.2', '5.2'];

export function djangoCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.DJFORGE_DJANGO_CACHE ?? path.join(REPO_ROOT, '.cache/django');
}

/** `PYTHONPATH` of a cached series, or null when the script has not fetched it. */
export function cachedPythonPath(series: string, cache = djangoCacheDir()): string | null {
  const dir = path.join(cache, series);
  return existsSync(path.join(dir, '.complete')) ? path.join(dir, 'root/usr/lib/python3/dist-packages') : null;
}

/** Every Django this machine can run a generated project on, the system's first. */
export async function djangoTargets(): Promise<DjangoTargets> {
  const targets: DjangoTarget[] = [];
  const missing: DjangoTargets['missing'] = [];
  // The system's own Django: no PYTHONPATH, whatever DJFORGE_PYTHONPATH says.
  const system = await findDjangoPython(undefined, { pythonPath: '' });
  if (system) targets.push({ ...system, series: system.djangoVersion.split('.').slice(0, 2).join('.') });
  else missing.push({ series: '3.2', reason: 'no Python with Django and DRF (install python3-django)' });
  const cache = djangoCacheDir();
  for (const series of CACHED_SERIES) {
    const pythonPath = cachedPythonPath(series, cache);
    if (pythonPath === null) {
      missing.push({ series, reason: `not in ${cache}/${series} (run scripts/django-versions.sh)` });
      continue;
    }
    const found = await findDjangoPython(system?.python ?? '/usr/bin/python3', { env: {}, fallbacks: [], pythonPath });
    if (found?.djangoVersion.startsWith(`${series}.`)) targets.push({ ...found, series });
    else missing.push({ series, reason: `${pythonPath} does not import Django ${series} with DRF` });
  }
  return { targets, missing };
}
