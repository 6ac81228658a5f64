/**
 * A cross-file index of an analyzed project: which module a path is, which classes are Django
 * models and what fields they have, so the semantic, best-practice and security rules can answer
 * "does this name exist" without re-walking every module.
 */
import { isParsed, type ParsedModule, type PyClass, type PyModule, type PyValue } from './types';

export const RELATION_FIELDS = new Set(['ForeignKey', 'OneToOneField', 'ManyToManyField']);

export interface ModelField {
  name: string;
  /** Field class, e.g. `CharField`, `ForeignKey`. */
  kind: string;
  line: number;
  col: number;
  call: PyValue;
  /** Given by Django's user base classes (`AbstractUser`…), not declared in the project. */
  fromDjango?: true;
}

export interface ModelInfo {
  name: string;
  app: string;
  file: string;
  cls: PyClass;
  fields: Map<string, ModelField>;
  abstract: boolean;
}

export interface ProjectIndex {
  modules: Map<string, ParsedModule>;
  /** Every analyzed module by path, including those with syntax errors. */
  all: Map<string, PyModule>;
  /** Dotted module name → path (`shop.models` → `shop/models.py`, `shop` → `shop/__init__.py`). */
  moduleFiles: Map<string, string>;
  /** Dotted names of folders holding Python files (packages, namespace packages included). */
  packages: Set<string>;
  /** First segments of every project module: imports under these must resolve inside the project. */
  roots: Set<string>;
  models: ModelInfo[];
  /** `models` grouped by class name, each list in `models` order (lookups without a scan). */
  modelsByName: Map<string, ModelInfo[]>;
  /** Class name → where classes of that name are defined, in module order. */
  classes: Map<string, { path: string; cls: PyClass }[]>;
  /** Names bound to a project class by `Alias = Class` or `import Class as Alias`, and the class they mean. */
  aliases: Map<string, { path: string; cls: PyClass }[]>;
}

/** `shop/models.py` → `shop.models`; `shop/__init__.py` → `shop`. */
export function moduleName(path: string): string {
  const parts = path.replace(/\.py$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.join('.');
}

/** The Django app label of a file: its first folder (`shop/models.py` → `shop`). */
export const appOfPath = (path: string): string => path.split('/')[0] ?? '';

/** `models.CharField` → `CharField`, or null when the value is not a call of a Django field class. */
export function fieldKind(value: PyValue): string | null {
  if (value.k !== 'call' || !value.attr) return null;
  return /Field$/.test(value.attr) || RELATION_FIELDS.has(value.attr) ? value.attr : null;
}

function isModelClass(cls: PyClass, knownModels: Set<string>): boolean {
  return cls.bases.some((b) => {
    const last = b.split('.').pop() ?? b;
    return b === 'models.Model' || b === 'Model' || /^Abstract\w*User$/.test(last) || knownModels.has(last);
  });
}

export function buildIndex(analyzed: readonly PyModule[]): ProjectIndex {
  const modules = new Map<string, ParsedModule>();
  const all = new Map<string, PyModule>();
  const moduleFiles = new Map<string, string>();
  const packages = new Set<string>();
  const roots = new Set<string>();
  for (const m of analyzed) {
    all.set(m.path, m);
    if (isParsed(m)) modules.set(m.path, m);
    const name = moduleName(m.path);
    moduleFiles.set(name, m.path);
    const parts = m.path.split('/');
    for (let i = 1; i < parts.length; i++) packages.add(parts.slice(0, i).join('.'));
    roots.add(name.split('.')[0] ?? name);
  }
  const models: ModelInfo[] = [];
  const names = new Set<string>();
  const seen = new Set<string>();
  // Two passes so a model inheriting from another project model (declared later) is found.
  for (let pass = 0; pass < 2; pass++) {
    for (const [path, m] of modules) {
      for (const cls of m.classes) {
        const key = `${path}\0${cls.name}`;
        if (seen.has(key)) continue;
        if (!isModelClass(cls, names)) continue;
        seen.add(key);
        names.add(cls.name);
        const fields = new Map<string, ModelField>();
        for (const a of cls.attrs) {
          const kind = fieldKind(a.value);
          if (kind) fields.set(a.name, { name: a.name, kind, line: a.line, col: a.col, call: a.value });
        }
        const abstract = cls.meta?.attrs.abstract?.value.v === true;
        models.push({ name: cls.name, app: appOfPath(path), file: path, cls, fields, abstract });
      }
    }
  }
  const modelsByName = byName(models);
  for (const model of models) inheritFields(model, modelsByName);
  const classes = new Map<string, { path: string; cls: PyClass }[]>();
  for (const [path, m] of modules) {
    for (const cls of m.classes) {
      const list = classes.get(cls.name);
      if (list) list.push({ path, cls });
      else classes.set(cls.name, [{ path, cls }]);
    }
  }
  return {
    modules,
    all,
    moduleFiles,
    packages,
    roots,
    models,
    classes,
    modelsByName,
    aliases: aliasesOf(modules, classes),
  };
}

function aliasesOf(
  modules: ReadonlyMap<string, ParsedModule>,
  classes: ReadonlyMap<string, { path: string; cls: PyClass }[]>,
): Map<string, { path: string; cls: PyClass }[]> {
  const out = new Map<string, { path: string; cls: PyClass }[]>();
  const add = (alias: string, original: string, path: string) => {
    const first = classes.get(original)?.[0];
    if (!first || alias === original) return;
    const entry = { path, cls: first.cls };
    const list = out.get(alias);
    if (list) list.push(entry);
    else out.set(alias, [entry]);
  };
  for (const [path, m] of modules) {
    for (const a of m.assigns)
      if (a.value.k === 'name' && a.value.name) add(a.name, a.value.name.split('.').pop() ?? '', path);
    for (const imp of m.imports) for (const [name, alias] of imp.names) if (alias) add(alias, name, path);
  }
  return out;
}

function byName(models: readonly ModelInfo[]): Map<string, ModelInfo[]> {
  const out = new Map<string, ModelInfo[]>();
  for (const m of models) {
    const list = out.get(m.name);
    if (list) list.push(m);
    else out.set(m.name, [m]);
  }
  return out;
}

/**
 * The fields Django's `AbstractUser` (and `AbstractBaseUser`/`PermissionsMixin`) give a custom user
 * model: a model subclassing them has these without declaring them.
 */
const DJANGO_USER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  AbstractBaseUser: ['password', 'last_login'],
  PermissionsMixin: ['is_superuser', 'groups', 'user_permissions'],
  AbstractUser: [
    'password',
    'last_login',
    'is_superuser',
    'groups',
    'user_permissions',
    'username',
    'first_name',
    'last_name',
    'email',
    'is_staff',
    'is_active',
    'date_joined',
  ],
};
const MANY_TO_MANY = new Set(['groups', 'user_permissions']);

function inheritFields(model: ModelInfo, models: ReadonlyMap<string, readonly ModelInfo[]>, depth = 0): void {
  if (depth > 5) return;
  for (const base of model.cls.bases) {
    const inherited = DJANGO_USER_FIELDS[base.split('.').pop() ?? base];
    for (const name of inherited ?? []) {
      if (model.fields.has(name)) continue;
      const kind = MANY_TO_MANY.has(name) ? 'ManyToManyField' : 'Field';
      model.fields.set(name, {
        name,
        kind,
        line: model.cls.line,
        col: model.cls.col,
        call: { k: 'call', name: kind, src: '' },
        fromDjango: true,
      });
    }
    const parent = models.get(base.split('.').pop() ?? base)?.find((m) => m !== model);
    if (!parent) continue;
    inheritFields(parent, models, depth + 1);
    for (const [name, f] of parent.fields) if (!model.fields.has(name)) model.fields.set(name, f);
  }
}

/** The model a name refers to from `fromPath`: same app first, then anywhere, `app.Model` exactly. */
export function findModel(index: ProjectIndex, ref: string, fromPath: string): ModelInfo | undefined {
  if (ref.includes('.')) {
    const [app, name] = ref.split('.', 2) as [string, string];
    return index.modelsByName.get(name)?.find((m) => m.app === app);
  }
  const app = appOfPath(fromPath);
  const named = index.modelsByName.get(ref);
  return named?.find((m) => m.app === app) ?? named?.[0];
}

/** Where a class of this name is defined in the project, or the class an alias of that name means (first match, optionally within one app). */
export function findClass(index: ProjectIndex, name: string, app?: string): { path: string; cls: PyClass } | undefined {
  const found = index.classes.get(name) ?? index.aliases.get(name) ?? [];
  return (app === undefined ? undefined : found.find((c) => appOfPath(c.path) === app)) ?? found[0];
}

/** Strings of a list/tuple value (`['a', 'b']` → `['a', 'b']`), or the keys of a dict. */
export function stringItems(value: PyValue | undefined): string[] {
  if (!value) return [];
  if (value.k === 'dict') return (value.keys ?? []).filter((k): k is string => k !== null);
  return (value.items ?? []).filter((i) => i.k === 'str').map((i) => String(i.v));
}
