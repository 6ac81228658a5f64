/**
 * Django/DRF conventions that make a generated project pleasant to keep: readable `__str__`,
 * deterministic ordering (DRF warns about paginating unordered querysets), explicit `on_delete`,
 * named reverse relations, `select_related`/`prefetch_related` where a viewset serves relations,
 * pagination, an explicit `DEFAULT_AUTO_FIELD`, and no mutable default values.
 */
import { RELATION_FIELDS, findModel, type ProjectIndex } from './project-index';
import { finding, type Finding, type ParsedModule, type PyValue } from './types';

const MUTABLE_KINDS = new Set(['list', 'dict', 'set', 'comp']);

function modelFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const model of index.models.filter((m) => m.file === module.path)) {
    const cls = model.cls;
    if (!model.abstract && !cls.methods.some((m) => m.name === '__str__')) {
      out.push(
        finding(
          'best-practice',
          'warning',
          'best-practice.model-str',
          module.path,
          cls,
          `Model ${cls.name} has no __str__, so the admin and logs show "${cls.name} object (1)".`,
        ),
      );
    }
    if (!model.abstract && !cls.meta?.attrs.ordering) {
      out.push(
        finding(
          'best-practice',
          'warning',
          'best-practice.model-ordering',
          module.path,
          cls,
          `Model ${cls.name} has no Meta.ordering; paginated lists come back in an undefined order.`,
        ),
      );
    }
    for (const attr of cls.attrs) {
      const f = model.fields.get(attr.name);
      if (!f || f.line !== attr.line) continue;
      const kw = f.call.kw ?? {};
      if ((f.kind === 'ForeignKey' || f.kind === 'OneToOneField') && !kw.on_delete && (f.call.args ?? []).length < 2) {
        out.push(
          finding(
            'best-practice',
            'error',
            'best-practice.on-delete',
            module.path,
            f,
            `${cls.name}.${f.name} (${f.kind}) has no on_delete; Django requires it.`,
          ),
        );
      }
      if (RELATION_FIELDS.has(f.kind) && !kw.related_name) {
        out.push(
          finding(
            'best-practice',
            'info',
            'best-practice.related-name',
            module.path,
            f,
            `${cls.name}.${f.name} has no related_name; the reverse accessor defaults to "${cls.name.toLowerCase()}_set".`,
          ),
        );
      }
      if (kw.default && MUTABLE_KINDS.has(kw.default.k)) {
        out.push(
          finding(
            'best-practice',
            'warning',
            'best-practice.mutable-default',
            module.path,
            f,
            `${cls.name}.${f.name} has the mutable default ${kw.default.src}; every row would share one object — pass a callable (list, dict).`,
          ),
        );
      }
    }
  }
  return out;
}

function viewsetFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const cls of module.classes) {
    const qs = cls.attrs.find((a) => a.name === 'queryset');
    const modelName = qs?.value.src.match(/^(\w+)\.objects/)?.[1];
    if (!qs || !modelName) continue;
    const model = findModel(index, modelName, module.path);
    if (!model) continue;
    // Django's own user relations (groups, user_permissions) are not what the generated API serves.
    const kinds = [...model.fields.values()].filter((f) => !f.fromDjango).map((f) => f.kind);
    const needsSelect =
      kinds.some((k) => k === 'ForeignKey' || k === 'OneToOneField') && !cls.called.includes('select_related');
    const needsPrefetch = kinds.includes('ManyToManyField') && !cls.called.includes('prefetch_related');
    if (needsSelect || needsPrefetch) {
      const missing = [needsSelect && 'select_related', needsPrefetch && 'prefetch_related']
        .filter(Boolean)
        .join(' and ');
      out.push(
        finding(
          'best-practice',
          'warning',
          'best-practice.query-optimization',
          module.path,
          qs,
          `${cls.name} serves ${model.name}'s relations without ${missing}, which costs one query per row.`,
        ),
      );
    }
  }
  return out;
}

const dictGet = (value: PyValue | undefined, key: string): PyValue | undefined => {
  const i = value?.keys?.indexOf(key) ?? -1;
  return i >= 0 ? value?.values?.[i] : undefined;
};

function settingsFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  if (!module.assigns.some((a) => a.name === 'INSTALLED_APPS')) return [];
  const out: Finding[] = [];
  const rf = module.assigns.find((a) => a.name === 'REST_FRAMEWORK');
  const perView = () =>
    [...index.modules.values()].some((m) => m.classes.some((c) => c.attrs.some((a) => a.name === 'pagination_class')));
  if (!dictGet(rf?.value, 'DEFAULT_PAGINATION_CLASS') && !perView()) {
    out.push(
      finding(
        'best-practice',
        'warning',
        'best-practice.pagination',
        module.path,
        rf ?? { line: 1 },
        'No pagination is configured (REST_FRAMEWORK DEFAULT_PAGINATION_CLASS); list endpoints return every row.',
      ),
    );
  }
  const inAppConfig = [...index.modules.values()].some((m) =>
    m.classes.some((c) => c.attrs.some((a) => a.name === 'default_auto_field')),
  );
  if (!module.assigns.some((a) => a.name === 'DEFAULT_AUTO_FIELD') && !inAppConfig) {
    out.push(
      finding(
        'best-practice',
        'warning',
        'best-practice.default-auto-field',
        module.path,
        { line: 1 },
        'DEFAULT_AUTO_FIELD is not set; Django warns (models.W042) and the key type depends on the Django version.',
      ),
    );
  }
  return out;
}

/** Every best-practice finding of one module. */
export function bestPracticeFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  const out = [...modelFindings(index, module), ...viewsetFindings(index, module), ...settingsFindings(index, module)];
  for (const fn of module.functions) {
    for (const arg of fn.mutableDefaults) {
      const owner = fn.cls ? `${fn.cls}.${fn.name}` : fn.name;
      out.push(
        finding(
          'best-practice',
          'warning',
          'best-practice.mutable-default',
          module.path,
          fn,
          `${owner}() has a mutable default for "${arg}", shared between calls; default to None instead.`,
        ),
      );
    }
  }
  return out;
}
