/**
 * Semantic rules on URLs: router registrations name a viewset the urls module can see, prefixes
 * and basenames are unique, `include()` targets exist, and every `reverse('ns:name')` in the
 * project names a URL that some urls module defines.
 */
import { moduleName, type ProjectIndex } from './project-index';
import { finding, type Finding, type ParsedModule, type PyCall } from './types';

export interface UrlTable {
  /** URL names the urls modules define: `namespace:name` under an `app_name`, bare otherwise. */
  names: Set<string>;
  /** Viewset class names registered on a router anywhere. */
  registered: Set<string>;
}

const str = (v: { k: string; v?: unknown } | undefined): string | undefined =>
  v?.k === 'str' ? String(v.v) : undefined;

function basenameOf(index: ProjectIndex, call: PyCall): string | undefined {
  const given = str(call.kw.basename) ?? str(call.args[2]);
  if (given !== undefined) return given;
  const viewset = call.args[1]?.name?.split('.').pop();
  for (const m of index.modules.values()) {
    const qs = m.classes.find((c) => c.name === viewset)?.attrs.find((a) => a.name === 'queryset');
    const model = qs?.value.src.match(/^(\w+)\.objects/)?.[1];
    if (model) return model.toLowerCase();
  }
  return undefined;
}

/** Every URL name the project's urls modules define, and every registered viewset. */
export function urlTable(index: ProjectIndex): UrlTable {
  const names = new Set<string>();
  const registered = new Set<string>();
  for (const m of index.modules.values()) {
    const calls = m.calls.filter((c) => c.attr === 'register' && c.args.length >= 2 && !/admin/.test(c.func ?? ''));
    const paths = m.calls.filter((c) => c.attr === 'path' || c.attr === 're_path');
    if (calls.length === 0 && paths.length === 0) continue;
    const ns = str(m.assigns.find((a) => a.name === 'app_name')?.value);
    // With app_name set, Django only reverses the namespaced name.
    const add = (name: string) => names.add(ns === undefined ? name : `${ns}:${name}`);
    for (const c of calls) {
      const vs = c.args[1]?.name?.split('.').pop();
      if (vs) registered.add(vs);
      const base = basenameOf(index, c);
      if (base !== undefined) ['list', 'detail'].forEach((s) => add(`${base}-${s}`));
    }
    for (const p of paths) {
      const name = str(p.kw.name);
      if (name !== undefined) add(name);
    }
  }
  return { names, registered };
}

/** `semantic.unknown-viewset`, `semantic.duplicate-route`, `semantic.unresolved-include`, `semantic.unknown-url-name`. */
export function routeFindings(index: ProjectIndex, module: ParsedModule, table: UrlTable): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, string>();
  for (const c of module.calls) {
    if (c.attr === 'register' && c.args.length >= 2 && !/admin/.test(c.func ?? '')) {
      const vs = c.args[1];
      const head = vs?.name?.split('.')[0];
      if (vs?.k === 'name' && head !== undefined && !module.defs.includes(head)) {
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.unknown-viewset',
            module.path,
            c,
            `The router registers "${vs.src}", which this module neither defines nor imports.`,
          ),
        );
      }
      for (const [what, value] of [
        ['prefix', str(c.args[0])],
        ['basename', basenameOf(index, c)],
      ] as const) {
        if (value === undefined) continue;
        const key = `${what}:${value}`;
        if (seen.has(key)) {
          out.push(
            finding(
              'semantic',
              'error',
              'semantic.duplicate-route',
              module.path,
              c,
              `The router ${what} "${value}" is registered twice (first for ${seen.get(key)}).`,
            ),
          );
        } else seen.set(key, vs?.src ?? '?');
      }
    }
    if (c.attr === 'include') {
      const target = str(c.args[0]) ?? str(c.args[0]?.items?.[0]);
      const root = target?.split('.')[0];
      if (target !== undefined && root !== undefined && index.roots.has(root) && !index.moduleFiles.has(target)) {
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.unresolved-include',
            module.path,
            c,
            `include("${target}") names a module the project does not have.`,
          ),
        );
      }
    }
    if (c.attr === 'reverse') {
      const name = str(c.args[0]);
      if (name !== undefined && !table.names.has(name) && !name.startsWith('admin:')) {
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.unknown-url-name',
            module.path,
            c,
            `reverse("${name}") names a URL that no urls module of the project defines.`,
          ),
        );
      }
    }
  }
  return out;
}

/** True when `path` is a urls module (`…/urls.py`). */
export const isUrlsModule = (path: string): boolean => moduleName(path).endsWith('urls');
