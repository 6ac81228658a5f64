/**
 * The analyzer's structure extraction done with tree-sitter-python, for hosts without any Python:
 * the same `PyModule` shape as the CPython analyzer produces, so the semantic, best-practice and
 * security rules run unchanged. Syntax errors come from tree-sitter (no IndentationError,
 * TabError or compile-stage errors), which the layer status says.
 */
import type { Node, Parser } from 'web-tree-sitter';
import { fileKind, projectRoots } from './security-policy';
import { pythonParser } from './syntax-layer';
import { RETURNS_OF, branchAssigns, lookups, methodReturns } from './tree-sitter-extras';
import type { ScanContext } from './tree-sitter-security';
import { treeSitterNames } from './tree-sitter-names';
import { treeSitterSecurity } from './tree-sitter-security-walk';
import { lastAttr, named, pos, value } from './tree-sitter-value';
import type { PyAttr, PyCall, PyClass, PyFunction, PyImport, PyModule, SourceFile } from './types';

const INTEREST = new Set([
  'eval',
  'exec',
  'load',
  'loads',
  'execute',
  'executemany',
  'raw',
  'extra',
  'RawSQL',
  'run',
  'call',
  'Popen',
  'check_output',
  'check_call',
  'system',
  'popen',
  'register',
  'path',
  're_path',
  'reverse',
  'csrf_exempt',
  'include',
  'DefaultRouter',
  'SimpleRouter',
  'unsafe_load',
]);
const MUTABLE = new Set([
  'list',
  'dictionary',
  'set',
  'list_comprehension',
  'dictionary_comprehension',
  'set_comprehension',
]);

/** `x = …` / `x: T = …` inside an expression statement: [names, value node]. */
function assignment(stmt: Node): [string[], Node | null, Node[]] {
  const a = stmt.type === 'expression_statement' ? named(stmt)[0] : undefined;
  if (a?.type !== 'assignment') return [[], null, []];
  const left = a.childForFieldName('left');
  const right = a.childForFieldName('right');
  if (left?.type === 'identifier') return [[left.text], right, []];
  const unpacked =
    left && (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern')
      ? named(left).filter((c) => c.type === 'identifier')
      : [];
  return [[], null, unpacked];
}

function unwrap(stmt: Node): { def: Node; decorators: Node[] } {
  if (stmt.type !== 'decorated_definition') return { def: stmt, decorators: [] };
  const decorators = named(stmt)
    .filter((c) => c.type === 'decorator')
    .map((d) => named(d)[0])
    .filter((d): d is Node => !!d);
  return { def: stmt.childForFieldName('definition') ?? stmt, decorators };
}

function describeClass(def: Node, decorators: Node[]): PyClass {
  const info: PyClass = {
    ...pos(def),
    name: def.childForFieldName('name')?.text ?? '',
    bases: named(def.childForFieldName('superclasses'))
      .filter((b) => b.type !== 'keyword_argument')
      .map((b) => b.text),
    decorators: decorators.map((d) => value(d)),
    attrs: [],
    methods: [],
    meta: null,
    called: [],
  };
  for (const stmt of named(def.childForFieldName('body'))) {
    const [names, right] = assignment(stmt);
    if (right) for (const name of names) info.attrs.push({ ...pos(stmt), name, value: value(right) });
    const { def: inner } = unwrap(stmt);
    if (inner.type === 'function_definition') {
      const name = inner.childForFieldName('name')?.text ?? '';
      info.methods.push({ ...pos(inner), name, ...(RETURNS_OF.has(name) ? { returns: methodReturns(inner) } : {}) });
    }
    if (inner.type === 'class_definition' && inner.childForFieldName('name')?.text === 'Meta') {
      const meta: NonNullable<PyClass['meta']> = { ...pos(inner), attrs: {} };
      for (const s of named(inner.childForFieldName('body'))) {
        const [n2, r2] = assignment(s);
        if (r2) for (const name of n2) meta.attrs[name] = { ...pos(s), value: value(r2) };
      }
      info.meta = meta;
    }
  }
  return info;
}

function describeImport(stmt: Node, imports: PyImport[], defs: string[]): void {
  const names: [string, string | null][] = [];
  for (const c of stmt.childrenForFieldName('name').filter((x): x is Node => x !== null)) {
    if (c.type === 'aliased_import')
      names.push([c.childForFieldName('name')?.text ?? '', c.childForFieldName('alias')?.text ?? null]);
    else names.push([c.text, null]);
  }
  if (stmt.type === 'import_statement') {
    for (const n of names) {
      imports.push({ ...pos(stmt), module: null, level: 0, names: [n] });
      defs.push(n[1] ?? n[0].split('.')[0] ?? n[0]);
    }
    return;
  }
  if (named(stmt).some((c) => c.type === 'wildcard_import')) names.push(['*', null]);
  const mod = stmt.childForFieldName('module_name');
  let level = 0;
  let module: string | null = mod?.text ?? null;
  if (mod?.type === 'relative_import') {
    level = (named(mod).find((c) => c.type === 'import_prefix')?.text ?? '').length;
    module = named(mod).find((c) => c.type === 'dotted_name')?.text ?? null;
  }
  imports.push({ ...pos(stmt), module: stmt.type === 'future_import_statement' ? '__future__' : module, level, names });
  defs.push(...names.map(([n, a]) => a ?? n));
}

/** The `PyModule` of one parsed file (structure only when the tree has no error). */
export function describeTree(path: string, root: Node, ctx?: ScanContext): PyModule {
  const m = {
    path,
    syntax: null,
    warnings: [],
    imports: [] as PyImport[],
    defs: [] as string[],
    assigns: [] as PyAttr[],
    classes: [] as PyClass[],
    calls: [] as PyCall[],
    functions: [] as PyFunction[],
  };
  for (const stmt of named(root)) {
    const { def, decorators } = unwrap(stmt);
    if (
      def.type === 'import_statement' ||
      def.type === 'import_from_statement' ||
      def.type === 'future_import_statement'
    )
      describeImport(def, m.imports, m.defs);
    else if (def.type === 'class_definition') {
      m.defs.push(def.childForFieldName('name')?.text ?? '');
      m.classes.push(describeClass(def, decorators));
    } else if (def.type === 'function_definition') m.defs.push(def.childForFieldName('name')?.text ?? '');
    else {
      const [names, right, unpacked] = assignment(def);
      for (const name of names) {
        m.defs.push(name);
        if (right) m.assigns.push({ ...pos(def), name, value: value(right) });
      }
      m.defs.push(...unpacked.map((u) => u.text));
    }
  }
  walk(root, null, m.classes, m.calls, m.functions);
  const judged = ctx ? treeSitterSecurity(root, ctx) : {};
  return {
    ...m,
    ...judged,
    ...treeSitterNames(root, path),
    branchAssigns: branchAssigns(named(root)),
    lookups: lookups(root),
  };
}

function walk(root: Node, _top: string | null, classes: PyClass[], calls: PyCall[], functions: PyFunction[]): void {
  const byName = new Map(classes.map((c) => [c.name, new Set<string>()]));
  const stack: [Node, string | null][] = [[root, null]];
  while (stack.length > 0) {
    const [n, top] = stack.pop() as [Node, string | null];
    const topHere =
      top ??
      (n.type === 'class_definition' && n.parent?.type !== 'block'
        ? (n.childForFieldName('name')?.text ?? null)
        : null);
    for (const c of [...named(n)].reverse()) stack.push([c, topHere]);
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      if (topHere && fn?.type === 'attribute') byName.get(topHere)?.add(fn.childForFieldName('attribute')?.text ?? '');
      const attr = lastAttr(fn);
      if (attr && INTEREST.has(attr)) {
        const v = value(n);
        calls.push({ ...pos(n), func: v.func ?? null, attr, args: v.args ?? [], kw: v.kw ?? {} });
      }
    } else if (n.type === 'function_definition' || n.type === 'lambda') {
      const params = named(n.childForFieldName('parameters'));
      const mutable = params
        .filter(
          (p) =>
            (p.type === 'default_parameter' || p.type === 'typed_default_parameter') &&
            MUTABLE.has(p.childForFieldName('value')?.type ?? ''),
        )
        .map((p) => p.childForFieldName('name')?.text ?? '');
      if (n.type === 'lambda') {
        if (mutable.length > 0)
          functions.push({ ...pos(n), name: '<lambda>', cls: null, decorators: [], mutableDefaults: mutable });
        continue;
      }
      const holder = n.parent?.type === 'decorated_definition' ? n.parent : n;
      const owner =
        holder.parent?.type === 'block' && holder.parent.parent?.type === 'class_definition'
          ? holder.parent.parent
          : null;
      const decorators = holder === n ? [] : unwrap(holder).decorators;
      functions.push({
        ...pos(n),
        name: n.childForFieldName('name')?.text ?? '',
        cls: owner ? (owner.childForFieldName('name')?.text ?? null) : null,
        decorators: decorators.map((d) => value(d)),
        mutableDefaults: mutable,
      });
    }
  }
  for (const c of classes) c.called = [...(byName.get(c.name) ?? [])].sort();
}

/** `PyModule`s of every `.py` file from tree-sitter; a file whose tree has errors gets `syntax` set and no structure. */
export async function describeWithTreeSitter(files: readonly SourceFile[]): Promise<PyModule[]> {
  const parser: Parser = await pythonParser();
  const out: PyModule[] = [];
  const roots = projectRoots(files);
  for (const f of files) {
    if (!f.path.endsWith('.py')) continue;
    const tree = parser.parse(f.content);
    if (!tree) continue;
    try {
      if (tree.rootNode.hasError) {
        const bad = firstError(tree.rootNode);
        const at = bad ? pos(bad) : { line: 1, col: 1 };
        const text = bad?.isMissing
          ? `expected "${bad.type}"`
          : `invalid syntax near "${(bad?.text ?? '').trim().slice(0, 40)}"`;
        out.push({
          path: f.path,
          syntax: { type: 'SyntaxError', msg: `${text} (tree-sitter)`, ...at, text: '' },
          warnings: [],
        });
      } else out.push(describeTree(f.path, tree.rootNode, { path: f.path, kind: fileKind(f.path), roots }));
    } finally {
      tree.delete();
    }
  }
  return out;
}

function firstError(n: Node): Node | null {
  if (n.isError || n.isMissing) return n;
  for (const c of n.children) {
    if (c && (c.hasError || c.isMissing)) {
      const found = firstError(c);
      if (found) return found;
    }
  }
  return null;
}
