/**
 * Django apps from the diagram's groups. A 150-entity ERD in one app becomes one `models.py`,
 * `serializers.py`, `views.py` and `tests.py` of many thousand lines each, one migration and one
 * admin page listing everything — files nobody can review. People who group their tables
 * (dbdiagram's TableGroups, the editor's groups) have already drawn the seams, so a large ERD with
 * groups is split along them; a smaller one only when asked (`--groups-as-apps`). Entities the ERD
 * places in an app keep it, and the split is always reported.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { checkPackageName } from './name-checks';
import { info, warning } from './report';
import { NameScope, attributeName } from './schema-names';

/** More entities than this in one app, with groups drawn, and the ERD is split by group. */
export const LARGE_ERD_ENTITIES = 40;

/** `auto`: split only a large ERD that places no entity itself; `always`: the person asked. */
export type AppSplit = 'auto' | 'always';

/** A group's app label: its name as a Python package, made safe and unique. */
function labelFor(name: string, scope: NameScope): string {
  let base = attributeName(name).replace(/_field$/, '');
  if (base === '' || !/^[a-z]/.test(base)) base = `app_${base}`;
  if (checkPackageName(base, 'app label', 'layout.groups').length > 0) base = `${base}_app`;
  return scope.claim(base);
}

/**
 * Moves the entities of each layout group into an app named after the group (in place) and lists
 * the apps in `project.apps`. Returns what it did, or why it did nothing when the person asked.
 */
export function appsFromGroups(erd: Erd, mode: AppSplit): Diagnostic[] {
  const names = new Set(erd.entities.map((e) => e.name));
  const groups = (erd.layout?.groups ?? [])
    .map((g) => ({ name: g.name, entities: g.entities.filter((n) => names.has(n)) }))
    .filter((g) => g.entities.length > 0);
  if (mode === 'always' && groups.length === 0) {
    return [
      warning(ERD_CODES.appsFromGroups, 'layout.groups', 'The ERD has no groups, so every entity stays in its app.'),
    ];
  }
  if (mode === 'auto') {
    const placed = erd.entities.some((e) => e.app !== undefined) || (erd.project.apps?.length ?? 0) > 1;
    if (placed || groups.length < 2 || erd.entities.length <= LARGE_ERD_ENTITIES) return [];
  }
  const scope = new NameScope();
  scope.claim(erd.project.name);
  const defaultApp = erd.project.apps?.[0] ?? 'core';
  const split: { group: string; label: string; count: number }[] = [];
  const assigned = new Set<string>();
  for (const group of groups) {
    const label = labelFor(group.name, scope);
    let count = 0;
    for (const entity of erd.entities) {
      if (!group.entities.includes(entity.name) || entity.app !== undefined || assigned.has(entity.name)) continue;
      entity.app = label;
      assigned.add(entity.name);
      count++;
    }
    if (count > 0) split.push({ group: group.name, label, count });
  }
  if (split.length === 0) return [];
  const leftInDefault = erd.entities.some((e) => e.app === undefined);
  const apps = [...(leftInDefault || erd.project.apps !== undefined ? [defaultApp] : []), ...(erd.project.apps ?? [])];
  erd.project.apps = [...new Set([...apps, ...split.map((s) => s.label)])];
  const list = split.map((s) => `${s.group} → ${s.label} (${s.count})`).join(', ');
  const why =
    mode === 'auto'
      ? `${erd.entities.length} entities are too many for one app (more than ${LARGE_ERD_ENTITIES}), so each group became a Django app`
      : 'Each group became a Django app (--groups-as-apps)';
  const rest = leftInDefault ? `; entities outside a group stay in ${defaultApp}` : '';
  return [
    info(
      ERD_CODES.appsFromGroups,
      'layout.groups',
      `${why}: ${list}${rest}. Give entities an app of their own in the ERD to place them otherwise.`,
    ),
  ];
}
