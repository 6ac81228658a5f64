/**
 * The files of one Django app, as the offline engine writes them. Each per-entity file kind is
 * described once in `APP_FILE_KINDS` (its agent, its file, how to make its units and assemble
 * them), so the agent pool can regenerate a single unit and reassemble the file the same way
 * `appFiles` does. `tests.py` is not here: it has its own kind (`generate/tests/kind.ts`), whose
 * units read the entities their test data builds, not only their own.
 */
import type { Erd } from '../../../../src-shared/erd/model';
import type { AgentId, GeneratedFile } from '../types';
import { pyIdentifier } from './py-format';
import { adminUnits, assembleAdmin } from './admin';
import { appConfigUnits, assembleAppConfig } from './app-config';
import { apiOptions } from './entities';
import { assembleFilters, filtersUnits } from './filters';
import { assembleModels, modelsUnits } from './models';
import { assemblePermissions, permissionsUnits } from './permissions';
import { assembleSerializers, serializersUnits } from './serializers';
import type { CodeUnit } from './unit';
import { assembleUrls, urlsUnits } from './urls';
import { assembleViews, viewsUnits } from './views';

/** One kind of per-app Python file built from units. */
export interface AppFileKind {
  agent: AgentId;
  /** File name inside the app package, e.g. `serializers.py`. */
  file: string;
  /** Whether the ERD asks for this file at all (filters.py only when filtering is on). */
  wanted(erd: Erd): boolean;
  units(erd: Erd, app: string): CodeUnit[];
  assemble(erd: Erd, app: string, units: readonly CodeUnit[]): string;
}

const always = (): boolean => true;

let session: WeakMap<Erd, Map<string, readonly CodeUnit[]>> | null = null;

/**
 * Runs `run` with the units of every `APP_FILE_KINDS` entry computed once per ERD object, app and
 * kind: the template engine and the run plan both ask for them, and building them twice costs
 * ~100 ms at 500 entities. Only for a synchronous `run` over ERDs nobody mutates meanwhile; the
 * memo ends with it, so a later call (an edited ERD) computes afresh.
 */
export function withSharedUnits<T>(run: () => T): T {
  const outer = session;
  session = outer ?? new WeakMap();
  try {
    return run();
  } finally {
    session = outer;
  }
}

function shared(file: string, make: (erd: Erd, app: string) => CodeUnit[]): (erd: Erd, app: string) => CodeUnit[] {
  return (erd, app) => {
    if (!session) return make(erd, app);
    let byKey = session.get(erd);
    if (!byKey) session.set(erd, (byKey = new Map()));
    const key = `${file}\0${app}`;
    let units = byKey.get(key);
    if (!units) byKey.set(key, (units = make(erd, app)));
    return [...units];
  };
}

/** Every unit-built file of an app, in the order `appFiles` returns them. */
export const APP_FILE_KINDS: readonly AppFileKind[] = [
  {
    agent: 'app-config',
    file: 'apps.py',
    wanted: always,
    units: shared('apps.py', appConfigUnits),
    assemble: assembleAppConfig,
  },
  {
    agent: 'models',
    file: 'models.py',
    wanted: always,
    units: shared('models.py', modelsUnits),
    assemble: assembleModels,
  },
  {
    agent: 'serializers',
    file: 'serializers.py',
    wanted: always,
    units: shared('serializers.py', serializersUnits),
    assemble: assembleSerializers,
  },
  {
    agent: 'filters',
    file: 'filters.py',
    wanted: (erd) => apiOptions(erd).filtering,
    units: shared('filters.py', filtersUnits),
    assemble: assembleFilters,
  },
  {
    agent: 'permissions',
    file: 'permissions.py',
    wanted: always,
    units: shared('permissions.py', permissionsUnits),
    assemble: assemblePermissions,
  },
  { agent: 'views', file: 'views.py', wanted: always, units: shared('views.py', viewsUnits), assemble: assembleViews },
  { agent: 'urls', file: 'urls.py', wanted: always, units: shared('urls.py', urlsUnits), assemble: assembleUrls },
  { agent: 'admin', file: 'admin.py', wanted: always, units: shared('admin.py', adminUnits), assemble: assembleAdmin },
];

/**
 * Every file of app `app` except tests.py: the package and migrations `__init__.py` (empty), then
 * each wanted kind of `APP_FILE_KINDS`. Paths are `<app>/<file>`; the same ERD always gives the
 * same files byte for byte. Throws an Error naming the entity/field when the ERD cannot be
 * generated (it must have been normalized and validated first).
 */
export function appFiles(erd: Erd, app: string): GeneratedFile[] {
  const dir = pyIdentifier(app);
  const files: GeneratedFile[] = [
    { path: `${dir}/__init__.py`, content: '', agent: 'app-config' },
    { path: `${dir}/migrations/__init__.py`, content: '', agent: 'models' },
  ];
  for (const kind of APP_FILE_KINDS) {
    if (!kind.wanted(erd)) continue;
    files.push({
      path: `${dir}/${kind.file}`,
      content: kind.assemble(erd, app, kind.units(erd, app)),
      agent: kind.agent,
    });
  }
  return files;
}
