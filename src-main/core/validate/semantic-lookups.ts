/**
 * Semantic rule on names Django resolves only when a request uses them: `search_fields`,
 * `ordering`, `ordering_fields`, `filterset_fields` of views, `list_display`, `list_filter`,
 * `search_fields`, `ordering` of admin classes, and `select_related`/`prefetch_related`/`order_by`/
 * `only`/`defer` in querysets — each path followed across relations (`category__name`). A
 * misspelling there passes `manage.py check` and answers 500 (`FieldError`) on `?search=x`.
 */
import { RELATION_FIELDS, findModel, stringItems, type ModelInfo, type ProjectIndex } from './project-index';
import { finding, type Finding, type ParsedModule, type PyClass, type PyPos } from './types';

/** Lookups and transforms a path may end with after a concrete field. */
const LOOKUPS = new Set(
  'exact iexact contains icontains in gt gte lt lte startswith istartswith endswith iendswith range date year iso_year month day week week_day iso_week_day quarter time hour minute second isnull regex iregex search unaccent trigram_similar len keys values'.split(
    ' ',
  ),
);
const VIEW_ATTRS = ['search_fields', 'ordering_fields', 'ordering', 'filterset_fields'];
const ADMIN_ATTRS = ['list_display', 'list_filter', 'search_fields', 'ordering'];

/** A model whose fields come partly from outside the project (`AbstractUser`): any name may exist. */
const isOpen = (m: ModelInfo, index: ProjectIndex) =>
  m.cls.bases.some((b) => {
    const last = b.split('.').pop() ?? b;
    return last !== 'Model' && !index.modelsByName.has(last);
  });

function target(index: ProjectIndex, model: ModelInfo, name: string): ModelInfo | null | undefined {
  const f = model.fields.get(name);
  if (!f || !RELATION_FIELDS.has(f.kind)) return undefined;
  const t = f.call.args?.[0] ?? f.call.kw?.to;
  const ref = t?.k === 'str' ? String(t.v) : t?.name;
  if (!ref || /AUTH_USER_MODEL$/.test(ref)) return null;
  return ref === 'self' ? model : (findModel(index, ref, model.file) ?? null);
}

/** The model reached through a reverse relation named `name` on `model`, if any. */
function reverse(index: ProjectIndex, model: ModelInfo, name: string): ModelInfo | undefined {
  for (const other of index.models) {
    for (const f of other.fields.values()) {
      if (!RELATION_FIELDS.has(f.kind)) continue;
      const t = f.call.args?.[0] ?? f.call.kw?.to;
      const ref = t?.k === 'str' ? String(t.v) : t?.name;
      const points = ref === 'self' ? other === model : ref?.split('.').pop() === model.name;
      if (!points) continue;
      const kw = f.call.kw ?? {};
      const lower = other.name.toLowerCase();
      const names = [kw.related_query_name, kw.related_name]
        .map((v) => (v?.k === 'str' ? String(v.v) : ''))
        .filter(Boolean);
      if ([...names, lower, `${lower}_set`].includes(name)) return other;
    }
  }
  return undefined;
}

/** Why `path` names nothing on `model`, or null when it resolves (or cannot be judged). */
export function pathProblem(index: ProjectIndex, model: ModelInfo, path: string, relationsOnly = false): string | null {
  let current: ModelInfo | null = model;
  const parts = path.split('__');
  for (let i = 0; i < parts.length; i++) {
    const seg = parts[i] ?? '';
    if (!current || isOpen(current, index)) return null;
    if (seg === 'pk' || seg === 'id') {
      current = null;
      continue;
    }
    const next = target(index, current, seg);
    if (next !== undefined) {
      current = next;
      continue;
    }
    if (current.fields.has(seg)) {
      if (relationsOnly) return `"${seg}" on ${current.name} is not a relation`;
      const rest = parts.slice(i + 1);
      return rest.every((r) => LOOKUPS.has(r))
        ? null
        : `"${rest.join('__')}" is not a lookup of ${current.name}.${seg}`;
    }
    const back = reverse(index, current, seg);
    if (back) {
      current = back;
      continue;
    }
    if (i > 0 && i === parts.length - 1 && LOOKUPS.has(seg) && !relationsOnly) return null;
    return `${current.name} has no field or relation "${seg}"`;
  }
  return null;
}

function viewModel(index: ProjectIndex, module: ParsedModule, cls: PyClass): ModelInfo | undefined {
  const qs = cls.attrs.find((a) => a.name === 'queryset')?.value.src.match(/^(\w+)\.objects/)?.[1];
  if (qs) return findModel(index, qs, module.path);
  const ser = cls.attrs
    .find((a) => a.name === 'serializer_class')
    ?.value.name?.split('.')
    .pop();
  const serCls = ser ? index.classes.get(ser)?.[0]?.cls : undefined;
  const ref = serCls?.meta?.attrs.model?.value.name?.split('.').pop();
  return ref ? findModel(index, ref, module.path) : undefined;
}

function adminModels(module: ParsedModule): Map<string, string> {
  const out = new Map<string, string>();
  for (const cls of module.classes)
    for (const d of cls.decorators)
      if (d.attr === 'register' && d.args?.[0]?.name) out.set(cls.name, d.args[0].name.split('.').pop() ?? '');
  for (const c of module.calls) {
    if (c.attr !== 'register' || !/admin/.test(c.func ?? '')) continue;
    const [model, admin] = c.args;
    if (model?.name && admin?.name) out.set(admin.name.split('.').pop() ?? '', model.name.split('.').pop() ?? '');
  }
  return out;
}

/** `semantic.unknown-lookup` for every name path of a view, admin class or queryset call of `module`. */
export function lookupFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  const report = (at: PyPos, where: string, name: string, problem: string) =>
    out.push(
      finding(
        'semantic',
        'error',
        'semantic.unknown-lookup',
        module.path,
        at,
        `${where} names "${name}": ${problem} (FieldError when a request uses it).`,
      ),
    );
  const admins = adminModels(module);
  const models = new Map<string, ModelInfo | undefined>();
  for (const cls of module.classes) {
    const adminOf = admins.get(cls.name);
    const model = adminOf ? findModel(index, adminOf, module.path) : viewModel(index, module, cls);
    models.set(cls.name, model);
    if (!model) continue;
    const own = new Set([...cls.methods.map((m) => m.name), ...cls.attrs.map((a) => a.name)]);
    const modelOwn = new Set([
      ...model.cls.methods.map((m) => m.name),
      ...model.cls.attrs.map((a) => a.name),
      '__str__',
    ]);
    for (const attr of adminOf ? ADMIN_ATTRS : VIEW_ATTRS) {
      const entry = cls.attrs.find((a) => a.name === attr);
      if (!entry || (entry.value.k === 'str' && entry.value.v === '__all__')) continue;
      const names = entry.value.k === 'str' ? [String(entry.value.v)] : stringItems(entry.value);
      for (const raw of names) {
        const name = raw.replace(/^[-?^=@$]/, '');
        if (attr === 'list_display' && (own.has(name) || modelOwn.has(name))) continue;
        if (name === '' || name === '?') continue;
        const problem = pathProblem(index, model, name);
        if (problem) report(entry, `${cls.name}.${attr}`, raw, problem);
      }
    }
  }
  for (const [line, col, method, root, owner, names] of module.lookups ?? []) {
    const model = index.modelsByName.has(root)
      ? findModel(index, root, module.path)
      : owner
        ? models.get(owner)
        : undefined;
    if (!model) continue;
    for (const raw of names) {
      const name = raw.replace(/^[-?]/, '');
      if (name === '' || name === '?') continue;
      const problem = pathProblem(index, model, name, method === 'select_related' || method === 'prefetch_related');
      if (problem) report({ line, col }, `${method}()`, raw, problem);
    }
  }
  return out;
}
