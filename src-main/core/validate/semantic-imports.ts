/**
 * Semantic rule: every import of a project module resolves to a project file, and every name
 * imported from it is defined there. Imports of anything outside the project (Django, DRF, the
 * standard library) are not judged here; the runtime layer catches a missing package.
 */
import { moduleName, type ProjectIndex } from './project-index';
import { finding, type Finding, type ParsedModule, type PyImport } from './types';

/** The dotted module a relative import names, or null when it climbs above the top-level package. */
function absoluteModule(fromPath: string, imp: PyImport): string | null {
  if (imp.level === 0) return imp.module ?? '';
  const pkg = moduleName(fromPath).split('.');
  if (!fromPath.endsWith('__init__.py')) pkg.pop();
  if (imp.level > pkg.length) return null;
  const base = pkg.slice(0, pkg.length - (imp.level - 1));
  return [...base, ...(imp.module ? [imp.module] : [])].join('.');
}

function moduleExists(index: ProjectIndex, name: string): boolean {
  return index.moduleFiles.has(name) || index.packages.has(name);
}

/** Findings `semantic.unresolved-import` and `semantic.unresolved-name` for one module. */
export function importFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const imp of module.imports) {
    if (imp.module === '__future__') continue;
    const resolved = imp.module === null && imp.level === 0 ? null : absoluteModule(module.path, imp);
    if (imp.level > 0 && resolved === null) {
      out.push(
        finding(
          'semantic',
          'error',
          'semantic.unresolved-import',
          module.path,
          imp,
          `The relative import ${'.'.repeat(imp.level)}${imp.module ?? ''} climbs above the project's top-level package (ImportError at run time).`,
        ),
      );
      continue;
    }
    const targets = resolved === null ? imp.names.map(([n]) => n) : [resolved];
    for (const target of targets) {
      const root = target.split('.')[0] ?? '';
      const inProject = imp.level > 0 || index.roots.has(root);
      if (!inProject) continue;
      if (!moduleExists(index, target)) {
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.unresolved-import',
            module.path,
            imp,
            `Module "${target}" is imported but no file of the project defines it.`,
          ),
        );
        continue;
      }
      if (imp.module === null && imp.level === 0) continue;
      const file = index.moduleFiles.get(target);
      const defining = file ? index.modules.get(file) : undefined;
      if (file && !defining) continue; // the target has a syntax error, reported on its own file
      for (const [name] of imp.names) {
        if (name === '*') continue;
        const defined = defining?.defs.includes(name) ?? false;
        if (!defined && !moduleExists(index, `${target}.${name}`)) {
          out.push(
            finding(
              'semantic',
              'error',
              'semantic.unresolved-name',
              module.path,
              imp,
              `"${name}" is imported from "${target}", which does not define it.`,
            ),
          );
        }
      }
    }
  }
  return out;
}
