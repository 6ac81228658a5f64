/**
 * Semantic rules for mistakes no import-time check reaches: a name read but never bound (a
 * `NameError` on the first request that runs that line), an import nothing reads, a setting
 * written from outside settings.py, a class (or method) defined twice in one file, where the later
 * copy silently replaces the earlier one, and models or fields the ERD does not have.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { appOf } from '../generate/names';
import type { ProjectIndex } from './project-index';
import { finding, type Finding, type ParsedModule } from './types';

/** `semantic.undefined-name`, `semantic.unused-import`, `semantic.setting-outside-settings`, `semantic.duplicate-*`. */
export function nameFindings(module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const [name, line, col] of module.undefined ?? []) {
    out.push(
      finding(
        'semantic',
        'error',
        'semantic.undefined-name',
        module.path,
        { line, col },
        `"${name}" is read here but never defined or imported: NameError when this line runs.`,
      ),
    );
  }
  for (const [name, line, col] of module.unused ?? []) {
    out.push(
      finding(
        'semantic',
        'warning',
        'semantic.unused-import',
        module.path,
        { line, col },
        `"${name}" is imported but never used.`,
      ),
    );
  }
  for (const [line, col, target] of module.settingWrites ?? []) {
    out.push(
      finding(
        'semantic',
        'error',
        'semantic.setting-outside-settings',
        module.path,
        { line, col },
        `${target} is changed from ${module.path}; settings belong in settings.py (a change here applies to the whole process, in whatever order modules load).`,
      ),
    );
  }
  const seen = new Map<string, number>();
  for (const cls of module.classes) {
    const first = seen.get(cls.name);
    if (first !== undefined) {
      out.push(
        finding(
          'semantic',
          'error',
          'semantic.duplicate-class',
          module.path,
          cls,
          `class ${cls.name} is defined again (first at line ${first}); this copy silently replaces the first.`,
        ),
      );
    } else seen.set(cls.name, cls.line);
    const methods = new Map<string, number>();
    for (const m of cls.methods) {
      const before = methods.get(m.name);
      const accessor = module.functions.some(
        (f) =>
          f.cls === cls.name &&
          f.line === m.line &&
          f.decorators.some((d) => /\.(setter|deleter|getter)$|overload$/.test(d.src)),
      );
      if (before !== undefined && !accessor) {
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.duplicate-method',
            module.path,
            m,
            `${cls.name}.${m.name}() is defined again (first at line ${before}); this copy silently replaces the first.`,
          ),
        );
      } else if (before === undefined) methods.set(m.name, m.line);
    }
  }
  return out;
}

/** Fields the generator adds to an entity beyond the ERD's own (timestamps). */
const GENERATED_FIELDS = new Set(['created_at', 'updated_at']);

/**
 * `semantic.model-not-in-erd` and `semantic.field-not-in-erd`: drift from the ERD in the apps it
 * generates. A warning (it lowers the score, so the file is not approved without a look): the
 * model may have added it on purpose, but a NOT NULL extra field breaks every create request.
 */
export function driftFindings(index: ProjectIndex, erd: Erd): Finding[] {
  const out: Finding[] = [];
  const apps = new Set(erd.entities.map((e) => appOf(erd, e)));
  const entities = new Map(erd.entities.map((e) => [`${appOf(erd, e)}.${e.name}`, e]));
  for (const model of index.models) {
    if (!apps.has(model.app) || !model.file.endsWith('models.py') || model.abstract) continue;
    const entity = entities.get(`${model.app}.${model.name}`);
    if (!entity) {
      out.push(
        finding(
          'semantic',
          'warning',
          'semantic.model-not-in-erd',
          model.file,
          model.cls,
          `Model ${model.name} is not an entity of the ERD; approve it only if it was meant to be added.`,
        ),
      );
      continue;
    }
    const known = new Set([
      ...entity.fields.map((f) => f.name),
      ...erd.relations.filter((r) => r.from === entity.name).map((r) => r.name),
      ...GENERATED_FIELDS,
    ]);
    for (const attr of model.cls.attrs) {
      const field = model.fields.get(attr.name);
      if (!field || field.line !== attr.line || known.has(attr.name)) continue;
      const kw = field.call.kw ?? {};
      const required = !kw.null && !kw.default && field.kind !== 'ManyToManyField' && !/Auto/.test(field.kind);
      out.push(
        finding(
          'semantic',
          'warning',
          'semantic.field-not-in-erd',
          model.file,
          field,
          `${model.name}.${attr.name} is not a field of the ERD entity${required ? ' (and it is required, so creating a row without it fails)' : ''}.`,
        ),
      );
    }
  }
  return out;
}
