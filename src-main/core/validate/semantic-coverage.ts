/**
 * Semantic rule against the ERD: every entity has its model (with every field and relation), its
 * serializer, viewset, router registration, admin registration and tests. Class names follow the
 * generator's naming module, so an LLM that renames a class is caught here.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { appOf, serializerClass, testCaseClass, viewSetClass } from '../generate/names';
import { findClass, type ProjectIndex } from './project-index';
import type { UrlTable } from './semantic-routes';
import { finding, type Finding } from './types';

/** Last segments of every model name registered with the admin (`admin.site.register` or `@admin.register`). */
function adminRegistered(index: ProjectIndex): Set<string> {
  const out = new Set<string>();
  const add = (name: string | undefined) => {
    if (name !== undefined) out.add(name.split('.').pop() ?? name);
  };
  for (const m of index.modules.values()) {
    for (const c of m.calls) {
      if (c.attr !== 'register' || !/admin/.test(c.func ?? '')) continue;
      const first = c.args[0];
      if (first?.items) for (const i of first.items) add(i.name);
      else add(first?.name);
    }
    for (const cls of m.classes) {
      for (const d of cls.decorators) if (d.attr === 'register') for (const a of d.args ?? []) add(a.name);
    }
  }
  return out;
}

function hasTests(index: ProjectIndex, entity: string): boolean {
  if (findClass(index, testCaseClass({ name: entity, fields: [] }))) return true;
  for (const [path, m] of index.modules) {
    if (!/(^|\/)tests?(\/|\.py$)|(^|\/)test_[^/]*\.py$/.test(path)) continue;
    if (m.classes.some((c) => c.name.startsWith(entity) && /Tests?$/.test(c.name))) return true;
  }
  return false;
}

/** Findings `semantic.missing-*` for every ERD entity the project does not fully cover. */
export function coverageFindings(index: ProjectIndex, erd: Erd, table: UrlTable): Finding[] {
  const out: Finding[] = [];
  const top = { line: 1, col: 1 };
  const registered = adminRegistered(index);
  const relationsFrom = new Map<string, string[]>();
  for (const r of erd.relations) {
    const list = relationsFrom.get(r.from);
    if (list) list.push(r.name);
    else relationsFrom.set(r.from, [r.name]);
  }
  for (const entity of erd.entities) {
    const app = appOf(erd, entity);
    const modelsFile = `${app}/models.py`;
    const model = index.models.find((m) => m.name === entity.name && m.app === app);
    if (!model) {
      if (index.all.get(modelsFile)?.syntax) continue;
      out.push(
        finding(
          'semantic',
          'error',
          'semantic.missing-model',
          modelsFile,
          top,
          `Entity ${entity.name} has no model class in ${modelsFile}.`,
        ),
      );
    } else {
      const wanted = [...entity.fields.map((f) => f.name), ...(relationsFrom.get(entity.name) ?? [])];
      for (const name of wanted) {
        if (model.fields.has(name)) continue;
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.missing-field',
            model.file,
            model.cls,
            `Model ${entity.name} lacks the ERD field "${name}".`,
          ),
        );
      }
    }
    const checks: [string, string, string, 'error' | 'warning'][] = [
      ['serializer', serializerClass(entity), `${app}/serializers.py`, 'error'],
      ['viewset', viewSetClass(entity), `${app}/views.py`, 'error'],
    ];
    for (const [what, cls, file, severity] of checks) {
      if (findClass(index, cls) || index.all.get(file)?.syntax) continue;
      out.push(
        finding(
          'semantic',
          severity,
          `semantic.missing-${what}`,
          file,
          top,
          `Entity ${entity.name} has no ${what} class ${cls}.`,
        ),
      );
    }
    if (
      findClass(index, viewSetClass(entity)) &&
      !table.registered.has(viewSetClass(entity)) &&
      !index.all.get(`${app}/urls.py`)?.syntax
    ) {
      out.push(
        finding(
          'semantic',
          'error',
          'semantic.missing-route',
          `${app}/urls.py`,
          top,
          `${viewSetClass(entity)} is not registered on any router, so ${entity.name} has no URL.`,
        ),
      );
    }
    if (model && !registered.has(entity.name) && !index.all.get(`${app}/admin.py`)?.syntax) {
      out.push(
        finding(
          'semantic',
          'warning',
          'semantic.missing-admin',
          `${app}/admin.py`,
          top,
          `Model ${entity.name} is not registered with the admin site.`,
        ),
      );
    }
    if (!hasTests(index, entity.name) && !index.all.get(`${app}/tests.py`)?.syntax) {
      out.push(
        finding(
          'semantic',
          'warning',
          'semantic.missing-tests',
          `${app}/tests.py`,
          top,
          `Entity ${entity.name} has no API test case (${testCaseClass(entity)}).`,
        ),
      );
    }
  }
  return out;
}
