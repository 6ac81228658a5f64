/**
 * Semantic rules on names that must exist on a model: `Meta.fields` of serializers and FilterSets,
 * and the targets of relation fields. A misspelled serializer field passes `manage.py check` and
 * only fails when the serializer is first used, so catching it statically matters.
 */
import { RELATION_FIELDS, findModel, stringItems, type ModelInfo, type ProjectIndex } from './project-index';
import { finding, type Finding, type ParsedModule, type PyClass } from './types';

/** App labels of Django itself that relations may point at. */
const EXTERNAL_APPS = new Set(['auth', 'contenttypes', 'sites', 'admin', 'sessions']);

/** Reverse accessors of one project, found in one pass over every relation field. */
interface ReverseNames {
  /** By the last segment of the relation's target (`shop.Order` → `Order`). */
  byTarget: Map<string, string[]>;
  /** Self-relations (`'self'`), by the model declaring them. */
  bySelf: Map<ModelInfo, string[]>;
}

const reverseCache = new WeakMap<ProjectIndex, ReverseNames>();

function push<K>(map: Map<K, string[]>, key: K, names: readonly string[]): void {
  const list = map.get(key);
  if (list) list.push(...names);
  else map.set(key, [...names]);
}

function reverseNames(index: ProjectIndex): ReverseNames {
  const cached = reverseCache.get(index);
  if (cached) return cached;
  const out: ReverseNames = { byTarget: new Map(), bySelf: new Map() };
  for (const other of index.models) {
    for (const f of other.fields.values()) {
      if (!RELATION_FIELDS.has(f.kind)) continue;
      const target = f.call.args?.[0] ?? f.call.kw?.to;
      const ref = target?.k === 'str' ? String(target.v) : target?.name;
      if (ref === undefined) continue;
      const related = f.call.kw?.related_name;
      const names = [related?.k === 'str' ? String(related.v) : `${other.name.toLowerCase()}_set`];
      if (f.kind === 'OneToOneField' && related === undefined) names.push(other.name.toLowerCase());
      push(out.byTarget, ref.split('.').pop() ?? ref, names);
      if (ref === 'self') push(out.bySelf, other, names);
    }
  }
  reverseCache.set(index, out);
  return out;
}

/** Names a serializer or FilterSet may list for `model` besides its declared fields. */
function extraNames(index: ProjectIndex, model: ModelInfo): Set<string> {
  const reverse = reverseNames(index);
  return new Set([
    'id',
    'pk',
    ...model.cls.methods.map((m) => m.name),
    ...model.cls.attrs.map((a) => a.name),
    ...(reverse.byTarget.get(model.name) ?? []),
    ...(reverse.bySelf.get(model) ?? []),
  ]);
}

function metaModel(index: ProjectIndex, module: ParsedModule, cls: PyClass): ModelInfo | undefined {
  const ref = cls.meta?.attrs.model?.value;
  if (!ref || ref.k !== 'name' || !ref.name) return undefined;
  return findModel(index, ref.name.split('.').pop() ?? ref.name, module.path);
}

/** `semantic.unknown-field`: serializer/FilterSet `Meta.fields` (and read-only fields) naming nothing on the model. */
export function metaFieldFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const cls of module.classes) {
    const meta = cls.meta;
    if (!meta?.attrs.model) continue;
    const model = metaModel(index, module, cls);
    if (!model) {
      const ref = meta.attrs.model.value;
      const imported = module.defs.includes(ref.name?.split('.')[0] ?? '');
      if (!imported && ref.k === 'name') {
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.unknown-model',
            module.path,
            meta.attrs.model,
            `${cls.name}.Meta.model names "${ref.src}", which is neither defined nor imported.`,
          ),
        );
      }
      continue;
    }
    const isFilter = cls.bases.some((b) => /FilterSet$/.test(b));
    const allowed = new Set([...model.fields.keys(), ...(isFilter ? ['id', 'pk'] : extraNames(index, model))]);
    if (!isFilter) for (const a of cls.attrs) allowed.add(a.name);
    if (!isFilter && cls.bases.some((b) => /Hyperlinked/.test(b))) allowed.add('url');
    for (const key of ['fields', 'read_only_fields', 'exclude'] as const) {
      const entry = meta.attrs[key];
      if (!entry || (entry.value.k === 'str' && entry.value.v === '__all__')) continue;
      for (const name of stringItems(entry.value)) {
        const head = isFilter ? (name.split('__')[0] ?? name) : name;
        if (allowed.has(head)) continue;
        const kind = isFilter ? 'FilterSet' : 'serializer';
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.unknown-field',
            module.path,
            entry,
            `${kind} ${cls.name}.Meta.${key} names "${name}", which is not a field of model ${model.name}.`,
          ),
        );
      }
    }
  }
  return out;
}

/** `semantic.unknown-relation-target`: ForeignKey/OneToOne/ManyToMany (and `through`) to a model that does not exist. */
export function relationTargetFindings(index: ProjectIndex, module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const model of index.models.filter((m) => m.file === module.path)) {
    for (const f of model.fields.values()) {
      if (!RELATION_FIELDS.has(f.kind) || !model.cls.attrs.some((a) => a.name === f.name && a.line === f.line))
        continue;
      const refs = [f.call.args?.[0] ?? f.call.kw?.to, f.call.kw?.through];
      for (const target of refs) {
        if (!target) continue;
        let ref: string | undefined;
        if (target.k === 'str') ref = String(target.v);
        else if (target.k === 'name' && target.name && !/AUTH_USER_MODEL$/.test(target.name)) {
          if (module.defs.includes(target.name) && !index.models.some((m) => m.name === target.name)) continue; // imported from outside
          ref = target.name;
        }
        if (ref === undefined || ref === 'self') continue;
        const app = ref.includes('.') ? ref.split('.')[0] : undefined;
        if (app !== undefined && EXTERNAL_APPS.has(app)) continue;
        if (findModel(index, ref, module.path)) continue;
        out.push(
          finding(
            'semantic',
            'error',
            'semantic.unknown-relation-target',
            module.path,
            f,
            `${model.name}.${f.name} (${f.kind}) points at "${ref}", which is not a model of the project.`,
          ),
        );
      }
    }
  }
  return out;
}
